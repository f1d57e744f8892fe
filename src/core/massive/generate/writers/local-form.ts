import { MAX_ITEMS } from '../ask.ts';
import { mdText, upper } from '../english.ts';
import { FORM_BOOKS, type FormBook } from '../form-books.ts';
import { HEROES } from '../verses.ts';
import { bullets, para, type ProseContext, type Writer } from './context.ts';

function verse(lines: readonly string[]): string {
  return lines.map((line, i) => (i === 0 ? upper(line) : line)).join('  \n');
}

function piece(ctx: ProseContext, book: FormBook, s: string): string[] {
  const { rng, topic } = ctx;
  const kind = topic.ask.piece ?? 'poem';
  const count = topic.ask.count ?? (kind === 'slogan' ? 5 : 1);
  const [one, many] = book.pieces[kind];
  const intro = book.intro(count === 1 ? one : `${count} ${many}`, s);
  const close = rng.pick(book.close)(s);
  if (kind === 'haiku') {
    const [a, b, c] = book.haiku;
    const poems = Array.from({ length: count }, () =>
      verse([rng.pick(a)(s), rng.pick(b)(s), rng.pick(c)(s)]),
    );
    return [intro, ...poems, close];
  }
  if (kind === 'poem' || kind === 'limerick') {
    const stanzas = rng.sample(book.stanzas, topic.ask.short || kind === 'limerick' ? 1 : 2);
    return [intro, ...stanzas.map((stanza) => verse(stanza.map((line) => line(s)))), close];
  }
  if (kind === 'story') {
    const hero = rng.pick(HEROES);
    return [intro, ...book.story.map((beat) => upper(beat(hero, s))), close];
  }
  if (kind === 'email') {
    const { subject, greeting, body, closing } = book.email;
    return [`**${subject}:** ${upper(s)}`, greeting, ...body.map((line) => line(s)), closing];
  }
  const lines = rng
    .sample(kind === 'slogan' ? book.slogans : book.jokes, count)
    .map((line) => upper(line(s)));
  return [intro, kind === 'slogan' || lines.length > 1 ? bullets(lines) : (lines[0] ?? ''), close];
}

function list(ctx: ProseContext, book: FormBook, s: string): string[] {
  const { rng, topic } = ctx;
  const count = Math.min(topic.ask.count ?? 5, MAX_ITEMS, book.items.length);
  const noun = book.lists[topic.ask.list ?? 'tips'];
  const items = rng
    .sample(book.items, count)
    .map(([lead, line], i) => `**${lead}:** ${upper(line(s))}${i === 0 ? ctx.cite.maybe(1) : ''}`);
  return [book.listIntro(count, noun, s), bullets(items, true), rng.pick(book.close)(s)];
}

/** The form a prompt asks for (a piece, a list, a length), in Spanish, French or German. */
export const localForm: Writer = (ctx) => {
  const { rng, topic, language } = ctx;
  if (language === 'en') return [];
  const book = FORM_BOOKS[language];
  const s = mdText(topic.ask.list && topic.ask.about ? topic.focus : topic.subject || topic.clause);
  if (topic.ask.piece) return piece(ctx, book, s);
  if (topic.ask.list) return list(ctx, book, s);
  if (topic.ask.shape === 'bullets') {
    const count = Math.min(topic.ask.count ?? 3, book.items.length);
    const points = rng.sample(book.items, count).map(([lead, line]) => `**${lead}:** ${line(s)}`);
    return [book.pointsIntro(count, s), bullets(points)];
  }
  const sentences = rng.sample(book.sentences, topic.ask.shape === 'brief' ? 2 : 5);
  return [
    para(
      ctx,
      sentences.map((line) => line(s)),
      0.8,
    ),
  ];
};
