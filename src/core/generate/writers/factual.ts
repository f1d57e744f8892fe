import { mdText } from '../english.ts';
import { bullets, heading, para, type Writer } from './context.ts';

/** The question as asked, trimmed of its question mark, for "who invented...", "how tall is...". */
function question(clause: string): string {
  return mdText(clause.replace(/[?？!.]+$/u, '').trim());
}

/**
 * A factual question (a date, a figure, a name): the generator knows no facts, so rather than a
 * confident wrong number it says where the exact, current answer is and why sources differ.
 */
export const factual: Writer = (ctx) => {
  const { rng, topic } = ctx;
  const q = question(topic.clause);
  const about = mdText(topic.subject);
  const intro = rng.pick([
    para(
      ctx,
      [
        `For **${q}**, the exact answer is easy to confirm, and it's worth checking one authoritative reference rather than relying on memory.`,
        `Figures and names around ${about} are sometimes rounded or updated, which is why sources can disagree slightly.`,
      ],
      0.9,
    ),
    para(
      ctx,
      [
        `Here's how to get a reliable answer to **${q}**, and what to watch for when sources differ.`,
        `Most reputable references agree on the essentials of ${about}; the differences are usually in dates, rounding or definitions.`,
      ],
      0.9,
    ),
  ]);
  return [
    intro,
    heading(ctx, 'Where to find the answer'),
    bullets(
      rng.sample(
        [
          `**Official sources:** the organisation, agency or institution responsible for ${about} usually publishes the definitive figure.${ctx.cite.maybe(0.6)}`,
          `**Encyclopedias:** a well-edited entry on ${about} gives the accepted answer with its sources.${ctx.cite.maybe(0.6)}`,
          `**Statistics offices:** for numbers about ${about}, national statistics publish the latest counts and their dates.`,
          `**Museums and archives:** for history questions like this one about ${about}, they document how the answer was established.`,
        ],
        3,
      ),
    ),
    heading(ctx, 'Why sources can differ'),
    para(ctx, [
      `Answers about ${about} can vary with ${rng.pick(['when the figure was measured', 'how the terms are defined', 'how the numbers are rounded'])}, so note the date of any source you use.`,
    ]),
    rng.pick([
      `Would you like more background on ${about}, beyond this one question?`,
      `If you need the figure about ${about} for something specific, tell me and I'll suggest the best source to cite.`,
    ]),
  ];
};
