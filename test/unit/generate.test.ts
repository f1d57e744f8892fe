import { describe, expect, it } from 'vitest';
import {
  type Answer,
  generateAnswer,
  type Model,
  renderConversation,
} from '../../src/core/massive/generate/index.ts';
import { MODELS } from '../../src/core/massive/conversation.ts';
import { conversation } from '../support/conversation.ts';

function render(prompt: string, model: Model, seed = 1) {
  const conv = conversation(prompt, model);
  return renderConversation(conv, generateAnswer(conv, seed), seed);
}

/** The visible text of a fragment, for checking what the answer says. */
function text(html: string): string {
  return html.replace(/<[^>]*>/g, ' ').replace(/\s+/g, ' ');
}

const asScriptData = (value: string): string => JSON.stringify(value).slice(1, -1).replace(/</g, '\\u003c');

describe('generateAnswer', () => {
  it('is deterministic for a seed and varies across seeds', () => {
    const conv = conversation('best basketball shoes for 2026');
    expect(JSON.stringify(generateAnswer(conv, 5))).toBe(JSON.stringify(generateAnswer(conv, 5)));
    expect(generateAnswer(conv, 5).markdown).not.toBe(generateAnswer(conv, 6).markdown);
  });

  it('writes about the subject, cites existing sources and never uses filler text', () => {
    for (let seed = 0; seed < 20; seed++) {
      const answer = generateAnswer(conversation('best basketball shoes for 2026'), seed);
      expect(answer.markdown.toLowerCase()).toContain('basketball shoes');
      expect(answer.markdown.toLowerCase()).not.toContain('lorem');
      expect(answer.sources.length).toBeGreaterThanOrEqual(3);
      expect(answer.sources.length).toBeLessThanOrEqual(8);
      const cited = [...answer.markdown.matchAll(/\[(\d+)\]/g)].map((m) => Number(m[1]));
      expect(cited.length).toBeGreaterThan(0);
      for (const n of cited) expect(n).toBeLessThanOrEqual(answer.sources.length);
      for (const source of answer.sources) expect(source.url).toMatch(/^https:\/\/[^/]+\/.*basketball-shoes/);
    }
  });

  it('gives each intent its shape', () => {
    for (let seed = 0; seed < 10; seed++) {
      expect(generateAnswer(conversation('how to make sourdough bread'), seed).markdown).toMatch(
        /^(1\. |### 1\. )/m,
      );
      expect(generateAnswer(conversation('iphone 16 vs pixel 9'), seed).markdown).toMatch(
        /^\| Feature \| iPhone 16 \| Pixel 9 \|$/m,
      );
      expect(generateAnswer(conversation('what is mcp'), seed).markdown).toContain('MCP');
    }
  });

  it('derives 2 to 7 fanouts from the prompt', () => {
    const fanouts = generateAnswer(conversation('Best basketball shoes for 2026?'), 3).fanouts;
    expect(fanouts[0]).toBe('best basketball shoes for 2026');
    expect(fanouts.length).toBeGreaterThanOrEqual(2);
    expect(fanouts.length).toBeLessThanOrEqual(7);
    for (const query of fanouts) expect(query).toMatch(/basketball shoes/);
  });

  it('has ads only for commercial prompts', () => {
    const seeds = Array.from({ length: 20 }, (_, i) => i);
    expect(
      seeds.some(
        (seed) => generateAnswer(conversation('best basketball shoes for 2026'), seed).ads.length > 0,
      ),
    ).toBe(true);
    for (const seed of seeds) {
      expect(generateAnswer(conversation('who is Ada Lovelace'), seed).ads).toEqual([]);
      expect(generateAnswer(conversation('how to tie a tie'), seed).ads.length).toBe(0);
    }
  });

  it('copes with Unicode, punctuation-only and 2,047-character prompts', () => {
    for (const prompt of [
      '東京のおすすめラーメンは？',
      '¿Qué es la fotosíntesis? 🌱',
      '?!?!...',
      '   ',
      'x'.repeat(2047),
      `${'Why is the sky blue? '.repeat(100)}`.slice(0, 2047),
    ]) {
      const answer = generateAnswer(conversation(prompt), 9);
      expect(answer.markdown.length).toBeGreaterThan(50);
      expect(answer.fanouts.length).toBeGreaterThanOrEqual(1);
      for (const query of answer.fanouts) expect(query.length).toBeLessThanOrEqual(80);
      const { completion } = renderConversation(conversation(prompt), answer, 9);
      expect(completion.html).toContain(completion.completion);
    }
  });
});

describe('renderConversation', () => {
  const markers: Record<Model, readonly string[]> = {
    chatgpt: [
      'data-turn="user"',
      'data-turn="assistant"',
      'ChatGPT said:',
      'You said:',
      'data-testid="webpage-citation-pill"',
      'utm_source=chatgpt.com',
      'class="markdown prose',
    ],
    gemini: [
      '<user-query',
      'class="query-text-line',
      '<model-response',
      'Gemini said',
      'markdown markdown-main-panel',
      '<context-sidebar',
      '<inline-source-card',
    ],
    perplexity: ['<h1 class="group/query', 'data-renderer="lm"', ' sources</span>'],
    copilot: [
      'data-content="user-message"',
      'data-content="ai-message"',
      'role="article"',
      'Copilot said',
      'References',
      'utm_source=copilot.com',
    ],
  };

  for (const model of MODELS) {
    it(`renders a whole ${model} page that contains its fragments`, () => {
      const prompt = 'best basketball shoes for 2026';
      const { completion, raw } = render(prompt, model);
      expect(completion.model).toBe(model);
      expect(completion.query).toBe(prompt);
      expect(completion.city).toBe('Portland');
      expect(completion.device).toBeNull();
      expect(completion.html.startsWith('<!DOCTYPE html><html lang="en-US"')).toBe(true);
      for (const fragment of [completion.prompt, completion.completion, completion.sources, completion.ads]) {
        if (fragment) expect(completion.html).toContain(fragment);
      }
      const all = completion.prompt + completion.completion + completion.sources;
      for (const marker of markers[model]) expect(all).toContain(marker);
      expect(text(completion.completion).toLowerCase()).toContain('basketball shoes');
      // Captured live pages are 200 KB to 1.5 MB (shared/reference/massive-api.md).
      expect(completion.html.length).toBeGreaterThan(200_000);
      expect(completion.html.length).toBeLessThan(1_500_000);
      expect(raw).not.toBe(completion.html);
      expect(raw).not.toContain(completion.completion);
      expect(raw).toContain(asScriptData(prompt));
      expect(raw).toMatch(/<\/html>$/);
    });
  }

  it('is deterministic and varies with the seed', () => {
    for (const model of MODELS) {
      expect(JSON.stringify(render('what is mcp', model, 4))).toBe(
        JSON.stringify(render('what is mcp', model, 4)),
      );
      expect(render('what is mcp', model, 4).completion.completion).not.toBe(
        render('what is mcp', model, 5).completion.completion,
      );
    }
  });

  it('exposes fanouts and ads for ChatGPT only', () => {
    const seed =
      Array.from({ length: 20 }, (_, i) => i).find(
        (s) => generateAnswer(conversation('best basketball shoes'), s).ads.length > 0,
      ) ?? 0;
    for (const model of MODELS) {
      const { completion } = render('best basketball shoes', model, seed);
      if (model === 'chatgpt') {
        expect(completion.fanouts.length).toBeGreaterThan(0);
        expect(completion.ads).toMatch(
          /^<div class="border-token-border-default mt-2 border-t py-4 text-sm"/,
        );
      } else {
        expect(completion.fanouts).toEqual([]);
        expect(completion.ads).toBe('');
      }
    }
  });

  it('escapes a hostile prompt everywhere', () => {
    const prompt = `<script>alert(1)</script><img src=x onerror="alert('x')">`;
    for (const model of MODELS) {
      const { completion, raw } = render(prompt, model);
      for (const html of [completion.html, completion.prompt, completion.completion, raw]) {
        expect(html).not.toContain('<script>alert');
        expect(html).not.toContain('<img src=x');
      }
      expect(completion.prompt).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
      expect(completion.query).toBe(prompt);
    }
  });

  it('escapes hostile fixture answers and only links http(s) URLs', () => {
    const answer: Answer = {
      markdown:
        'Hi <b onclick="x()">there</b> [click](javascript:alert(1)) [ok](https://ok.example/a?b=1) [1]\n\n<script>alert(2)</script>\n\n![pic](data:image/png;base64,AAAA)',
      sources: [
        {
          title: '<i>T</i>',
          url: 'javascript:alert(3)',
          siteName: '"Evil" & <Co>',
          snippet: "<svg onload='x'>",
        },
      ],
      fanouts: [],
      ads: [
        {
          title: '<b>Ad</b>',
          url: 'https://ads.example/?q=1',
          advertiser: '<Adv>',
          description: '"d"',
          price: '<$1>',
        },
      ],
    };
    for (const model of MODELS) {
      const { completion, raw } = renderConversation(conversation('hi', model), answer, 1);
      for (const html of [completion.html, completion.completion, completion.sources, completion.ads, raw]) {
        for (const hostile of [
          '<b onclick',
          '<b>',
          '<i>',
          '<svg onload',
          '<script>alert',
          '<Co>',
          '<Adv>',
          'href="javascript:',
          'src="data:',
        ]) {
          expect(html.includes(hostile), `${model} shows ${hostile}`).toBe(false);
        }
      }
      expect(completion.completion).toContain('&lt;b onclick=&quot;x()&quot;&gt;');
      expect(completion.completion).toContain('href="https://ok.example/a?b=1');
      expect(completion.completion).toContain('click');
    }
    expect(renderConversation(conversation('hi'), answer, 1).completion.ads).toContain(
      'https://ads.example/?q=1&amp;utm_source=chatgpt.com',
    );
  });

  it('renders empty sources and ads as empty strings', () => {
    const answer: Answer = {
      markdown: '# Title\n\nJust **text** [1].',
      sources: [],
      fanouts: ['q'],
      ads: [],
    };
    for (const model of MODELS) {
      const { completion } = renderConversation(conversation('q', model), answer, 2);
      expect(completion.sources).toBe('');
      expect(completion.ads).toBe('');
      expect(completion.completion).toContain('[1]');
    }
  });

  it('localises the page language and the hidden labels', () => {
    const conv = conversation('¿qué es mcp?', 'chatgpt', { display: 'es' });
    const { completion } = renderConversation(conv, generateAnswer(conv, 1), 1);
    expect(completion.html.startsWith('<!DOCTYPE html><html lang="es"')).toBe(true);
    expect(completion.completion).toContain('ChatGPT dijo:');
    const other = conversation('hi', 'gemini', { language: 'Spanish' });
    expect(renderConversation(other, generateAnswer(other, 1), 1).completion.html).toMatch(
      /^<!DOCTYPE html><html lang="en-US"/,
    );
  });

  it('localises the hidden labels by exit country, as captured pages do', () => {
    const french = conversation('best laptops', 'chatgpt', { country: 'FR', city: null });
    expect(renderConversation(french, generateAnswer(french, 1), 1).completion.completion).toContain(
      'ChatGPT a dit :',
    );
    const german = conversation('best laptops', 'copilot', { country: 'DE', city: null });
    expect(renderConversation(german, generateAnswer(german, 1), 1).completion.prompt).not.toContain(
      'You said',
    );
  });

  it('adds ChatGPT source offsets and &utm_source to URLs with a query', () => {
    const answer: Answer = {
      markdown: 'Intro [1]\n\n- **Lead:** item',
      sources: [{ title: 't', url: 'https://site.example/p?id=2#top', siteName: 'Site', snippet: 's' }],
      fanouts: [],
      ads: [],
    };
    const { completion } = renderConversation(conversation('q'), answer, 1);
    expect(completion.completion).toContain('<p data-start="0" data-end="9">Intro');
    expect(completion.completion).toContain('<ul data-start="11" data-end="27">');
    expect(completion.completion).toContain('<strong data-start="13" data-end="22">Lead:</strong>');
    expect(completion.completion).toContain('https://site.example/p?id=2&amp;utm_source=chatgpt.com#top');
    expect(completion.sources).toMatch(/^<section aria-label="Sources"/);
  });
});
