import type { Faker } from '@faker-js/faker';

const STOPWORDS = new Set(
  'a an the and or but of to in on for with about is are was were be been what which who how why when where do does did can could should would will i me my you your it its this that these those write give tell please make explain list describe'.split(
    ' ',
  ),
);

const PREPOSITIONS = new Set(['for', 'about', 'on', 'of', 'in', 'with', 'to']);

/**
 * The words of a prompt worth talking about, in order, taken after its last preposition when it
 * has one: "Write a tagline for an ice cream shop" → "ice cream shop".
 */
export function subjectOf(prompt: string): string {
  const words = prompt
    .replace(/[^\p{L}\p{N}\s'-]/gu, ' ')
    .split(/\s+/)
    .filter(Boolean);
  const after = words.findLastIndex(
    (word, index) => PREPOSITIONS.has(word.toLowerCase()) && index < words.length - 1,
  );
  const content = words
    .slice(after + 1)
    .filter((word) => word.length > 1 && !STOPWORDS.has(word.toLowerCase()));
  return content.slice(-4).join(' ') || 'the question';
}

type Template = (subject: string, faker: Faker) => string;

const TEMPLATES: readonly Template[] = [
  (s, f) => `When it comes to ${s}, the ${f.word.adjective()} ${f.word.noun()} matters most.`,
  (s, f) => `Most people start with ${s} because it is ${f.word.adjective()} and ${f.word.adjective()}.`,
  (s, f) => `A good rule for ${s} is to keep the ${f.word.noun()} ${f.word.adjective()}.`,
  (s, f) => `The ${f.word.adjective()} part of ${s} is often the ${f.word.noun()}.`,
  (_s, f) => `It helps to compare the ${f.word.noun()} with the ${f.word.noun()} first.`,
  (s, f) => `In practice, ${s} works best with a ${f.word.adjective()} ${f.word.noun()}.`,
  (_s, f) => `That is why the ${f.word.noun()} should stay ${f.word.adjective()}.`,
  (s, f) => `Think of ${s} as a ${f.word.adjective()} ${f.word.noun()} rather than a ${f.word.noun()}.`,
];

/**
 * A few sentences on the prompt's subject, from a Faker seeded by the caller: plausible, never
 * true. Starts with a space, as a completion continuing a prompt does; paragraphs split with "\n\n".
 */
export function writeProse(prompt: string, faker: Faker, sentences: number): string {
  const subject = subjectOf(prompt);
  let text = '';
  for (let i = 0; i < sentences; i++) {
    const sentence = faker.helpers.arrayElement(TEMPLATES)(subject, faker);
    text += i > 0 && i % 3 === 0 ? `\n\n${sentence}` : ` ${sentence}`;
  }
  return text;
}
