import type { Piece } from '../ask.ts';
import { a, capitalize, mdText, numberWord, titleCase, upper } from '../english.ts';
import { bullets, type ProseContext, type Writer } from './context.ts';
import { HAIKU, HEROES, JOKES, LIMERICKS, SLOGANS, STANZAS, STORY } from '../verses.ts';

/** Lines of verse: a Markdown hard break (two trailing spaces) keeps each on its own line. */
function verse(lines: readonly string[]): string {
  return lines.map((line, i) => (i === 0 ? upper(line) : line)).join('  \n');
}

/** The theme without its article, the way a slogan uses it: "a coffee shop" → "coffee shop". */
function bare(theme: string): string {
  return theme.replace(/^(?:an?|the|my|your|our)\s+/i, '');
}

/** The theme as a title: "a brave turtle" → "The Brave Turtle". */
function title(theme: string): string {
  return upper(titleCase(theme.replace(/^an?\s+/i, 'the ')));
}

function haiku(ctx: ProseContext, theme: string, count: number): string[] {
  const { rng } = ctx;
  const [firsts, middles, lasts] = HAIKU;
  const [one, two, three] = [rng.sample(firsts, count), rng.sample(middles, count), rng.sample(lasts, count)];
  return Array.from({ length: count }, (_, i) =>
    verse(
      [one[i % one.length], two[i % two.length], three[i % three.length]].map((line) =>
        (line ?? String)(theme),
      ),
    ),
  );
}

function poem(ctx: ProseContext, theme: string): string[] {
  const stanzas = ctx.rng.sample(STANZAS, ctx.topic.ask.short ? 2 : ctx.rng.int(3, 4));
  const heading = ctx.rng.pick([`On ${title(theme)}`, `A Song for ${title(theme)}`, title(theme)]);
  return [`**${heading}**`, ...stanzas.map((stanza) => verse(stanza.map((line) => line(theme))))];
}

function story(ctx: ProseContext, theme: string): string[] {
  const hero = ctx.rng.pick(HEROES);
  const beats = ctx.topic.ask.short ? [STORY[0], STORY[2], STORY[4]] : STORY;
  const paragraphs = beats.map((options) => upper(ctx.rng.pick(options ?? [])(hero, theme)));
  return [`**${title(theme)}**`, ...paragraphs];
}

/** "to my landlord about a broken heater" → the recipient and what the email is about. */
function emailParts(theme: string): { to: string; about: string } {
  const match =
    /^(?:to|for)\s+(?:my |our |the |your )?(.+?)\s+(?:about|regarding|asking (?:for|about)?|requesting|to ask (?:for|about)?|to request|for|to)\s+(.+)$/i.exec(
      theme,
    );
  if (match?.[1] && match[2]) return { to: match[1], about: match[2] };
  const to = /^(?:to|for)\s+(?:my |our |the |your )?(.+)$/i.exec(theme)?.[1];
  return to
    ? { to, about: 'a quick question' }
    : { to: '', about: theme.replace(/^(?:asking|about)\s+/i, '') };
}

function email(ctx: ProseContext, theme: string): string[] {
  const { rng } = ctx;
  const { to, about } = emailParts(theme);
  const greeting = to ? `Dear [${capitalize(to)}’s name],` : 'Hello,';
  return [
    `**Subject:** ${upper(about)}`,
    greeting,
    rng.pick([
      `I hope you're well. I'm writing about ${about}, and I'd like to sort it out as soon as is convenient for you.`,
      `I'm getting in touch about ${about}, which I'd appreciate your help with.`,
    ]),
    rng.pick([
      `Could you let me know how you'd like to handle ${about} and when would suit you, as I'm happy to work around your schedule.`,
      `If it helps, I can share any details about ${about} you need, and I'm flexible on timing.`,
    ]),
    `Thank you for looking into ${about}, and I look forward to hearing from you.`,
    'Best regards,  \n[Your name]',
  ];
}

function slogans(ctx: ProseContext, theme: string, count: number): string[] {
  const noun = bare(theme);
  const lines = ctx.rng
    .sample(SLOGANS, Math.min(count, SLOGANS.length))
    .map((line) => `“${upper(line(noun))}”`);
  return [bullets(lines)];
}

function jokes(ctx: ProseContext, theme: string, count: number): string[] {
  const lines = ctx.rng.sample(JOKES, Math.min(count, JOKES.length)).map((joke) => joke(theme));
  return count === 1 ? lines : [bullets(lines, true)];
}

const DEFAULT_COUNT: Record<Piece, number> = {
  haiku: 1,
  poem: 1,
  limerick: 1,
  story: 1,
  email: 1,
  slogan: 5,
  joke: 1,
};

const NAMES: Record<Piece, [string, string]> = {
  haiku: ['haiku', 'haiku'],
  poem: ['poem', 'poems'],
  limerick: ['limerick', 'limericks'],
  story: ['story', 'stories'],
  email: ['email', 'emails'],
  slogan: ['slogan', 'slogans'],
  joke: ['joke', 'jokes'],
};

function body(ctx: ProseContext, piece: Piece, theme: string, count: number): string[] {
  if (piece === 'haiku') return haiku(ctx, theme, count);
  if (piece === 'poem') return poem(ctx, theme);
  if (piece === 'limerick') return [verse(ctx.rng.pick(LIMERICKS).map((line) => line(theme)))];
  if (piece === 'story') return story(ctx, theme);
  if (piece === 'email') return email(ctx, theme);
  if (piece === 'slogan') return slogans(ctx, theme, count);
  return jokes(ctx, theme, count);
}

/** A poem, haiku, story, slogan, email or joke, in the form and number asked: no headings, no sources. */
export const creative: Writer = (ctx) => {
  const { rng, topic } = ctx;
  const piece = topic.ask.piece ?? 'poem';
  const theme = mdText(topic.subject || 'the everyday');
  const count = topic.ask.count ?? DEFAULT_COUNT[piece];
  const [one, many] = NAMES[piece];
  const what = count === 1 ? a(one) : `${numberWord(count)} ${many}`;
  const about = ` ${piece === 'slogan' ? 'for' : 'about'} ${piece === 'email' ? emailParts(theme).about : theme}`;
  const intro =
    piece === 'email'
      ? rng.pick([`Here's a draft you can adapt:`, `Here's an email you can copy and adjust:`])
      : rng.pick([
          `Here ${count === 1 ? 'is' : 'are'} ${what}${about}:`,
          `Sure! Here${count === 1 ? "'s" : ' are'} ${what}${about}.`,
        ]);
  const these = count === 1 ? `this ${one}` : `these ${many}`;
  const close = rng.pick([
    `Want a different tone for ${these}${about}, or a longer version?`,
    `I can write ${count === 1 ? `another ${one}` : `more ${many}`}${about} in a different style if you like.`,
  ]);
  return [intro, ...body(ctx, piece, theme, count), close];
};
