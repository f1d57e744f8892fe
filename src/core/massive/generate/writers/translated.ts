import { priceText } from '../catalog.ts';
import { mdText, sentenceCase, upper } from '../english.ts';
import { bullets, heading, para, type ProseContext, table, type Writer } from './context.ts';
import { general } from './general.ts';
import { type LocalKind, PHRASEBOOKS, type Phrasebook } from './phrasebooks.ts';

function kindOf(ctx: ProseContext, book: Phrasebook): { kind: LocalKind; subject: string } {
  const local = book.read(ctx.topic.clause);
  if (local) return local;
  const { intent, subject, clause } = ctx.topic;
  const kind: LocalKind =
    intent === 'definition' || intent === 'howto' || intent === 'recommendation' || intent === 'comparison'
      ? intent
      : 'general';
  return { kind, subject: subject || clause.replace(/^[¿¡\s]+|[?!.\s]+$/g, '') };
}

/**
 * The answer in Spanish, French or German (English answers go to the English writers), with the same picks, citations and comparisons as
 * the English writers, in the phrasebook's sentences.
 */
export const translated: Writer = (ctx) => {
  const { rng, topic, items, language } = ctx;
  if (language === 'en') return general(ctx);
  const book = PHRASEBOOKS[language];
  const { kind, subject: raw } = kindOf(ctx, book);
  const s = mdText(raw);
  const intro = para(ctx, [sentenceCase(rng.pick(book.intros[kind])(s))], 0.9);
  const points = bullets(
    rng.sample(book.points, 3).map((line, i) => `${line(s)}${i === 0 ? ctx.cite.maybe(0.6) : ''}`),
  );
  const learn = para(ctx, [rng.pick(book.learn)(s)], 0.5);
  const close = rng.pick(book.closes)(s);
  if (kind === 'howto') {
    const steps = bullets(
      book.steps.map(([title, line]) => `**${title}${book.colon}** ${line(s)}${ctx.cite.maybe(0.3)}`),
      true,
    );
    return [intro, heading(ctx, book.headings.steps), steps, close];
  }
  if (kind === 'recommendation' && items.length > 0) {
    const audiences = rng.sample(book.audiences, items.length);
    const picks = bullets(
      items.map(
        (item, i) =>
          `${book.pick(mdText(item.name), audiences[i] ?? s, item.price === null ? null : priceText(item))}${ctx.cite.maybe(0.4)}`,
      ),
      true,
    );
    return [
      intro,
      heading(ctx, book.headings.picks),
      picks,
      heading(ctx, book.headings.points),
      points,
      close,
    ];
  }
  if (kind === 'comparison' && topic.options.length >= 2) {
    const [a = '', b = ''] = topic.options.map(mdText);
    const rows = rng.sample(book.aspects, 4).map((aspect) => {
      const [x = '', y = ''] = rng.sample(book.ratings, 2);
      return [aspect, x, y];
    });
    return [
      intro,
      heading(ctx, book.headings.compare),
      table([book.feature, a.replace(/\\/g, ''), b.replace(/\\/g, '')], rows),
      para(ctx, [book.verdict(upper(a), b)], 0.5),
      close,
    ];
  }
  return [intro, heading(ctx, book.headings.points), points, heading(ctx, book.headings.learn), learn, close];
};
