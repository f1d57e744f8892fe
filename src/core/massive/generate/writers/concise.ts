import { numberWord, upper } from '../english.ts';
import { bullets, type Forms, forms, para, type ProseContext, type Writer } from './context.ts';

type Sentence = (f: Forms, field: string) => string;

/**
 * Sentences a short answer is made of, by what it is about: each stands on its own, names the
 * subject, and claims nothing a source would be needed for.
 */
const ABOUT: readonly Sentence[] = [
  (f, field) =>
    `${f.Name} ${f.plural ? 'come' : 'comes'} up often in ${field}, and most sources describe ${f.itObject} in much the same way.`,
  (f) =>
    `At its core, ${f.name} ${f.plural ? 'rest' : 'rests'} on one simple idea, and the details build on it.`,
  (f) =>
    `Most introductions to ${f.name} start with what ${f.it} ${f.plural ? 'are' : 'is'} for, then show a few examples.`,
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
  (f) => `If you want to go further with ${f.name}, a recent, well-sourced guide is the best next step.`,
  (f) =>
    `In short, ${f.name} ${f.be} worth understanding at the level of the main idea, even if you never need the details.`,
];

const HOW: readonly Sentence[] = [
  (f) => `To ${f.task}, start by deciding what a good result looks like.`,
  (f) => `Gather what you need before you ${f.task}, so you don't have to stop halfway.`,
  (f) => `The first time you ${f.task}, keep it simple and follow one trusted guide step by step.`,
  (f) => `Check your progress as you ${f.task}, and fix small problems before they grow.`,
  (f) => `Most people who ${f.task} well say the basics matter more than any trick.`,
  (f) => `Once you've managed to ${f.task} once, note what worked so the next time is quicker.`,
  (f) => `If something goes wrong while you ${f.task}, go back one step rather than starting over.`,
  (f) => `Patience helps: the first attempt to ${f.task} is rarely the best one.`,
];

function pool(ctx: ProseContext, f: Forms): readonly string[] {
  const field = ctx.rng.pick(ctx.profile.fields);
  const sentences = ctx.topic.intent === 'howto' && f.task ? [...HOW, ...ABOUT.slice(2, 6)] : ABOUT;
  return sentences.map((sentence) => sentence(f, field));
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
  const sentences = rng.sample(pool(ctx, f), 12);
  const [opening = '', ...rest] = sentences;
  if (ask.shape === 'bullets') {
    const count = Math.min(ask.count ?? 3, sentences.length);
    const lines = sentences.slice(0, count).map((line, i) => `${line}${i === 0 ? ctx.cite.maybe(0.9) : ''}`);
    const intro = rng.pick([
      `Here ${count === 1 ? 'is' : 'are'} ${numberWord(count)} key point${count === 1 ? '' : 's'} about ${f.name}:`,
      `${upper(f.name)} in ${numberWord(count)} point${count === 1 ? '' : 's'}:`,
    ]);
    return [intro, bullets(lines)];
  }
  if (ask.words !== null) return [para(ctx, fit([opening, ...rest], ask.words), 0.8)];
  if (ask.shape === 'brief') return [para(ctx, [opening, ...rest.slice(0, rng.int(1, 2))], 0.8)];
  if (ask.shape === 'paragraph') return [para(ctx, [opening, ...rest.slice(0, rng.int(4, 5))], 0.8)];
  // A summary: the gist in a paragraph, then the points to take away.
  return [
    para(ctx, [opening, ...rest.slice(0, 3)], 0.8),
    bullets(rest.slice(3, 6).map((line, i) => `${line}${i === 0 ? ctx.cite.maybe(0.5) : ''}`)),
  ];
};
