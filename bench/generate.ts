/**
 * `node bench/generate.ts [count]`: the cost of one fresh answer in the core, without HTTP:
 * generateAnswer + renderConversation over the test corpus's varied prompts, every model in turn.
 * Prints the mean per answer over `count` (500) answers, after a warm-up of the same size.
 */
import { generateAnswer, type Model, renderConversation } from '../src/core/generate/index.ts';
import { MODELS } from '../src/core/generate/types.ts';
import { PROMPTS } from '../test/content/corpus.ts';

const COUNT = Number(process.argv[2] ?? 500);

function run(count: number, offset: number): number {
  let bytes = 0;
  for (let i = 0; i < count; i++) {
    const model: Model = MODELS[i % MODELS.length] ?? 'chatgpt';
    const conversation = {
      prompt: PROMPTS[i % PROMPTS.length] ?? 'hi',
      model,
      device: null,
      country: 'US',
      subdivision: null,
      city: 'Portland',
      language: null,
      display: null,
    };
    const seed = offset + i;
    const { completion, raw } = renderConversation(conversation, generateAnswer(conversation, seed), seed);
    bytes += completion.html.length + raw.length;
  }
  return bytes;
}

run(COUNT, 1_000_000);
const start = process.hrtime.bigint();
const bytes = run(COUNT, 0);
const ms = Number(process.hrtime.bigint() - start) / 1e6;
console.log(
  `${COUNT} answers in ${ms.toFixed(0)} ms: ${((ms / COUNT) * 1000).toFixed(0)} µs per generateAnswer + renderConversation (${(bytes / COUNT / 1024).toFixed(0)} KB of html + raw each)`,
);
