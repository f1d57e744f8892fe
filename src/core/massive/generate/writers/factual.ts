import { mdText } from '../english.ts';
import { properCase } from '../topic.ts';
import { bullets, heading, para, type Writer } from './context.ts';

/** Questions whose answer is one fact (a date, a figure, a name). */
export const FACT_QUESTION =
  /^(?:who (?:invented|discovered|founded|wrote|painted|built|won)|when (?:was|is|did|were)|where is|what year|how (?:many|tall|old|far|big|high|deep|long ago)|what is the (?:capital|population|height|currency)|who is the (?:ceo|president|founder|prime minister))\b/i;

const WH =
  /^(?:who (?:invented|discovered|founded|wrote|painted|built|won|is|was)|when (?:was|is|did|were)|where (?:is|are|was)|what year (?:did|was|is)|what is|how (?:many \S+|much|tall|old|far|big|high|deep|long)(?: (?:is|are|was|were|did|do|does|to))?)\s+/i;

/** What a factual question is about: "how tall is mount everest" → "mount Everest", "when was the eiffel tower built" → "the Eiffel tower". */
export function factSubject(clause: string): string {
  const rest = properCase(clause.replace(/[?？!.]+$/u, '').trim()).replace(WH, '');
  const place = / in (.+)$/.exec(rest)?.[1];
  const bare = (place ?? rest).replace(
    /\s+(?:built|made|founded|invented|discovered|written|signed|released|born|fall|end|start|begin|open)$/i,
    '',
  );
  return bare || clause;
}

/**
 * A factual question (a date, a figure, a name): the generator knows no facts, so rather than a
 * confident wrong number it says where the exact, current answer is and why sources differ.
 */
export const factual: Writer = (ctx) => {
  const { rng, topic } = ctx;
  const about = mdText(factSubject(topic.clause));
  const kind = /\b(?:how (?:many|much|tall|high|deep|big|far|old)|population|height)\b/i.test(topic.clause)
    ? 'number'
    : /^(?:when|what year|who (?:invented|discovered|founded|built|wrote|painted))\b/i.test(topic.clause)
      ? 'history'
      : 'fact';
  const intro = rng.pick([
    para(
      ctx,
      [
        `For a question about **${about}**, the exact answer is easy to confirm, and it's worth checking one authoritative reference rather than relying on memory.`,
        `Figures and names around ${about} are sometimes rounded or updated, which is why sources can disagree slightly.`,
      ],
      0.9,
    ),
    para(
      ctx,
      [
        `Here's how to get a reliable answer about **${about}**, and what to watch for when sources differ.`,
        `Most reputable references agree on the essentials of ${about}; the differences are usually in dates, rounding or definitions.`,
      ],
      0.9,
    ),
  ]);
  return [
    intro,
    heading(ctx, 'Where to find the answer'),
    bullets([
      `**Official sources:** the official website or publications about ${about} usually give the definitive answer.${ctx.cite.maybe(0.6)}`,
      `**Encyclopedias:** a well-edited entry on ${about} gives the accepted answer with its sources.${ctx.cite.maybe(0.6)}`,
      kind === 'number'
        ? `**Statistics:** for figures about ${about}, national statistics or survey bodies publish the latest values and their dates.`
        : kind === 'history'
          ? `**Museums and archives:** for history questions about ${about}, they document how the answer was established.`
          : `**Recent news:** for anything that changes, such as a title or role related to ${about}, check a recent report.`,
    ]),
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
