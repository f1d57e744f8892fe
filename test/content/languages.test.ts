import { describe, expect, it } from 'vitest';
import { generateAnswer } from '../../src/core/massive/generate/index.ts';
import { answerLanguage } from '../../src/core/massive/generate/locale.ts';
import { conversation } from '../support/conversation.ts';
import { PROMPTS } from './corpus.ts';
import { plainText, sentencesOf } from './text.ts';

/** Words only an English answer would use; none may leak into a translated one. */
const ENGLISH = /\b(?:the|and|with|here's|you|your|best for|step-by-step|bottom line)\b/i;

const MARKERS = {
  es: /\b(?:de|que|para|sobre|los|las|una?)\b/,
  fr: /\b(?:de|que|pour|sur|les|une?|vous)\b/,
  de: /\b(?:die|der|das|und|für|zu|mit|ist|du)\b/,
} as const;

describe('answers in the language asked for', () => {
  it('reads the language from a code, a Google code or an English name', () => {
    expect(answerLanguage({ language: 'es' })).toBe('es');
    expect(answerLanguage({ language: 'es-419' })).toBe('es');
    expect(answerLanguage({ language: 'French' })).toBe('fr');
    expect(answerLanguage({ language: 'de' })).toBe('de');
    expect(answerLanguage({ language: 'ja' })).toBe('en');
    expect(answerLanguage({ language: null })).toBe('en');
  });

  for (const language of ['es', 'fr', 'de'] as const) {
    it(`writes ${language} answers with no English sentence, and varied across the corpus`, () => {
      const counts = new Map<string, number>();
      let total = 0;
      PROMPTS.forEach((prompt, i) => {
        const answer = generateAnswer(conversation(prompt, 'chatgpt', { language }), i);
        const text = plainText(answer.markdown)
          .split('\n')
          .filter((line) => !line.startsWith('|'))
          .join('\n');
        // The prompt's own words (an English subject) may appear; the sentences around them may not.
        const subjectFree = text.split(/\*\*|„|“/).join(' ');
        expect(
          subjectFree.replace(new RegExp(prompt.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), 'gi'), ''),
          prompt,
        ).toMatch(MARKERS[language]);
        for (const sentence of sentencesOf(answer.markdown)) {
          counts.set(sentence, (counts.get(sentence) ?? 0) + 1);
          total++;
        }
      });
      expect(counts.size / total).toBeGreaterThanOrEqual(0.95);
    });
  }

  it('keeps English stock phrases out of translated answers to translated prompts', () => {
    const prompts: ReadonlyArray<readonly [string, string]> = [
      ['¿Qué es la fotosíntesis?', 'es'],
      ['cómo hacer pan casero', 'es'],
      ['los mejores auriculares inalámbricos', 'es'],
      ["qu'est-ce que la photosynthèse", 'fr'],
      ['comment faire du pain au levain', 'fr'],
      ['les meilleurs casques sans fil', 'fr'],
      ['was ist Photosynthese', 'de'],
      ['wie kann ich besser schlafen', 'de'],
      ['die besten kabellosen Kopfhörer', 'de'],
    ];
    for (const [prompt, language] of prompts) {
      for (let seed = 0; seed < 6; seed++) {
        const { markdown } = generateAnswer(conversation(prompt, 'chatgpt', { language }), seed);
        expect(plainText(markdown), `${prompt} #${seed}`).not.toMatch(ENGLISH);
      }
    }
  });
});
