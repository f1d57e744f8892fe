import type { Intent } from '../topic.ts';
import { comparison } from './comparison.ts';
import type { ProseContext, Writer } from './context.ts';
import { definition } from './definition.ts';
import { general } from './general.ts';
import { howto } from './howto.ts';
import { news } from './news.ts';
import { recommendation } from './recommendation.ts';

export { createCiter, type ProseContext, REFERENCE_YEAR } from './context.ts';

/** One writer per intent; each delegates to a narrower one (who-is, factual, weather) where it fits. */
const WRITERS: Record<Intent, Writer> = { recommendation, definition, howto, comparison, news, general };

/** Writes the answer's Markdown, with `[n]` citations over the answer's sources. */
export function writeMarkdown(ctx: ProseContext): string {
  return `${WRITERS[ctx.topic.intent](ctx).join('\n\n')}\n`;
}
