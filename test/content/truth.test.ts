import { describe, expect, it } from 'vitest';
import { analyzePrompt } from '../../src/core/massive/generate/index.ts';
import { PROFILES } from '../../src/core/massive/generate/profiles.ts';
import { corpusAnswers, plainText } from './text.ts';

const answers = [0, 9000].flatMap((seedBase) => corpusAnswers('chatgpt', seedBase));
const about = (pattern: RegExp) => answers.filter(({ prompt }) => pattern.test(prompt));

const PROFESSIONS =
  /\b(?:musician|writer|scientist|mathematician|entrepreneur|filmmaker|politician|political figure|actor|actress|singer|inventor|engineer|physicist|chemist|businessman|pioneer|born|died|american|british|french|german|polish|serbian|taiwanese)\b/i;

describe('never false, never absurd', () => {
  it('invents no profession, nationality or date for a person', () => {
    const people = about(/^who (?:is|was) (?!the )/i);
    expect(people.length).toBeGreaterThanOrEqual(10);
    for (const { prompt, answer } of people) {
      const text = plainText(answer.markdown);
      expect(text, prompt).not.toMatch(PROFESSIONS);
      expect(text, prompt).not.toMatch(/\b1\d{3}s?\b|\b20\d\ds\b/);
      for (const source of answer.sources) expect(source.title, prompt).not.toMatch(/^What Is /);
    }
  });

  it('gives no figure, date or name in answer to a factual question', () => {
    const facts = about(
      /^(?:how (?:tall|many)|when was|what year|where is|who invented|what is the (?:capital|population))\b/i,
    );
    // Facts the project's data or a computation answers are checked for being right in forms.test.ts.
    const unknown = facts.filter(({ prompt }) => analyzePrompt(prompt).fact === null);
    expect(unknown.length).toBeGreaterThanOrEqual(14);
    for (const { prompt, answer } of unknown) expect(plainText(answer.markdown), prompt).not.toMatch(/\d/);
  });

  it('invents no dated event, quote or statistic in the news', () => {
    const news = answers.filter(({ prompt }) => {
      const topic = analyzePrompt(prompt);
      return topic.intent === 'news' && !/weather|forecast/i.test(prompt);
    });
    expect(news.length).toBeGreaterThanOrEqual(12);
    for (const { prompt, answer } of news) {
      const text = plainText(answer.markdown);
      expect(text, prompt).not.toMatch(
        /\b(?:January|February|March|April|May|June|July|August|September|October|November|December) \d/,
      );
      expect(text, prompt).not.toMatch(/\d+%|\bsaid\b|\bannounced\b/);
    }
  });

  it('invents no survey figure or "since 19xx" in overviews', () => {
    for (const { prompt, answer } of answers) {
      if (/weather/i.test(prompt)) continue;
      const text = plainText(answer.markdown);
      expect(text, prompt).not.toMatch(/\d+% of\b|\bsince (?:around )?\d{4}/);
    }
  });

  it('names picks only from the fictional brands, never a surname-brand', () => {
    const brands = Object.values(PROFILES).flatMap((profile) => [...profile.brands, ...profile.lines]);
    for (const { prompt, answer } of answers) {
      if (analyzePrompt(prompt).intent !== 'recommendation') continue;
      for (const ad of answer.ads) {
        expect(
          brands.some((brand) => ad.advertiser.startsWith(brand)),
          `${prompt}: ${ad.advertiser}`,
        ).toBe(true);
      }
    }
  });

  it('writes nothing a how-to would not need', () => {
    const faucet = about(/leaky faucet|unclog|stripped screw/);
    for (const { prompt, answer } of faucet)
      expect(answer.markdown, prompt).not.toMatch(/notebook|beginner guide|shoes/i);
    const sleep = about(/how to (?:meditate|sleep better)/);
    for (const { prompt, answer } of sleep)
      expect(answer.markdown, prompt).not.toMatch(/shoes|gear|warm up|pace/i);
  });
});

describe('one name for one thing', () => {
  it('advertises the answer’s own picks, at the price the answer gives', () => {
    let checked = 0;
    for (const { prompt, answer } of answers) {
      for (const ad of answer.ads) {
        const pick = /^(?:Shop the )?(.+?)(?: — .*| \| Official Site)?$/.exec(ad.title)?.[1] ?? '';
        if (!answer.markdown.includes(`**${pick}**`) && !answer.markdown.includes(`| ${pick} |`)) continue;
        checked++;
        if (ad.price) {
          const line =
            answer.markdown.split(/\n(?=\d+\. |### |\| )/).find((block) => block.includes(pick)) ?? '';
          expect(line, `${prompt}: ${pick}`).toContain(ad.price);
        }
      }
    }
    expect(checked).toBeGreaterThan(40);
  });

  it('keeps each pick’s name unique within an answer', () => {
    for (const { prompt, answer } of answers) {
      const heads = [...answer.markdown.matchAll(/^\d+\. \*\*(.+?)\*\*/gm)].map((match) => match[1]);
      expect(new Set(heads).size, prompt).toBe(heads.length);
    }
  });
});
