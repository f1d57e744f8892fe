import type { Rng } from '../../../kernel/random.ts';
import type { Item } from '../catalog.ts';
import type { AnswerLanguage } from '../locale.ts';
import { isPlural, mdText, plural as pluralOf, upper } from '../english.ts';
import type { Profile } from '../profiles.ts';
import type { Topic } from '../topic.ts';

/**
 * The year answers are written in when the prompt names none. Content must not depend on the
 * clock (same seed, same bytes), and the emulated service is the 2026 one.
 */
export const REFERENCE_YEAR = 2026;

/** Everything a writer draws on; `cite` hands out `[n]` markers over the answer's sources. */
export interface ProseContext {
  topic: Topic;
  profile: Profile;
  /** The picks a recommendation names, shared with the ads. */
  items: readonly Item[];
  rng: Rng;
  /** Where the asker is, for local answers (weather, "near me"); null when unknown. */
  city: string | null;
  /** The language the answer is written in. */
  language: AnswerLanguage;
  cite: Citer;
}

export interface Citer {
  /** A ` [n]` marker, or '' when this sentence goes uncited (chatbots do not cite every line). */
  maybe(probability?: number): string;
}

/** Walks the sources in a shuffled order so that every one of them ends up cited. */
export function createCiter(sourceCount: number, rng: Rng): Citer {
  const order = rng.sample(
    Array.from({ length: sourceCount }, (_, i) => i + 1),
    sourceCount,
  );
  let next = 0;
  const take = (): number => order[next++ % order.length] ?? 1;
  return {
    maybe(probability = 0.55) {
      if (sourceCount === 0 || !rng.chance(probability)) return '';
      const first = take();
      return rng.chance(0.15) && sourceCount > 1 ? ` [${first}][${take()}]` : ` [${first}]`;
    },
  };
}

/**
 * A writer returns the answer's blocks (paragraphs, lists, headings, tables). Conventions every
 * writer keeps: a citation only ever ends a paragraph or a list item (never mid-paragraph, where a
 * citation pill would read as a stray line); a heading is always followed by its content; ordered
 * lists keep their logical order; no sentence is written twice in one answer, and every sentence
 * of six words or more names something of the prompt, so that answers to different prompts never
 * share stock sentences.
 */
export type Writer = (ctx: ProseContext) => string[];

const HEADING_EMOJI = ['', '', '', '🔎 ', '✅ ', '💡 ', '📌 '];

export function heading(ctx: ProseContext, text: string): string {
  return `### ${ctx.rng.pick(HEADING_EMOJI)}${text}`;
}

/** Sentences joined into one paragraph, with at most one citation, at its end. */
export function para(ctx: ProseContext, sentences: readonly string[], probability = 0.55): string {
  return `${sentences.filter(Boolean).join(' ')}${ctx.cite.maybe(probability)}`;
}

function cell(text: string): string {
  return text.replace(/\|/g, '\\|');
}

export function table(head: readonly string[], rows: ReadonlyArray<readonly string[]>): string {
  const line = (cells: readonly string[]): string => `| ${cells.map(cell).join(' | ')} |`;
  return [line(head), line(head.map(() => '---')), ...rows.map(line)].join('\n');
}

/** A bulleted (or numbered) list, one line per item. */
export function bullets(lines: readonly string[], numbered = false): string {
  return lines.map((line, i) => `${numbered ? `${i + 1}.` : '-'} ${line}`).join('\n');
}

/** The subject's written forms, Markdown-escaped, ready to drop into sentences. */
export interface Forms {
  /** As asked: "heat pump", "laptops". */
  subject: string;
  /** With the article it needs in a sentence: "a heat pump", "the tallest buildings", "MCP". */
  name: string;
  /** `name` at the start of a sentence. */
  Name: string;
  /** The subject in general: "heat pumps" for "a heat pump", else as asked. */
  many: string;
  /** The short phrase sentences weave in (see Topic.focus). */
  focus: string;
  /** For how-tos, what to do: "start running"; '' when the prompt names a thing, not a task. */
  task: string;
  /** The qualifier with a leading space ("for students"), or ''. */
  qualifier: string;
  plural: boolean;
  /** "is" or "are", agreeing with the subject. */
  be: string;
  /** "it" or "they". */
  it: string;
  /** "it" or "them". */
  itObject: string;
  /** "its" or "their". */
  its: string;
}

export function forms(topic: Topic): Forms {
  const subject = mdText(topic.subject);
  const name = topic.article ? `${topic.article} ${subject}` : subject;
  const plural =
    /^(?:what|who)\s+(?:are|were)\b/i.test(topic.clause) ||
    (!/^(?:an?)$/i.test(topic.article) && isPlural(topic.subject));
  return {
    subject,
    name,
    Name: upper(name),
    many: /^an?$/i.test(topic.article) ? pluralOf(subject) : subject,
    focus: mdText(topic.focus || topic.subject),
    task: mdText(topic.task),
    qualifier: topic.qualifier ? ` ${mdText(topic.qualifier)}` : '',
    plural,
    be: plural ? 'are' : 'is',
    it: plural ? 'they' : 'it',
    itObject: plural ? 'them' : 'it',
    its: plural ? 'their' : 'its',
  };
}

export function yearOf(topic: Topic): number {
  return topic.year ?? REFERENCE_YEAR;
}

/** Where the answer is about: the place the prompt names, else the asker's city for "near me". */
export function placeOf(ctx: ProseContext): string | null {
  return ctx.topic.place ?? (ctx.topic.nearby ? ctx.city : null);
}
