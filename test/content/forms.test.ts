import { describe, expect, it } from 'vitest';
import { analyzePrompt, generateAnswer, renderConversation } from '../../src/core/massive/generate/index.ts';
import type { Model } from '../../src/core/massive/conversation.ts';
import { conversation } from '../support/conversation.ts';
import { PROMPTS } from './corpus.ts';
import { FORM_PROMPTS, type FormGroup } from './forms.ts';
import { plainText } from './text.ts';

const SEEDS = [0, 1, 2, 3];

/** Every answer to a group's prompts, over several seeds, so a form that holds by luck does not pass. */
function answers(group: FormGroup, language: string | null = null) {
  return FORM_PROMPTS[group].flatMap((prompt) =>
    SEEDS.map((seed) => ({
      prompt: `${prompt} #${seed}`,
      topic: analyzePrompt(prompt),
      answer: generateAnswer(conversation(prompt, 'chatgpt', { language }), seed),
    })),
  );
}

/** The blocks of an answer (paragraphs, lists, verses), as Markdown separates them. */
function blocks(markdown: string): string[] {
  return markdown.trim().split(/\n{2,}/);
}

const listItems = (markdown: string): string[] => markdown.split('\n').filter((line) => /^\d+\. /.test(line));
const bulletItems = (markdown: string): string[] => markdown.split('\n').filter((line) => /^- /.test(line));
const words = (text: string): number => text.split(/\s+/).filter(Boolean).length;

