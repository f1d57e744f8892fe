import { describe, expect, it } from 'vitest';
import { a, gerund, isPlural, plural, singular } from '../../src/core/massive/generate/english.ts';
import { corpusAnswers, plainText } from './text.ts';

const answers = [0, 4000].flatMap((seedBase) => corpusAnswers('chatgpt', seedBase));

/** Every line a reader reads: the answer's prose and table cells, its source and ad titles. */
function readable({ answer }: (typeof answers)[number]): string[] {
  return [
    ...plainText(answer.markdown).split('\n'),
    ...answer.sources.flatMap((source) => [source.title, source.snippet]),
    ...answer.ads.flatMap((ad) => [ad.title, ad.description]),
  ]
    .map((line) => line.trim())
    .filter(Boolean);
}

const SLIPS: ReadonlyArray<readonly [string, RegExp]> = [
  ['"a" before a vowel sound', /\ba (?!one\b|once\b|u[nst]|eu|use)[aeiou]\w*/i],
  ['"an" before a consonant sound', /\ban (?!hour|honest|heir)[bcdfgjklmnpqrstvwxyz]/],
  ['a -y plural spelt -ys', /\b\w*[^aeiou\s\W]ys\b/i],
  ['a doubled word', /\b(\w{2,}) \1\b/i],
  ['two articles in a row', /\b(?:a|an|the|your|my) (?:a|an|the)\b/i],
  ['a space before punctuation', / [,.;:!?](?:\s|$)/],
  ['a double space', / {2}/],
  ['a leaked value', /\b(?:undefined|null|NaN)\b|\[object/],
  [
    'a proper noun in lower case',
    /\b(?:iphone|python|javascript|tokyo|lisbon|japan|chicago|portugal|canada)\b/,
  ],
  ['an unclosed bold', /\*\*/],
];

describe('grammar over the corpus', () => {
  it('has none of the listed slips', () => {
    const found: string[] = [];
    for (const entry of answers) {
      for (const line of readable(entry)) {
        for (const [slip, pattern] of SLIPS) {
          if (pattern.test(line)) found.push(`${entry.prompt}: ${slip}: "${line}"`);
        }
      }
    }
    expect(found).toEqual([]);
  });

  it('starts every paragraph with a capital letter', () => {
    for (const { prompt, answer } of answers) {
      for (const block of plainText(answer.markdown).split('\n\n')) {
        if (/^(?:#|\||-|\d+\.)/.test(block)) continue;
        expect(block, prompt).toMatch(/^(?:\p{Lu}|\p{Extended_Pictographic}|[¿¡"“]|\p{Ll}\p{Lu})/u);
      }
    }
  });

  it('agrees subject and verb for "is/are" after the subject', () => {
    for (const { prompt, answer } of answers) {
      expect(plainText(answer.markdown), prompt).not.toMatch(
        /\b(?:they|these|those) is\b|\b(?:it|this) are\b/i,
      );
    }
  });
});

describe('English helpers', () => {
  it('choose the article by sound', () => {
    expect(a('apple')).toBe('an apple');
    expect(a('user guide')).toBe('a user guide');
    expect(a('hour')).toBe('an hour');
    expect(a('MCP server')).toBe('an MCP server');
    expect(a('one-off')).toBe('a one-off');
    expect(a('tool')).toBe('a tool');
  });

  it('make plurals, singulars and gerunds', () => {
    expect(plural('technology')).toBe('technologies');
    expect(plural('type of shoe')).toBe('types of shoe');
    expect(plural('box')).toBe('boxes');
    expect(plural('day')).toBe('days');
    expect(singular('running shoes')).toBe('running shoe');
    expect(singular('batteries')).toBe('battery');
    expect(singular('watches')).toBe('watch');
    expect(isPlural('benefits of green tea')).toBe(true);
    expect(isPlural('glass')).toBe(false);
    expect(isPlural('GPUs')).toBe(true);
    expect(isPlural('AWS')).toBe(false);
    expect(gerund('meditate')).toBe('meditating');
    expect(gerund('run')).toBe('running');
    expect(gerund('sleep better')).toBe('sleeping better');
  });
});
