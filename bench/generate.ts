/**
 * `node bench/generate.ts [count] [rounds] [--json]`: the cost of one fresh answer in the core, without HTTP:
 * generateAnswer + renderConversation over the test corpus's varied prompts, every model in turn.
 * Prints the mean per answer over `count` (500) answers, best of `rounds` (5) rounds after a
 * warm-up of the same size: the best round is the one least disturbed by other work on the machine.
 */
import { generateAnswer, type Model, renderConversation } from '../src/core/massive/generate/index.ts';
import { MODELS } from '../src/core/massive/conversation.ts';
import { PROMPTS } from '../test/content/corpus.ts';
import { conversation as portlandConversation } from '../test/support/conversation.ts';

const COUNT = Number(process.argv[2] ?? 500);
const ROUNDS = Number(process.argv[3] ?? 5);
/** `--json`: include JSON.stringify of the Completion, as the service stores it (bigger pages cost there). */
const SERIALISE = process.argv.includes('--json');

function run(count: number, offset: number): number {
  let bytes = 0;
  for (let i = 0; i < count; i++) {
    const model: Model = MODELS[i % MODELS.length] ?? 'chatgpt';
    const conversation = portlandConversation(PROMPTS[i % PROMPTS.length] ?? 'hi', model);
    const seed = offset + i;
    const { completion, raw } = renderConversation(conversation, generateAnswer(conversation, seed), seed);
    // What the service does next with a fresh answer: the Completion as JSON, stored with the raw page.
    bytes += (SERIALISE ? JSON.stringify(completion).length : completion.html.length) + raw.length;
  }
  return bytes;
}

run(COUNT, 1_000_000);
let best = Infinity;
let bytes = 0;
for (let round = 0; round < ROUNDS; round++) {
  const start = process.hrtime.bigint();
  bytes = run(COUNT, round * COUNT);
  best = Math.min(best, Number(process.hrtime.bigint() - start) / 1e6);
}
console.log(
  `${COUNT} answers in ${best.toFixed(0)} ms (best of ${ROUNDS}): ${((best / COUNT) * 1000).toFixed(0)} µs per generateAnswer + renderConversation${SERIALISE ? ' + JSON.stringify' : ''} (${(bytes / COUNT / 1024).toFixed(0)} KB of html + raw each)`,
);
