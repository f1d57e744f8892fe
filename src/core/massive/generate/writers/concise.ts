import { numberWord, upper } from '../english.ts';
import { bullets, type Forms, forms, para, type ProseContext, type Writer } from './context.ts';

type Sentence = (f: Forms, field: string) => string;

/**
 * Sentences a short answer is made of, by their place in it: each stands on its own, names the
 * subject, and claims nothing a source would be needed for.
 */
const OPENERS: readonly Sentence[] = [
  (f, field) =>
    `${f.Name} ${f.plural ? 'come' : 'comes'} up often in ${field}, and most sources describe ${f.itObject} in much the same way.`,
  (f) =>
    `At its core, ${f.name} ${f.plural ? 'rest' : 'rests'} on one simple idea, and the details build on it.`,
  (f) => `Most introductions to ${f.name} start with what ${f.it} ${f.be} for, then show a few examples.`,
];

const MIDDLES: readonly Sentence[] = [
  (f) => `The details of ${f.name} vary from source to source, but the main points are widely agreed.`,
  (f) => `Seeing ${f.name} in a real situation usually makes the idea click faster than any definition.`,
  (f) => `People run into ${f.name} in guides, courses and the news, often without a proper explanation.`,
  (f) =>
    `The finer points of ${f.name} are where experts disagree, so it helps to know who wrote what you read.`,
  (f) =>
    `A good overview of ${f.name} answers three questions: what ${f.it} ${f.be}, why ${f.it} ${f.plural ? 'matter' : 'matters'} and where to learn more.`,
  (f) =>
    `Like most topics, ${f.name} ${f.be} easier to understand once you know the handful of terms that come with ${f.itObject}.`,
  (f) => `What has changed about ${f.name} in recent years is mostly in the details, not the basics.`,
];

const CLOSERS: readonly Sentence[] = [
  (f) => `If you want to go further with ${f.name}, a recent, well-sourced guide is the best next step.`,
  (f) =>
    `In short, ${f.name} ${f.be} worth understanding at the level of the main idea, even if you never need the details.`,
];

const HOW: readonly Sentence[] = [
  (f) => `To ${f.task}, start by deciding what a good result looks like.`,
  (f) => `Gather what you need before you ${f.task}, so you don't have to stop halfway.`,
  (f) => `The first time you ${f.task}, keep it simple and follow one trusted guide step by step.`,
  (f) => `Check your progress as you ${f.task}, and fix small problems before they grow.`,
  (f) => `If something goes wrong while you ${f.task}, go back one step rather than starting over.`,
  (f) => `Patience helps: the first attempt to ${f.task} is rarely the best one.`,
];

/** An opening, as many middle sentences as asked (in the pool's order, so the argument runs on), and a closing. */
function sentences(
  ctx: ProseContext,
  f: Forms,
  middles: number,
): { open: string; middle: string[]; close: string } {
  const { rng } = ctx;
  const field = rng.pick(ctx.profile.fields);
  const how = ctx.topic.intent === 'howto' && f.task !== '';
  const [open = OPENERS[0], ...middle] = how ? HOW : [rng.pick(OPENERS), ...MIDDLES];
  const picked = new Set(rng.sample(middle, Math.min(middles, middle.length)));
  return {
    open: (open ?? String)(f, field),
    middle: middle.filter((line) => picked.has(line)).map((line) => line(f, field)),
    close: rng.pick(CLOSERS)(f, field),
  };
}

function wordCount(text: string): number {
  return text.split(/\s+/).filter(Boolean).length;
}

/** Sentences in order, as many as fit the word budget (the citation marker is not a word). */
function fit(sentences: readonly string[], words: number): string[] {
  const kept: string[] = [];
  let used = 0;
  for (const sentence of sentences) {
    const n = wordCount(sentence);
    if (used + n > words) continue;
    kept.push(sentence);
    used += n;
  }
  return kept;
}

/**
 * An answer in the length or shape the prompt set ("in one paragraph", "briefly", "in 100 words",
 * "in 3 bullet points", "summarize"): one paragraph and no list, or exactly the bullets asked for.
 */
export const concise: Writer = (ctx) => {
  const { rng, topic } = ctx;
  const { ask } = topic;
  const f = forms(topic);
  if (ask.shape === 'bullets') {
    const { open, middle, close } = sentences(ctx, f, 12);
    const count = Math.min(ask.count ?? 3, middle.length + 2);
    const lines = [open, ...middle.slice(0, count - 2), close].slice(0, count);
    const intro = rng.pick([
      `Here ${count === 1 ? 'is' : 'are'} ${numberWord(count)} key point${count === 1 ? '' : 's'} about ${f.name}:`,
      `${upper(f.name)} in ${numberWord(count)} point${count === 1 ? '' : 's'}:`,
    ]);
    return [intro, bullets(lines.map((line, i) => `${line}${i === 0 ? ctx.cite.maybe(1) : ''}`))];
  }
  if (ask.words !== null) {
    const { open, middle, close } = sentences(ctx, f, 12);
    return [para(ctx, fit([open, ...middle, close], ask.words), 0.8)];
  }
  if (ask.shape === 'brief') {
    // "in two sentences" is two; "briefly" two or three.
    const { open, middle } = sentences(ctx, f, (ask.count ?? rng.int(2, 3)) - 1);
    return [para(ctx, [open, ...middle], 0.8)];
  }
  const { open, middle, close } = sentences(ctx, f, ask.shape === 'paragraph' ? rng.int(3, 4) : 5);
  if (ask.shape === 'paragraph') return [para(ctx, [open, ...middle, close], 0.8)];
  // A summary: the gist in a paragraph, then the points to take away.
  return [
    para(ctx, [open, ...middle.slice(0, 2), close], 0.8),
    bullets(middle.slice(2).map((line, i) => `${line}${i === 0 ? ctx.cite.maybe(0.5) : ''}`)),
  ];
};
