/**
 * Where a fresh answer's time goes, step by step as the service makes one (core/service.ts
 * freshAnswer, then answerBody): generating the content, rendering the page, encoding it as JSON,
 * storing it (one transaction, as a call commits it) and the bytes of the reply. In-process, no
 * HTTP. `node bench/fresh-split.ts [answers=300]`; the store is a temporary file, as by default.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { systemClock } from '../src/core/clock.ts';
import { conversationKey } from '../src/core/conversation-key.ts';
import { generateAnswer, renderConversation } from '../src/core/generate/index.ts';
import { parseAiRequest } from '../src/core/params/request.ts';
import { deriveSeed } from '../src/core/random.ts';
import { answerBody } from '../src/core/service.ts';
import { openSqliteStore } from '../src/store/sqlite-store.ts';

const count = Number(process.argv[2] ?? 300);
const dir = mkdtempSync(join(tmpdir(), 'massive-mock-split-'));
const store = openSqliteStore(join(dir, 'split.db'));
const steps = { generate: 0, render: 0, 'JSON encoding': 0, 'store (insert + commit)': 0, 'reply bytes': 0 };
let bytes = 0;
const timed = <T>(step: keyof typeof steps, work: () => T): T => {
  const started = performance.now();
  const result = work();
  steps[step] += performance.now() - started;
  return result;
};
try {
  for (let i = 0; i < count + 20; i++) {
    if (i === 20) for (const step of Object.keys(steps) as (keyof typeof steps)[]) steps[step] = 0; // warm-up
    const { conversation } = parseAiRequest({ prompt: `bench fresh prompt ${i}`, expiration: '0' });
    const key = conversationKey(conversation);
    const seed = deriveSeed(1, key, 1);
    const answer = timed('generate', () => generateAnswer(conversation, seed));
    const rendered = timed('render', () => renderConversation(conversation, answer, seed));
    const completionJson = timed('JSON encoding', () => JSON.stringify(rendered.completion));
    const stored = timed('store (insert + commit)', () =>
      store.transaction(() =>
        store.addAnswer({ key, version: 1, createdAt: systemClock.now(), completionJson, raw: rendered.raw }),
      ),
    );
    bytes += timed('reply bytes', () => answerBody(stored, 'json').body.length);
  }
} finally {
  store.close();
  rmSync(dir, { recursive: true, force: true });
}
const total = Object.values(steps).reduce((sum, ms) => sum + ms, 0);
process.stdout.write(
  `${count} fresh answers, ${(bytes / count / 1000).toFixed(0)} kB of JSON each, ${(total / count).toFixed(2)} ms each:\n`,
);
for (const [step, ms] of Object.entries(steps)) {
  process.stdout.write(
    `  ${step.padEnd(24)} ${(ms / count).toFixed(2).padStart(6)} ms  ${((100 * ms) / total).toFixed(0).padStart(3)}%\n`,
  );
}
