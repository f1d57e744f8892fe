import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { replayEventStream } from '../../src/core/massive/generate/sse.ts';
import { REVISION_IDS } from '../../src/core/massive/revisions/index.ts';
import { startHarness } from '../support/harness.ts';

const mock = await startHarness();
const PROMPT = '/ai?prompt=best+running+shoes+under+%24150&country=us';
const asRevision = (revision: string, url = PROMPT) =>
  mock.get(url, undefined, { 'x-mock-revision': revision });

const ECHO = ['device', 'country', 'subdivision', 'city', 'language', 'display'];

describe('revisions, picked per call', () => {
  it.each([
    [
      '2026-04',
      ['model', 'prompt', 'html', 'promptHtml', 'completionHtml', 'sourcesHtml', 'subqueries', ...ECHO],
    ],
    ['2026-04-24', ['model', 'query', 'html', 'prompt', 'completion', 'sources', 'subqueries', ...ECHO]],
    ['live', ['model', 'query', 'html', 'prompt', 'completion', 'sources', 'ads', 'subqueries']],
    ['2026-05-11', ['model', 'query', 'html', 'prompt', 'completion', 'sources', 'ads', 'fanouts', ...ECHO]],
    [
      '2026-06-29',
      ['model', 'query', 'html', 'prompt', 'completion', 'sources', 'ads', 'sse', 'fanouts', ...ECHO],
    ],
    [
      '2026-07-06',
      ['model', 'query', 'html', 'prompt', 'completion', 'sources', 'ads', 'sse', 'fanouts', ...ECHO],
    ],
  ])('%s answers the same prompt with its own keys, in order', async (revision, keys) => {
    const res = await asRevision(revision);
    expect(res.status).toBe(200);
    expect(res.headers['x-mock-revision']).toBe(revision);
    expect(Object.keys(res.body)).toEqual(keys);
  });

  it('serves one answer in every shape: the same page, presented differently', async () => {
    const may = (await asRevision('2026-05-11')).body;
    const april = (await asRevision('2026-04')).body;
    expect(april.completionHtml).toBe(may.completion);
    expect(april.prompt).toBe(may.query);
    expect(april.subqueries).toEqual(may.fanouts);
    const live = (await asRevision('live')).body;
    expect(live.sources).toBe('');
    expect(live.completion).toBe(may.completion + may.sources);
    expect(live.country).toBeUndefined();
  });

  it('picks the revision by base URL too, and the configured one by default', async () => {
    const res = await mock.get(`/revisions/2026-06-29${PROMPT}`);
    expect(res.headers['x-mock-revision']).toBe('2026-06-29');
    expect(res.body.sse).toContain('data: [DONE]');
    const configured = await startHarness({ revision: '2026-04-24' });
    expect(Object.keys((await configured.get(PROMPT)).body)).toContain('subqueries');
  });

  it('refuses an unknown revision with a 400 that names the ones there are', async () => {
    const res = await request(mock.instance.app.server)
      .get('/ai?prompt=hi')
      .set('authorization', 'Bearer t')
      .set('x-mock-revision', '2027-01');
    expect(res.status).toBe(400);
    expect(res.headers['content-type']).toContain('text/plain');
    expect(res.text).toBe(`X-Mock-Revision must be one of ${REVISION_IDS.join(', ')}; "2027-01" is not one`);
  });

  it('has April models only where April had them', async () => {
    const res = await asRevision('2026-04', '/ai?prompt=hi&model=perplexity');
    expect(res.status).toBe(422);
    expect(res.text).toBe('model must be one of chatgpt, gemini');
    expect((await asRevision('2026-04-24', '/ai?prompt=hi&model=perplexity')).status).toBe(200);
  });
});

describe('June event streams', () => {
  it('replay to the text of the completion, for ChatGPT only', async () => {
    const { body } = await asRevision('2026-06-29', '/ai?prompt=how+to+fix+a+leaky+faucet');
    const text = replayEventStream(body.sse);
    expect(text.length).toBeGreaterThan(200);
    const words = (html: string) =>
      html
        .replace(/<h4[^>]*>.*?<\/h4>/s, '')
        .replace(/<[^>]+>/g, ' ')
        .replace(/&[a-z#0-9]+;/g, ' ')
        .match(/[A-Za-z]{4,}/g) ?? [];
    const spoken = new Set(text.match(/[A-Za-z]{4,}/g));
    const shown = words(body.completion);
    expect(shown.length).toBeGreaterThan(30);
    expect(shown.filter((word) => !spoken.has(word)).length / shown.length).toBeLessThan(0.1);
    for (const model of ['gemini', 'perplexity', 'copilot']) {
      const other = (await asRevision('2026-06-29', `/ai?prompt=how+to+fix+a+leaky+faucet&model=${model}`))
        .body;
      expect(other.sse).toBe('');
      expect(other.fanouts).toEqual([]);
    }
  });
});

describe('what each revision charges and says', () => {
  it('costs 1 credit until June and 5 from June', async () => {
    const paying = await startHarness({ credits: { p: 100 } });
    await paying.get('/ai?prompt=one', 'p', { 'x-mock-revision': '2026-05-11' });
    expect(paying.instance.store.account('p')?.balance).toBe(99);
    await paying.get('/ai?prompt=two', 'p', { 'x-mock-revision': '2026-06-29' });
    expect(paying.instance.store.account('p')?.balance).toBe(94);
    const fixed = await startHarness({ credits: { p: 10 }, creditCost: 2 });
    await fixed.get('/ai?prompt=three', 'p', { 'x-mock-revision': '2026-07-06' });
    expect(fixed.instance.store.account('p')?.balance).toBe(8);
  });

  it('says 180 seconds until June and 60 from June when autoscaling', async () => {
    const may = await mock.get('/ai?prompt=x', undefined, {
      'x-mock-revision': '2026-05-11',
      prefer: 'code=503',
    });
    expect(may.text).toBe('Service is autoscaling; please retry in 180 seconds');
    expect(may.headers['retry-after']).toBe('180');
    const june = await mock.get('/ai?prompt=x', undefined, {
      'x-mock-revision': '2026-06-29',
      prefer: 'code=503',
    });
    expect(june.text).toBe('Service is autoscaling; please retry in 60 seconds');
    expect(june.headers['retry-after']).toBe('60');
  });

  it('words the 402 as each revision documents it', async () => {
    const broke = await startHarness({ credits: { b: 0 } });
    const texts = await Promise.all(
      ['2026-04-24', '2026-05-11'].map(
        async (revision) => (await broke.get('/ai?prompt=x', 'b', { 'x-mock-revision': revision })).text,
      ),
    );
    expect(texts).toEqual([
      'Credit balance is 0; top up at https://partners.joinmassive.com',
      'Credit balance is 0; top up at https://dashboard.joinmassive.com/plans',
    ]);
  });
});