/** How many items a prompt asks for, read by the test itself: digits or number words. */
function askedCount(prompt: string): number | null {
  const names = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten'];
  const match = /\b(\d{1,2}|two|three|four|five|six|seven|eight|nine|ten|a couple of)\b/i.exec(
    prompt.replace(/ #\d+$/, ''),
  );
  if (!match?.[1]) return null;
  if (/couple/i.test(match[1])) return 2;
  return /\d/.test(match[1]) ? Number(match[1]) : names.indexOf(match[1].toLowerCase());
}

describe('the corpus', () => {
  it('has at least 300 different prompts, with every form group filled', () => {
    expect(PROMPTS.length).toBeGreaterThanOrEqual(300);
    expect(new Set(PROMPTS).size).toBe(PROMPTS.length);
    for (const [group, prompts] of Object.entries(FORM_PROMPTS))
      expect(prompts.length, group).toBeGreaterThanOrEqual(2);
  });
});

describe('intent first: instruction words shape the answer, never its subject', () => {
  const INSTRUCTION =
    /\b(?:overview of|about|on|of) (?:write|list|give me|compose|tell me|explain|describe|summari[sz]e|draft)\b|\bin (?:one|a single|\d+|two|three|four|five) (?:short )?(?:paragraphs?|bullet points|bullets|words|sentences)\b|\bbriefly\b|\bin a nutshell\b/i;
  const shaped: FormGroup[] = [
    'haiku',
    'poem',
    'story',
    'slogan',
    'email',
    'joke',
    'lists',
    'paragraph',
    'brief',
    'words',
    'bullets',
    'summary',
  ];

  it('echoes no instruction as if it were a topic', () => {
    for (const group of shaped)
      for (const { prompt, answer } of answers(group))
        expect(plainText(answer.markdown), prompt).not.toMatch(INSTRUCTION);
  });

  it('reads the subject without the instruction words', () => {
    expect(analyzePrompt('write a haiku about autumn')).toMatchObject({
      subject: 'autumn',
      ask: { piece: 'haiku' },
    });
    expect(analyzePrompt('list 7 tips for learning spanish')).toMatchObject({
      subject: 'learning Spanish',
      ask: { list: 'tips', count: 7 },
    });
    expect(analyzePrompt('explain kubernetes in one paragraph')).toMatchObject({
      intent: 'definition',
      subject: 'Kubernetes',
      ask: { shape: 'paragraph' },
    });
    expect(analyzePrompt('describe the water cycle in 50 words').ask).toMatchObject({ words: 50 });
    expect(analyzePrompt('explain compound interest in four bullet points').ask).toMatchObject({
      shape: 'bullets',
      count: 4,
    });
  });

  it('keeps the usual layouts for prompts that ask for no form', () => {
    for (const prompt of ['what is a heat pump', 'how to start running', 'best running shoes under $150'])
      expect(analyzePrompt(prompt).ask).toMatchObject({ piece: null, list: null, shape: null, words: null });
  });
});

describe('creative pieces', () => {
  it('writes a haiku as three short lines, as many haiku as asked', () => {
    for (const { prompt, answer } of answers('haiku')) {
      const verses = blocks(answer.markdown).filter((block) => block.split('\n').length === 3);
      expect(verses.length, prompt).toBe(askedCount(prompt) ?? 1);
      for (const verse of verses)
        for (const line of verse.split('\n'))
          expect(words(line), `${prompt}: ${line}`).toBeLessThanOrEqual(8);
    }
  });

  it('writes a poem in stanzas, two for a short one, and a limerick in five lines', () => {
    for (const { prompt, answer } of answers('poem')) {
      const stanzas = blocks(answer.markdown).filter((block) => block.split('\n').length >= 4);
      if (/limerick/.test(prompt))
        expect(
          stanzas.map((s) => s.split('\n').length),
          prompt,
        ).toEqual([5]);
      else if (/short|little/.test(prompt)) expect(stanzas.length, prompt).toBe(2);
      else expect(stanzas.length, prompt).toBeGreaterThanOrEqual(3);
    }
  });

  it('writes a story as a title and paragraphs, an email with subject, greeting and sign-off', () => {
    for (const { prompt, answer } of answers('story')) {
      const parts = blocks(answer.markdown);
      expect(
        parts.some((block) => /^\*\*[^*]+\*\*$/.test(block)),
        prompt,
      ).toBe(true);
      expect(parts.filter((block) => /^\p{Lu}.*[.!]$/u.test(block)).length, prompt).toBeGreaterThanOrEqual(3);
    }
    for (const { prompt, answer } of answers('email')) {
      expect(answer.markdown, prompt).toMatch(/^\*\*Subject:\*\* \S/m);
      expect(answer.markdown, prompt).toMatch(/^(?:Dear .+,|Hello,)$/m);
      expect(answer.markdown, prompt).toMatch(/\[Your name\]/);
    }
  });

  it('gives as many slogans and jokes as asked', () => {
    for (const { prompt, answer } of answers('slogan'))
      // "a slogan" is one; "slogans" with no number, a handful.
      expect(bulletItems(answer.markdown).length, prompt).toBe(
        askedCount(prompt) ?? (/\b(?:slogan|tagline)\b/.test(prompt) ? 1 : 5),
      );
    for (const { prompt, answer } of answers('joke')) {
      const count = askedCount(prompt) ?? 1;
      if (count > 1) expect(listItems(answer.markdown).length, prompt).toBe(count);
      else expect(blocks(answer.markdown), prompt).toHaveLength(3);
    }
  });

  it('cites nothing, shows no ads, and has no headings or tables', () => {
    for (const group of ['haiku', 'poem', 'story', 'slogan', 'email', 'joke'] as const) {
      for (const { prompt, answer } of answers(group)) {
        expect(answer.sources, prompt).toEqual([]);
        expect(answer.ads, prompt).toEqual([]);
        expect(answer.markdown, prompt).not.toMatch(/^(?:#|\|)|\[\d+\]/m);
      }
    }
  });
});

describe('counts and lengths in any phrasing', () => {
  it('lists exactly as many items as asked, five when no number is given', () => {
    for (const { prompt, answer } of answers('lists')) {
      expect(listItems(answer.markdown).length, prompt).toBe(askedCount(prompt) ?? 5);
      expect(answer.markdown, prompt).not.toMatch(/^(?:#|\|)/m);
    }
  });

  it('writes "one paragraph" as one paragraph, with no list, heading or table', () => {
    for (const { prompt, answer } of answers('paragraph')) {
      expect(blocks(answer.markdown), prompt).toHaveLength(1);
      expect(answer.markdown, prompt).not.toMatch(/^(?:#|\||- |\d+\. )/m);
    }
  });

  it('answers "briefly" in one paragraph of at most three sentences', () => {
    for (const { prompt, answer } of answers('brief')) {
      expect(blocks(answer.markdown), prompt).toHaveLength(1);
      const sentences = plainText(answer.markdown).split(/(?<=[.!?])\s+(?=\p{Lu})/u);
      expect(sentences.length, prompt).toBeLessThanOrEqual(3);
      // "in two sentences" is exactly two.
      if (/sentences/.test(prompt)) expect(sentences.length, prompt).toBe(askedCount(prompt));
    }
  });

  it('keeps within a word budget, using at least half of it', () => {
    for (const { prompt, answer } of answers('words')) {
      const budget = Number(/(\d+) words/.exec(prompt)?.[1]);
      const used = words(plainText(answer.markdown));
      expect(used, prompt).toBeLessThanOrEqual(budget);
      expect(used, prompt).toBeGreaterThanOrEqual(budget / 2);
    }
  });

  it('gives exactly the bullet points asked for', () => {
    for (const { prompt, answer } of answers('bullets'))
      expect(bulletItems(answer.markdown).length, prompt).toBe(askedCount(prompt));
  });

  it('summarises in a paragraph and a few points, not an overview with headings', () => {
    for (const { prompt, answer } of answers('summary')) {
      expect(answer.markdown, prompt).not.toMatch(/^#/m);
      expect(bulletItems(answer.markdown).length, prompt).toBeGreaterThanOrEqual(2);
    }
  });
});

describe('facts from the data the project ships, computed where they can be', () => {
  const EXPECTED: Record<string, RegExp> = {
    'what is the capital of canada': /capital of \*\*Canada\*\* is \*\*Ottawa\*\*/,
    'capital of the netherlands': /capital of \*\*the Netherlands\*\* is \*\*Amsterdam\*\*/,
    "what's the capital of kenya": /\*\*Nairobi\*\*/,
    'what is the capital city of brazil': /\*\*Brasília\*\*/,
    'the capital of new zealand?': /\*\*Wellington\*\*/,
    'what currency does japan use': /\*\*Japanese yen\*\* \(JPY\)/,
    'what is the currency of switzerland': /\*\*Swiss franc\*\* \(CHF\)/,
    'currency in mexico': /\*\*Mexican peso\*\* \(MXN\)/,
    'what languages are spoken in belgium': /\*\*Dutch, French and German\*\*/,
    'what language do they speak in brazil': /main language of \*\*Brazil\*\* is \*\*Portuguese\*\*/,
    'what time zone is japan in': /\*\*Asia\/Tokyo\*\*, which is UTC\+9/,
    'what time zones does australia have': /Australia\/Sydney|Australia\/Adelaide/,
    'which continent is peru in': /\*\*Peru\*\* is in \*\*South America\*\*/,
    'what country is lyon in': /\*\*Lyon\*\* is a city in \*\*France\*\*/,
    'where is osaka': /\*\*Osaka\*\* is a city in \*\*Japan\*\*/,
    'convert 5 miles to km': /5 miles.*\*\*8\.047 kilometers\*\*|\*\*8\.047 kilometers\*\*.*5 miles/,
    'what is 100 f in celsius': /\*\*37\.78 degrees Celsius\*\*/,
    'how many ounces in a pound': /1 pound.*\*\*16 ounces\*\*|\*\*16 ounces\*\*.*1 pound/,
    '10 kg in lbs': /\*\*22\.05 pounds\*\*/,
    'convert 3 feet to centimeters': /\*\*91\.44 centimeters\*\*/,
    '2 gallons to liters': /\*\*7\.571 liters\*\*/,
    'what is 12 times 7': /\*\*84\*\*.*12 × 7 = 84/,
    "what's 15% of 80": /\*\*12\*\*.*15 % of 80 = 12/,
    'what is 144 divided by 12': /144 ÷ 12 = 12/,
    '2.5 + 3.75': /2\.5 \+ 3\.75 = 6\.25/,
    'calculate 1200 minus 365': /1,200 − 365 = 835/,
  };

  it('answers each fact right, first thing in the answer', () => {
    const prompts = [
      ...FORM_PROMPTS.capitals,
      ...FORM_PROMPTS.countryFacts,
      ...FORM_PROMPTS.conversions,
      ...FORM_PROMPTS.arithmetic,
    ];
    expect(Object.keys(EXPECTED).sort()).toEqual([...prompts].sort());
    for (const prompt of prompts)
      for (const seed of SEEDS) {
        const first = blocks(generateAnswer(conversation(prompt), seed).markdown)[0] ?? '';
        expect(first, prompt).toMatch(EXPECTED[prompt] ?? /^$/);
      }
  });

  it('computes conversions and sums: no sources to cite for them', () => {
    for (const group of ['conversions', 'arithmetic'] as const)
      for (const { prompt, answer } of answers(group)) expect(answer.sources, prompt).toEqual([]);
  });

  it('stays non-committal where the data has no answer', () => {
    for (const prompt of [
      'how tall is mount everest',
      'what is the population of tokyo',
      'where is machu picchu',
    ]) {
      expect(analyzePrompt(prompt).fact, prompt).toBeNull();
      for (const seed of SEEDS)
        expect(plainText(generateAnswer(conversation(prompt), seed).markdown), prompt).not.toMatch(/\d/);
    }
  });
});

describe('places and activities are never priced like goods', () => {
  it('gives them no price, no ad and no budget or premium tier', () => {
    for (const group of ['places', 'activities'] as const) {
      for (const { prompt, answer, topic } of answers(group)) {
        expect(topic.pick, prompt).toMatch(/^(?:place|activity)$/);
        expect(answer.markdown, prompt).not.toMatch(
          /\$\d|Typical cost|Price|budget-friendly|premium|buying guide/i,
        );
        expect(answer.ads, prompt).toEqual([]);
      }
    }
  });

  it('keeps the count and the place a place prompt names', () => {
    const trips = generateAnswer(conversation('top 5 day trips from rome'), 1).markdown;
    expect(listItems(trips)).toHaveLength(5);
    expect(generateAnswer(conversation('best beaches in thailand'), 1).markdown).toContain('Thailand');
  });

  it('still prices services and products', () => {
    expect(analyzePrompt('best hotels in tokyo for families').pick).toBe('service');
    expect(analyzePrompt('best running shoes under $150').pick).toBe('product');
  });
});

describe('agreement', () => {
  // The name as the subject of the verb: not "the finer points of Netflix are", which is right.
  const NAMES =
    /(?<!\b(?:of|on|about|with|to|for|in|and) )\b(?:Kubernetes|Postgres|Netflix|Docker|Jenkins) (?:are|have|come|were|mean|cover)\b|\b(?:Kubernetes|Postgres|Jenkins)\b[^.]*\bdescribe them\b/;

  it('treats a singular proper name as singular', () => {
    const prompts = [
      ...FORM_PROMPTS.grammar,
      'explain kubernetes in one paragraph',
      'write a paragraph about postgres',
      'explain netflix in under 60 words',
    ];
    for (const prompt of prompts)
      for (const seed of SEEDS)
        expect(plainText(generateAnswer(conversation(prompt), seed).markdown), prompt).not.toMatch(NAMES);
  });
});

describe('every model and every language', () => {
  const MODELS: Model[] = ['chatgpt', 'gemini', 'perplexity', 'copilot'];

  it('shows the same form and facts on each chatbot’s page', () => {
    for (const model of MODELS) {
      for (const prompt of [
        'what is the capital of canada',
        'write a haiku about autumn',
        'list 7 tips for learning spanish',
      ]) {
        const conv = conversation(prompt, model);
        const answer = generateAnswer(conv, 5);
        const { completion } = renderConversation(conv, answer, 5);
        const text = completion.html.replace(/<[^>]+>/g, ' ');
        if (/capital/.test(prompt)) expect(text, `${model}: ${prompt}`).toContain('Ottawa');
        if (/haiku/.test(prompt)) expect(completion.html, `${model}: ${prompt}`).toMatch(/autumn/i);
        if (/tips/.test(prompt))
          expect(
            (completion.html.match(/<li\b/g) ?? []).length,
            `${model}: ${prompt}`,
          ).toBeGreaterThanOrEqual(7);
      }
    }
  });

  for (const language of ['es', 'fr', 'de'] as const) {
    it(`keeps forms, counts and facts in ${language}`, () => {
      for (const { prompt, answer } of answers('haiku', language))
        expect(blocks(answer.markdown).filter((block) => block.split('\n').length === 3).length, prompt).toBe(
          askedCount(prompt) ?? 1,
        );
      for (const { prompt, answer } of answers('lists', language))
        expect(listItems(answer.markdown).length, prompt).toBe(askedCount(prompt) ?? 5);
      for (const { prompt, answer } of answers('paragraph', language))
        expect(blocks(answer.markdown), prompt).toHaveLength(1);
      for (const { prompt, answer } of answers('bullets', language))
        expect(bulletItems(answer.markdown).length, prompt).toBe(askedCount(prompt));
      const capital = generateAnswer(
        conversation('what is the capital of canada', 'chatgpt', { language }),
        1,
      );
      expect(capital.markdown).toContain('**Ottawa**');
      const miles = generateAnswer(conversation('convert 5 miles to km', 'chatgpt', { language }), 1);
      expect(miles.markdown).toContain('8,047');
    });
  }

  it('writes the same bytes for the same seed', () => {
    for (const prompt of [
      'write a haiku about autumn',
      'list 7 tips for learning spanish',
      'what is the capital of canada',
    ])
      expect(generateAnswer(conversation(prompt), 9)).toEqual(generateAnswer(conversation(prompt), 9));
  });
});
