import type { Intent } from '../topic.ts';
import { comparison } from './comparison.ts';
import { concise } from './concise.ts';
import { creative } from './creative.ts';
import { fact } from './fact.ts';
import { listing } from './listing.ts';
import { localForm } from './local-form.ts';
import { shaped } from '../ask.ts';
import type { ProseContext, Writer } from './context.ts';
import { definition } from './definition.ts';
import { general } from './general.ts';
import { guide } from './guide.ts';
import { howto } from './howto.ts';
import { news } from './news.ts';
import { recommendation } from './recommendation.ts';
import { translated } from './translated.ts';

export { createCiter, type ProseContext, REFERENCE_YEAR } from './context.ts';

/** One writer per intent; each delegates to a narrower one (who-is, factual, weather) where it fits. */
const WRITERS: Record<Intent, Writer> = { recommendation, definition, howto, comparison, news, general };

/** The writer for the form the prompt asks for (a fact, a piece, a list, a length), else for its intent. */
function writerFor(ctx: ProseContext): Writer {
  const { topic } = ctx;
  if (topic.fact) return fact;
  if (ctx.language !== 'en') return shaped(topic.ask) ? localForm : translated;
  if (topic.ask.piece) return creative;
  if (topic.ask.list) return listing;
  if (topic.ask.shape || topic.ask.summary) return concise;
  return topic.intent === 'recommendation' && ctx.profile.pickStyle === 'tier'
    ? guide
    : WRITERS[topic.intent];
}

/** Writes the answer's Markdown, with `[n]` citations over the answer's sources. */
export function writeMarkdown(ctx: ProseContext): string {
  const blocks = writerFor(ctx)(ctx);
  // Every answer with sources cites at least one: the opening paragraph, if chance cited none.
  if (!blocks.some((block) => /\[\d+\]/.test(block)) && blocks[0]) blocks[0] += ctx.cite.maybe(1);
  return `${blocks.join('\n\n')}\n`;
}
