import { describe, expect, it } from 'vitest';
import { analyzePrompt, generateAnswer, renderConversation } from '../../src/core/massive/generate/index.ts';
import { MODELS } from '../../src/core/massive/conversation.ts';
import { conversation } from '../support/conversation.ts';

const SEEDS = Array.from({ length: 24 }, (_, i) => i);

const PROMPTS = [
  'how to start running',
  'best laptops for students',
  'what is a heat pump',
  'python vs javascript',
  'latest news on mars missions',
  'who is ada lovelace',
  'why is the sky blue',
  'current weather',
  'sourdough starter tips',
  'tallest buildings in the world',
  'cheap flights to tokyo',
  'how do tides work',
  'how to reset my iphone',
  'best running shoes for flat feet',
  'how to make sourdough bread',
  'should i buy a mac or a pc',
];

/** The completion's visible text, one line per block element (paragraph, list item, heading, cell). */
function lines(html: string): string[] {
  return html
    .replace(/<\/(p|li|h\d|th|td|div|section)>/g, '\n')
    .replace(/<[^>]*>/g, '')
    .replace(/&amp;/g, '&')
    .replace(/&#39;/g, "'")
    .replace(/&quot;/g, '"')
    .split('\n')
    .map((line) => line.replace(/\s+/g, ' ').trim())
    .filter(Boolean);
}

/** The numbered steps of a how-to: "1. **Lead:** text" items or "### 1. Lead" sections with their text. */
function steps(markdown: string): Array<{ n: number; title: string; text: string }> {
  const blocks = markdown.split('\n\n');
  const found: Array<{ n: number; title: string; text: string }> = [];
  blocks.forEach((block, i) => {
    const section = /^### (\d+)\. (.+)$/.exec(block);
    if (section) found.push({ n: Number(section[1]), title: section[2] ?? '', text: blocks[i + 1] ?? '' });
    for (const line of block.split('\n')) {
      const item = /^(\d+)\. \*\*(.+?):\*\* (.+)$/.exec(line);
      if (item) found.push({ n: Number(item[1]), title: item[2] ?? '', text: item[3] ?? '' });
    }
  });
  return found;
}

/** Sentences of the Markdown, without citations and Markdown syntax. */
function sentences(markdown: string): string[] {
  return markdown
    .replace(/(?:\[\d+\])+/g, '')
    .replace(/[*#|]/g, ' ')
    .split(/(?<=[.!?])\s+|\n+/)
    .map((sentence) =>
      sentence
        .replace(/^\s*(?:-|\d+\.)\s+/, '')
        .replace(/\s+/g, ' ')
        .trim()
        .toLowerCase(),
    )
    .filter((sentence) => sentence.split(' ').length >= 5);
}

const FINISH_STEP = /finish|review|restore|next goal|next time|serve|keep it going|recovery/i;
const START_STEP =
  /gather|read the recipe|back up|be clear|get the right gear|get comfortable|check in with/i;

describe('how-to answers', () => {
  const HOWTOS: ReadonlyArray<readonly [string, RegExp]> = [
    ['how to start running', /running/i],
    ['how to make sourdough bread', /sourdough bread/i],
    ['how to reset my iphone', /your iPhone/],
    ['how to plan a vegetable garden', /vegetable garden/i],
    ['sourdough starter tips', /sourdough starter/i],
  ];

  it('keep their steps in a logical order across seeds', () => {
    for (const [prompt] of HOWTOS) {
      for (const seed of SEEDS) {
        const list = steps(generateAnswer(conversation(prompt), seed).markdown);
        expect(list.length, `${prompt} #${seed}`).toBeGreaterThanOrEqual(4);
        expect(list.length, `${prompt} #${seed}`).toBeLessThanOrEqual(6);
        expect(list.map((step) => step.n)).toEqual(list.map((_, i) => i + 1));
        expect(list[0]?.title, `${prompt} #${seed} starts with a closing step`).not.toMatch(FINISH_STEP);
        expect(list.at(-1)?.title, `${prompt} #${seed} ends with an opening step`).not.toMatch(START_STEP);
        const finish = list.findIndex((step) => FINISH_STEP.test(step.title));
        if (finish >= 0) expect(finish, `${prompt} #${seed}`).toBe(list.length - 1);
      }
    }
  });

  it('name the subject in every step', () => {
    for (const [prompt, subject] of HOWTOS) {
      for (const seed of SEEDS) {
        for (const step of steps(generateAnswer(conversation(prompt), seed).markdown)) {
          expect(`${step.title} ${step.text}`, `${prompt} #${seed}`).toMatch(subject);
        }
      }
    }
  });

  it('write the task the way it reads mid-sentence', () => {
    for (const seed of SEEDS.slice(0, 8)) {
      const markdown = generateAnswer(conversation('how to start running'), seed).markdown;
      expect(markdown).toContain('start running');
      expect(markdown).not.toMatch(/\b(?:to|you) Start Running\b/);
    }
  });

  it('use the vocabulary of the activity, not of a shoe shop', () => {
    expect(analyzePrompt('how to start running').category).toBe('health');
    expect(analyzePrompt('best running shoes for flat feet').category).toBe('footwear');
    for (const seed of SEEDS) {
      const answer = generateAnswer(conversation('how to start running'), seed);
      for (const source of answer.sources) expect(source.siteName).not.toMatch(/kicks|courtside|sole/i);
      const shoes = generateAnswer(conversation('best running shoes for flat feet'), seed).markdown;
      expect(shoes).not.toMatch(/big men|guards|court feel|outdoor courts/i);
    }
  });
});

describe('answer text', () => {
  it('never leaves a source name as a line of its own, or text running on after one', () => {
    for (const prompt of PROMPTS) {
      for (const seed of SEEDS.slice(0, 4)) {
        for (const model of MODELS) {
          const conv = conversation(prompt, model);
          const answer = generateAnswer(conv, seed);
          const text = lines(renderConversation(conv, answer, seed).completion.completion);
          const sites = answer.sources.map((source) => source.siteName);
          for (const line of text) {
            const bare = line.replace(/\+\d+$/, '');
            expect(sites, `${model} ${prompt} #${seed}: "${line}"`).not.toContain(bare);
            // A citation pill closes its sentence's line: text never runs on after a site name.
            for (const site of sites) {
              if (line.includes(site))
                expect(bare.endsWith(site), `${model} ${prompt} #${seed}: "${line}"`).toBe(true);
            }
          }
        }
      }
    }
  });

  it('cites only at the end of a paragraph or list item', () => {
    for (const prompt of PROMPTS) {
      for (const seed of SEEDS) {
        const { markdown } = generateAnswer(conversation(prompt), seed);
        expect(markdown, `${prompt} #${seed}`).not.toMatch(/(?:\[\d+\])+[ \t]*[^[\s]/);
      }
    }
  });

  it('never puts a heading without content under it', () => {
    for (const prompt of PROMPTS) {
      for (const seed of SEEDS) {
        const blocks = generateAnswer(conversation(prompt), seed).markdown.trim().split('\n\n');
        blocks.forEach((block, i) => {
          if (!block.startsWith('#')) return;
          const next = blocks[i + 1];
          expect(next, `${prompt} #${seed} after "${block}"`).toBeDefined();
          expect(next?.startsWith('#'), `${prompt} #${seed} after "${block}"`).toBe(false);
        });
      }
    }
  });

  it('never repeats a sentence within one answer', () => {
    for (const prompt of PROMPTS) {
      for (const seed of SEEDS) {
        const all = sentences(generateAnswer(conversation(prompt), seed).markdown);
        const repeated = all.filter((sentence, i) => all.indexOf(sentence) !== i);
        expect(repeated, `${prompt} #${seed}`).toEqual([]);
      }
    }
  });

  it('writes 150 to 500 words for real questions, and varies between seeds', () => {
    for (const prompt of PROMPTS.filter((p) => p !== 'current weather')) {
      const texts = new Set<string>();
      for (const seed of SEEDS.slice(0, 6)) {
        const { markdown } = generateAnswer(conversation(prompt), seed);
        const words = markdown
          .replace(/(?:\[\d+\])+/g, '')
          .split(/\s+/)
          .filter((w) => /\p{L}/u.test(w));
        expect(words.length, `${prompt} #${seed}`).toBeGreaterThanOrEqual(150);
        expect(words.length, `${prompt} #${seed}`).toBeLessThanOrEqual(500);
        texts.add(markdown);
      }
      expect(texts.size, prompt).toBe(6);
    }
  });

  it('turns why/how questions into explanations and keeps names readable', () => {
    expect(analyzePrompt('why is the sky blue')).toMatchObject({
      subject: 'why the sky is blue',
      focus: 'the sky',
    });
    expect(analyzePrompt('how do tides work')).toMatchObject({ subject: 'how tides work', focus: 'tides' });
    expect(analyzePrompt('who is ada lovelace').subject).toBe('Ada Lovelace');
    expect(analyzePrompt('what is a heat pump')).toMatchObject({ subject: 'heat pump', article: 'a' });
    expect(analyzePrompt('how to reset my iphone')).toMatchObject({
      task: 'reset your iPhone',
      focus: 'your iPhone',
    });
    const markdown = generateAnswer(conversation('what is a heat pump'), 1).markdown;
    expect(markdown).toMatch(/\*\*A heat pump\*\*|\*\*a heat pump\*\*/);
    expect(markdown).not.toMatch(/(?:^|[^a])\s+heat pump is\b/m);
  });
});
