import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadRouterDocument } from '../../src/http/router/document.ts';
import { invalidValue, type Schema, validValue } from '../fuzz/schema-arbitrary.ts';
import { startHarness } from '../support/harness.ts';

// Chat bodies generated from the router's document, valid and invalid: every answer is a
// documented 200 or 400 (the harness checks each against the document), never a 5xx.
const RUNS = Number(process.env.FUZZ_RUNS ?? 40);
const document = loadRouterDocument();
const schema = (document.components.schemas as Record<string, Schema>).ChatCompletionCreateParams as Schema;

type Body = Record<string, unknown> & { messages?: { role?: string }[]; tools?: unknown[] | null };

/** A valid body made to pass the rules the schema cannot say too, so that most reach the generation. */
function coherent(value: unknown): Body {
  const body: Body = { ...(value as Body), model: 'openai/gpt-4o-mini' };
  delete body.models;
  const messages = (body.messages ?? []).filter((message) => message.role !== 'tool');
  body.messages = messages.length ? messages : [{ role: 'user', content: 'x' } as never];
  if (!body.tools?.length) delete body.tool_choice;
  if (typeof body.tool_choice === 'object') delete body.tool_choice;
  if (body.top_logprobs != null) body.logprobs = true;
  if (body.stream_options != null) body.stream = true;
  delete body.max_tokens;
  delete body.max_completion_tokens;
  return body;
}

describe('POST /api/v1/chat/completions under generated bodies', async () => {
  const mock = await startHarness();
  const post = (body: unknown) =>
    mock.send('POST', '/api/v1/chat/completions', {
      body: JSON.stringify(body),
      headers: { 'content-type': 'application/json' },
    });

  it('answers valid bodies 200 (or 400 for a rule the schema cannot say), invalid ones 400', async () => {
    const seen = new Set<number>();
    await fc.assert(
      fc.asyncProperty(validValue(document, schema).map(coherent), async (body) => {
        const res = await post(body);
        seen.add(res.status);
        expect([200, 400], res.text).toContain(res.status);
      }),
      { numRuns: RUNS, seed: 20 },
    );
    // The generator reaches the generation, not only the rules.
    expect(seen).toContain(200);
    await fc.assert(
      fc.asyncProperty(invalidValue(document, schema), async (body) => {
        const res = await post(body);
        expect([200, 400], res.text).toContain(res.status);
      }),
      { numRuns: RUNS, seed: 21 },
    );
  }, 120_000);
});
