import { afterAll, describe, expect, it } from 'vitest';
import { conversationKey, MODELS } from '../../src/core/massive/conversation.ts';
import { parseAiRequest } from '../../src/core/massive/params/request.ts';
import { findRevision, REVISION_IDS, type Revision } from '../../src/core/massive/revisions/index.ts';
import { makeReply } from '../../src/core/massive/revisions/present.ts';
import type { StoredAnswer } from '../../src/core/massive/store.ts';
import { AnswerWorkers } from '../../src/http/massive/answer-workers.ts';

const bytesOf = (parts: readonly Buffer[]) => Buffer.concat(parts);

/** An answer as the store keeps it: what makes it, never its page. */
function answerOf(prompt: string, model: string, seed: number): StoredAnswer {
  const { conversation } = parseAiRequest({ prompt, model, country: 'DE', city: 'Berlin' });
  return {
    id: seed,
    key: conversationKey(conversation),
    version: 1,
    createdAt: 0,
    seed,
    domains: 'reserved',
    canned: null,
  };
}

describe('replies made on worker threads', () => {
  // Every answer handed over as soon as the worker is up.
  const workers = new AnswerWorkers(1, 0);
  afterAll(() => workers.close());

  async function handedOver(answer: StoredAnswer, format: 'json' | 'rendered' | 'raw', revision: string) {
    for (let tries = 0; tries < 500; tries++) {
      const made = workers.make(answer, format, revision);
      if (made) return made;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    throw new Error('the worker never came up');
  }

  it('are byte for byte the replies this thread makes, for every model, format and revision', async () => {
    let checked = 0;
    for (const [i, model] of MODELS.entries()) {
      for (const format of ['json', 'rendered', 'raw'] as const) {
        for (const revision of REVISION_IDS) {
          const answer = answerOf(`best hiking boots for wet trails ${i}`, model, 100 + i);
          const here = makeReply(answer, format, findRevision(revision) as Revision).body;
          const there = await handedOver(answer, format, revision);
          expect(there.length).toBe(here.length);
          expect(bytesOf(there.parts).equals(bytesOf(here.parts))).toBe(true);
          checked++;
        }
      }
    }
    expect(checked).toBe(MODELS.length * 3 * REVISION_IDS.length);
  });

  it('share the chrome this thread keeps, holding only their own bytes', async () => {
    const answer = answerOf('quiet dishwashers under 600 dollars', 'chatgpt', 7);
    const there = await handedOver(answer, 'json', REVISION_IDS[0] as string);
    const here = makeReply(answer, 'json', findRevision(REVISION_IDS[0] as string) as Revision).body;
    expect(there.own).toBeLessThan(there.length / 3);
    const shared = there.parts.filter((part) => here.parts.includes(part));
    expect(shared.length).toBeGreaterThan(0);
  });

  it('fail the call, not the process, when a reply cannot be made', async () => {
    const answer = answerOf('anything', 'chatgpt', 1);
    await expect(handedOver(answer, 'json', 'no-such-revision')).rejects.toThrow(
      /no revision no-such-revision/,
    );
  });
});
