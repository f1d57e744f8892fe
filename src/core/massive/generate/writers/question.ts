import { mdText, secondPerson, upper } from '../english.ts';
import { properCase, type Topic } from '../topic.ts';
import { bullets, heading, para, type Writer } from './context.ts';

/** Questions answered "it depends": yes/no ("can dogs eat grapes") and open "how much/what" ones. */
export const QUESTION = /^(?:is|are|can|does|do|should|will|would|how much|how long|what happened)\s/i;

/** The question as the answer quotes it: "Can dogs eat grapes?", in the answerer's person. */
export function quoted(topic: Pick<Topic, 'clause'>): string {
  return `${upper(properCase(secondPerson(topic.clause.replace(/[?？!.]+$/u, '').trim())))}?`;
}

/**
 * A question the generator cannot settle: it says what the answer depends on and where a
 * trustworthy one comes from, quoting the question, rather than a confident yes or no.
 */
export const question: Writer = (ctx) => {
  const { rng, topic } = ctx;
  const q = `“${mdText(quoted(topic))}”`;
  return [
    para(
      ctx,
      [
        rng.pick([
          `Good question. The honest answer to ${q} is that it depends on your situation, so here are the points that usually decide it.`,
          `${q} comes up a lot, and the answer changes with a few specific details; here is how to work it out.`,
        ]),
      ],
      0.8,
    ),
    heading(ctx, 'What it depends on'),
    bullets(
      rng
        .sample(
          [
            `**The specifics:** the exact details behind ${q} (amounts, timing, who is involved) often change the answer.`,
            `**Current guidance:** advice on ${q} is updated from time to time, so check the date of what you read.`,
            `**Your own situation:** what holds in general for ${q} may not hold for you.`,
            `**The evidence:** sources that show their data say more about ${q} than opinions do.`,
            `**Caution first:** where ${q} involves health or safety, the cautious answer is the sensible default until you have confirmed it.`,
          ],
          4,
        )
        .map((line, i) => `${line}${i < 2 ? ctx.cite.maybe(0.5) : ''}`),
    ),
    heading(ctx, 'How to decide'),
    para(ctx, [
      `Write down what matters most to you, then check one or two trusted sources on ${q} before you decide.`,
      rng.pick([
        `If the sources you find on ${q} disagree, look at how recent each one is.`,
        `Official guidance on ${q}, where it exists, is the safest starting point.`,
      ]),
    ]),
    heading(ctx, 'When to ask an expert'),
    para(ctx, [
      `If ${q} touches your health, money or safety, a professional who knows your situation is worth asking.`,
    ]),
    rng.pick([
      `Tell me a bit about your situation and I can make the answer to ${q} more specific.`,
      `Want me to list the main arguments on each side of ${q}?`,
    ]),
  ];
};
