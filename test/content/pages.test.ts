import { describe, expect, it } from 'vitest';
import { generateAnswer, renderConversation } from '../../src/core/massive/generate/index.ts';
import { MODELS } from '../../src/core/massive/conversation.ts';
import { conversation } from '../support/conversation.ts';
import { PROMPTS } from './corpus.ts';
import { renderedCorpus } from './text.ts';

/** Captured live pages are 200 KB to 1.5 MB (shared/reference/massive-api.md). */
const LIVE_PAGE = [200_000, 1_500_000] as const;

/**
 * What a browser would fetch from another host while loading the page: any absolute `src`
 * (scripts, images, frames), `<link>`s other than alternates, and CSS `url()`s. Links to follow
 * (`<a href>`, `hreflang` alternates) load nothing.
 */
function thirdPartyLoads(html: string): string[] {
  const sources = html.match(/\ssrc="(?:https?:)?\/\/[^"]*"/g) ?? [];
  const links = (html.match(/<link [^>]*href="(?:https?:)?\/\/[^>]*>/g) ?? []).filter(
    (link) => !/rel="(?:alternate|canonical)"/.test(link),
  );
  const css = html.match(/url\(["']?(?:https?:)?\/\/[^)]*\)/g) ?? [];
  return [...sources, ...links, ...css];
}

describe('pages sized and shaped like the live ones', () => {
  for (const model of MODELS) {
    it(`keeps every ${model} page of the corpus within the live range and loading nothing from other hosts`, () => {
      for (const { prompt, completion, raw } of renderedCorpus(model)) {
        expect(completion.html.length, prompt).toBeGreaterThanOrEqual(LIVE_PAGE[0]);
        expect(completion.html.length, prompt).toBeLessThanOrEqual(LIVE_PAGE[1]);
        expect(raw.length, prompt).toBeGreaterThanOrEqual(LIVE_PAGE[0]);
        expect(thirdPartyLoads(completion.html), prompt).toEqual([]);
        expect(thirdPartyLoads(raw), prompt).toEqual([]);
      }
    }, 60_000); // The corpus grew to 300+ prompts: four renders each, on a shared CI core.
  }

  it('puts ChatGPT’s citation pills and its footnote "Sources" button inside the completion', () => {
    const sized: number[] = [];
    for (const { prompt, completion } of renderedCorpus('chatgpt')) {
      if (!completion.sources) continue;
      expect(completion.completion, prompt).toContain('data-testid="webpage-citation-pill"');
      expect(completion.completion, prompt).toMatch(
        /<button class="group\/footnote[^>]*aria-label="Sources"/,
      );
      sized.push(completion.completion.length);
    }
    // The captured "what is mcp" completion is 13.5 KB; the median answer is of that order.
    sized.sort((x, y) => x - y);
    expect(sized[sized.length >> 1]).toBeGreaterThan(8_000);
    expect(sized[sized.length >> 1]).toBeLessThan(25_000);
  });
});

describe('sources a crawler can follow safely', () => {
  const hosts = (domains?: 'reserved' | 'public') =>
    PROMPTS.slice(0, 80).flatMap((prompt, i) => {
      const answer = generateAnswer(conversation(prompt), i, domains ? { domains } : {});
      return [...answer.sources, ...answer.ads].map((link) => new URL(link.url).hostname);
    });

  it('cites and advertises only reserved .example domains by default', () => {
    const all = hosts();
    expect(all.length).toBeGreaterThan(200);
    for (const host of all) expect(host).toMatch(/\.example$/);
  });

  it('gives realistic public-looking domains when asked', () => {
    for (const host of hosts('public')) expect(host).toMatch(/\.(?:com|net|org|co)$/);
  });

  it('links the rendered citations to the same reserved URLs', () => {
    const conv = conversation('best running shoes under $150');
    const { completion } = renderConversation(conv, generateAnswer(conv, 3), 3);
    const links = [...completion.completion.matchAll(/href="https:\/\/([^/"]+)/g)].map((match) => match[1]);
    expect(links.length).toBeGreaterThan(0);
    for (const host of links) expect(host).toMatch(/\.example$/);
  });
});
