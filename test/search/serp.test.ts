import * as cheerio from 'cheerio';
import { describe, expect, it } from 'vitest';
import { renderSerp } from '../../src/core/massive/search/serp.ts';
import type { SearchInputs } from '../../src/core/massive/web/request.ts';
import { readSerp } from './serp-reader.ts';

const inputs = (overrides: Partial<SearchInputs> = {}): SearchInputs => ({
  service: 'search',
  terms: 'best trail shoes',
  serps: 1,
  size: null,
  offset: 0,
  uule: null,
  awaiting: [],
  locale: { device: null, country: null, subdivision: null, city: null, language: null, display: null },
  ...overrides,
});

describe('results pages (the core, read by the parse rules of the notes)', () => {
  it('reads 10 organic results with titles, URLs and snippets, and no overview when none was awaited', () => {
    const read = readSerp(renderSerp(inputs(), 7), 'best trail shoes');
    expect(read.organic).toHaveLength(10);
    for (const result of read.organic) {
      expect(result.url).toMatch(/^https:\/\/[a-z.]+\.example\//);
      expect(result.title.toLowerCase()).toContain('best trail shoes');
      expect(result.snippet.length).toBeGreaterThan(40);
    }
    expect(read.overview).toBeNull();
    // People also ask is there, but its answers are lazy: not awaited, not loaded.
    expect(read.questions.length).toBeGreaterThan(0);
    expect(read.questions.every((question) => question.answer === '')).toBe(true);
  });

  it('gives the overview with its sources for awaiting=ai, and answers for awaiting=answers', () => {
    const read = readSerp(renderSerp(inputs({ awaiting: ['ai', 'answers'] }), 7), 'best trail shoes');
    expect(read.overview?.text.length).toBeGreaterThanOrEqual(60);
    expect(read.overview?.text).not.toMatch(/AI can make mistakes|loading/);
    expect(read.overview?.sources.length).toBeGreaterThanOrEqual(2);
    expect(read.questions.every((question) => question.answer.length >= 30)).toBe(true);
    // No People-also-ask answer is taken for a result.
    expect(read.organic).toHaveLength(10);
  });

  it('puts ads in #tads and #bottomads only for awaiting=ads, where no result reader looks', () => {
    const $ = cheerio.load(renderSerp(inputs({ awaiting: ['ads'] }), 7));
    expect($('#tads [data-text-ad]').length).toBeGreaterThan(0);
    expect($('#tads .yuRUbf, #tads .VwiC3b, #tads .pOOWX').length).toBe(0);
    const none = cheerio.load(renderSerp(inputs(), 7));
    expect(none('[data-text-ad]').length).toBe(0);
  });

  it('joins serps pages with an empty line, numbering results on, honouring size and offset', () => {
    const html = renderSerp(inputs({ serps: 3, size: 5, offset: 10 }), 7);
    expect(html.split('\n\n<!DOCTYPE html>')).toHaveLength(3);
    const read = readSerp(html, 'best trail shoes');
    expect(read.organic.map((result) => result.position)).toEqual(
      Array.from({ length: 15 }, (_, i) => i + 1),
    );
    // Offset 10 starts where page 2 of a 10-result search does.
    const plain = readSerp(renderSerp(inputs({ serps: 2 }), 7), 'best trail shoes');
    expect(read.organic[0]?.url).toBe(plain.organic[10]?.url);
  });

  it('lays a device out as one scrolling document, and localises by language and country', () => {
    const mobile = renderSerp(inputs({ serps: 2, locale: { ...inputs().locale, device: 'iPhone 13' } }), 7);
    expect(mobile.includes('\n\n<!DOCTYPE')).toBe(false);
    expect(readSerp(mobile, 'best trail shoes').organic).toHaveLength(20);
    const german = renderSerp(
      inputs({
        awaiting: ['ai'],
        locale: { ...inputs().locale, country: 'DE', language: 'de', display: 'de' },
      }),
      7,
    );
    const $ = cheerio.load(german);
    expect($('html').attr('lang')).toBe('de');
    expect($('title').text()).toBe('best trail shoes - Google Suche');
    expect(readSerp(german, 'x').organic[0]?.url).toMatch(/\.de\.example\//);
  });

  it('is the same page for the same seed, another for another, and weighs what a live page does', () => {
    const page = renderSerp(inputs(), 7);
    expect(renderSerp(inputs(), 7)).toBe(page);
    expect(renderSerp(inputs(), 8)).not.toBe(page);
    expect(Buffer.byteLength(page)).toBeGreaterThan(900_000);
    expect(Buffer.byteLength(page)).toBeLessThan(1_400_000);
  });
});
