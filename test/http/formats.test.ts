import { describe, expect, it } from 'vitest';
import { startHarness } from '../support/harness.ts';

describe('GET /ai formats and content', async () => {
  const mock = await startHarness();

  it('json (the default) is a Completion whose html contains every fragment', async () => {
    const res = await mock.get('/ai?prompt=how+to+brew+coffee&country=us&city=Portland');
    expect(res.headers['content-type']).toBe('application/json; charset=utf-8');
    const body = res.body;
    expect(body).toMatchObject({
      model: 'chatgpt',
      query: 'how to brew coffee',
      country: 'US',
      city: 'Portland',
    });
    for (const part of ['prompt', 'completion', 'sources', 'ads']) {
      if (body[part]) expect(body.html).toContain(body[part]);
    }
    expect(body.html).toMatch(/^<!DOCTYPE html>/i);
    expect(body.completion.toLowerCase()).toContain('coffee');
  });

  it('rendered is the whole page as text/html, the same as the json html', async () => {
    const json = await mock.get('/ai?prompt=best+laptops&model=gemini');
    const rendered = await mock.get('/ai?prompt=best+laptops&model=gemini&format=rendered');
    expect(rendered.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(rendered.text).toBe(json.body.html);
  });

  it('raw is the page before rendering: HTML, and not the rendered page', async () => {
    const rendered = await mock.get('/ai?prompt=best+laptops&model=perplexity&format=rendered');
    const raw = await mock.get('/ai?prompt=best+laptops&model=perplexity&format=raw');
    expect(raw.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(raw.text).not.toBe(rendered.text);
    expect(raw.text).toContain('<script');
  });

  it('gives the same bytes for the same seed and request, on another instance too', async () => {
    const other = await startHarness();
    const url = '/ai?prompt=what+is+a+heat+pump&model=copilot&expiration=0';
    expect((await other.get(url)).text).toBe((await mock.get(url)).text);
  });

  it('gives other content for another seed', async () => {
    const other = await startHarness({ seed: 99 });
    const url = '/ai?prompt=what+is+a+heat+pump&model=copilot';
    expect((await other.get(url)).body.completion).not.toBe((await mock.get(url)).body.completion);
  });

  it('escapes the prompt wherever it is echoed into HTML', async () => {
    const prompt = encodeURIComponent('<script>alert(1)</script> & "quotes"');
    for (const model of ['chatgpt', 'gemini', 'perplexity', 'copilot']) {
      const json = await mock.get(`/ai?prompt=${prompt}&model=${model}`);
      expect(json.body.query).toBe('<script>alert(1)</script> & "quotes"');
      for (const part of ['html', 'prompt', 'completion'])
        expect(json.body[part]).not.toContain('<script>alert(1)');
      const raw = await mock.get(`/ai?prompt=${prompt}&model=${model}&format=raw`);
      expect(raw.text).not.toContain('<script>alert(1)');
    }
  });

  it('fills fanouts for chatgpt only, as the live service does', async () => {
    const chatgpt = await mock.get('/ai?prompt=best+running+shoes');
    expect(chatgpt.body.fanouts.length).toBeGreaterThan(0);
    expect(chatgpt.body.fanouts.join(' ')).toContain('running shoes');
    expect((await mock.get('/ai?prompt=best+running+shoes&model=gemini')).body.fanouts).toEqual([]);
  });
});

describe('canned completions', async () => {
  const mock = await startHarness();

  it("serves the docs' example from fixtures/ for any model", async () => {
    const res = await mock.get('/ai?prompt=best+basketball+shoes+for+2026');
    expect(res.body.completion).toContain('Vantor Sabre 3');
    expect(res.body.fanouts).toContain('best basketball shoes for guards 2026');
    const gemini = await mock.get('/ai?prompt=Best+Basketball+Shoes+for+2026&model=gemini');
    expect(gemini.body.completion).toContain('Vantor Sabre 3');
    expect(gemini.body.fanouts).toEqual([]);
  });

  it('says so when a canned answer answered: X-Mock-Fixture and the journal', async () => {
    const canned = await mock.get('/ai?prompt=best+basketball+shoes+for+2026');
    expect(canned.headers['x-mock-fixture']).toBe('best-basketball-shoes-for-2026.json');
    const generated = await mock.get('/ai?prompt=how+to+fold+a+paper+crane');
    expect(generated.headers['x-mock-fixture']).toBeUndefined();
    const journal = await mock.get('/__admin/journal?path=/ai&limit=2');
    expect(journal.body.map((entry: { decisions: { fixture?: string } }) => entry.decisions.fixture)).toEqual(
      ['best-basketball-shoes-for-2026.json', undefined],
    );
  });

  it('bundles fixtures with fictional sites only: every URL is on an .example domain', async () => {
    const { readdirSync, readFileSync } = await import('node:fs');
    const urls = readdirSync('fixtures')
      .filter((name) => name.endsWith('.json'))
      .flatMap((name) => [...readFileSync(`fixtures/${name}`, 'utf8').matchAll(/"url": "([^"]+)"/g)])
      .map((match) => new URL(match[1] as string).hostname);
    expect(urls.length).toBeGreaterThan(5);
    for (const host of urls) expect(host).toMatch(/\.example$/);
  });

  it('matches on geo when the fixture names it', async () => {
    const portland = await mock.get('/ai?prompt=current+weather&country=us&city=Portland');
    expect(portland.body.completion).toContain('Portland');
    expect(portland.body.completion).toContain('54°F');
    const elsewhere = await mock.get('/ai?prompt=current+weather&country=fr');
    expect(elsewhere.body.completion).not.toContain('54°F');
  });
});
