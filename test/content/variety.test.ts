import { describe, expect, it } from 'vitest';
import { displayDomain } from '../../src/core/massive/generate/escape.ts';
import { corpusAnswers, sentencesOf } from './text.ts';

describe('variety over the corpus', () => {
  for (const seedBase of [0, 7000]) {
    it(`keeps 95% of sentences distinct and no sentence more than twice (seeds from ${seedBase})`, () => {
      const counts = new Map<string, number>();
      let total = 0;
      for (const { answer } of corpusAnswers('chatgpt', seedBase)) {
        for (const sentence of sentencesOf(answer.markdown)) {
          counts.set(sentence, (counts.get(sentence) ?? 0) + 1);
          total++;
        }
      }
      expect(total).toBeGreaterThan(1500);
      expect(counts.size / total).toBeGreaterThanOrEqual(0.95);
      const stock = [...counts].filter(([, n]) => n > 2);
      expect(stock).toEqual([]);
    });
  }

  it('gives the sources of one answer distinct titles, sites and domains', () => {
    for (const { prompt, answer } of corpusAnswers('chatgpt', 300)) {
      const { sources } = answer;
      expect(new Set(sources.map((source) => source.title)).size, prompt).toBe(sources.length);
      expect(new Set(sources.map((source) => source.siteName)).size, prompt).toBe(sources.length);
      const hosts = sources.map((source) => displayDomain(source.url).replace(/^www\./, ''));
      expect(new Set(hosts).size, prompt).toBe(sources.length);
      expect(new Set(sources.map((source) => source.snippet)).size, prompt).toBe(sources.length);
    }
  });

  it('writes a different answer to the same prompt under another seed', () => {
    const first = corpusAnswers('chatgpt', 0);
    const second = corpusAnswers('chatgpt', 50_000);
    const same = first.filter(({ answer }, i) => answer.markdown === second[i]?.answer.markdown);
    expect(same.map(({ prompt }) => prompt)).toEqual([]);
  });
});
