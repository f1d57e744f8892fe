import { describe, expect, it } from 'vitest';
import { analyzePrompt } from '../../src/core/massive/generate/index.ts';
import { PROMPTS } from './corpus.ts';
import { corpusAnswers, plainText } from './text.ts';

/** Three answers per prompt, so a constraint that holds by luck of one seed does not pass. */
const answers = [0, 1000, 2000].flatMap((seedBase) => corpusAnswers('chatgpt', seedBase));

/** Dollar amounts in a text: "$1,299" → 1299. */
function dollars(text: string): number[] {
  return [...text.matchAll(/\$(\d[\d,]*)/g)].map((match) => Number((match[1] ?? '').replace(/,/g, '')));
}

/** How many picks a recommendation lists, whichever of its layouts it uses. */
function picks(markdown: string): number {
  const numbered = markdown.match(/^\d+\. \*\*/gm)?.length ?? 0;
  const sections = markdown.match(/^### .*?\d+\. Best for/gm)?.length ?? 0;
  const rows = (markdown.match(/^\| /gm)?.length ?? 0) - 2;
  return Math.max(numbered, sections, rows);
}

describe('the prompt’s constraints hold over the corpus', () => {
  it('has at least 200 different prompts', () => {
    expect(PROMPTS.length).toBeGreaterThanOrEqual(200);
    expect(new Set(PROMPTS).size).toBe(PROMPTS.length);
  });

  it('keeps every price within a budget, in the answer and in its ads', () => {
    const budgeted = answers.filter(({ prompt }) => analyzePrompt(prompt).budget !== null);
    expect(budgeted.length).toBeGreaterThanOrEqual(12);
    for (const { prompt, answer } of budgeted) {
      const budget = analyzePrompt(prompt).budget ?? 0;
      for (const amount of dollars(answer.markdown)) expect(amount, prompt).toBeLessThanOrEqual(budget);
      for (const ad of answer.ads)
        for (const amount of dollars(ad.price ?? '')) expect(amount, prompt).toBeLessThan(budget);
    }
  });

  it('reads budgets, counts, audiences and places from the prompt', () => {
    expect(analyzePrompt('best running shoes under $150')).toMatchObject({
      budget: 150,
      subject: 'running shoes',
    });
    expect(analyzePrompt('best electric cars under $40000').budget).toBe(40_000);
    expect(analyzePrompt('top 5 laptops for students')).toMatchObject({ count: 5, audience: 'students' });
    expect(analyzePrompt('3 best noise cancelling headphones').count).toBe(3);
    expect(analyzePrompt('five best dslr cameras').count).toBe(5);
    expect(analyzePrompt('plan a 3 day itinerary for Rome').count).toBeNull();
    expect(analyzePrompt('best hotels in Lisbon for couples')).toMatchObject({
      place: 'Lisbon',
      audience: 'couples',
    });
    expect(analyzePrompt('cheapest flights to tokyo').place).toBe('Tokyo');
    expect(analyzePrompt('best pizza places near me').nearby).toBe(true);
  });

  it('lists as many picks as a count asks for', () => {
    const counted = answers.filter(({ prompt }) => analyzePrompt(prompt).count !== null);
    expect(counted.length).toBeGreaterThanOrEqual(5);
    for (const { prompt, answer } of counted)
      expect(picks(answer.markdown), prompt).toBe(analyzePrompt(prompt).count);
  });

  it('uses the year, place and audience the prompt names', () => {
    for (const { prompt, answer } of answers) {
      const topic = analyzePrompt(prompt);
      const text = plainText(answer.markdown);
      if (topic.year && ['recommendation', 'news'].includes(topic.intent)) {
        expect(text, prompt).toContain(String(topic.year));
        const years = [...text.matchAll(/\b20\d\d\b/g)].map((match) => Number(match[0]));
        for (const year of years) expect(year, prompt).toBe(topic.year);
      }
      if (topic.place && topic.intent === 'recommendation') expect(text, prompt).toContain(topic.place);
      if (topic.audience && topic.intent === 'recommendation')
        expect(text.toLowerCase(), prompt).toContain(topic.audience.toLowerCase());
    }
  });

  it('compares the two sides of an "X vs Y" prompt, in the table and the prose', () => {
    const comparisons = answers.filter(({ prompt }) => analyzePrompt(prompt).intent === 'comparison');
    expect(comparisons.length).toBeGreaterThanOrEqual(15);
    for (const { prompt, answer } of comparisons) {
      const [a = '', b = ''] = analyzePrompt(prompt).options;
      expect(answer.markdown.toLowerCase(), prompt).toContain(`| feature | ${a} | ${b} |`.toLowerCase());
      const prose = answer.markdown
        .split('\n')
        .filter((line) => !line.startsWith('|'))
        .join('\n');
      expect(prose, prompt).toContain(a);
      expect(prose, prompt).toContain(b);
    }
  });

  it('says the place of "near me" back as the asker’s city', () => {
    const pizza = answers.find(({ prompt }) => prompt === 'best pizza places near me');
    expect(pizza?.answer.markdown).toContain('in Portland');
    expect(pizza?.answer.markdown).not.toMatch(/near me/);
  });
});
