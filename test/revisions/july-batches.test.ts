import { describe, expect, it } from 'vitest';
import { startHarness, TOKEN } from '../support/harness.ts';

const JULY = { 'x-mock-revision': '2026-07-06' };
const prompts = (count: number, stem = 'where can I buy a vintage guitar') =>
  Array.from({ length: count }, (_, index) => `${stem} ${index + 1}`);

describe('July: POST /ai/batches and GET /ai/batches?id=', async () => {
  const mock = await startHarness({
    jobMinMs: 1000,
    jobMaxMs: 2000,
    revision: '2026-07-06',
    credits: { poor: 9 },
  });
  const { control } = mock.instance;
  control.clock.freeze();
  const post = (body: unknown, token = TOKEN) => mock.send('POST', '/ai/batches', { token, body });

  it('queues the prompts as jobs, reports progress, then the archive and each answer', async () => {
    const queued = await post({ prompts: prompts(3), country: 'US', subdivision: 'TN', format: 'rendered' });
    expect(queued.status).toBe(202);
    expect(queued.body).toEqual({ id: expect.any(String), count: 3 });
    const status = () => mock.get(`/ai/batches?id=${queued.body.id}`);
    expect((await status()).body).toEqual({
      id: queued.body.id,
      status: 'retrieving',
      count: 3,
      successful: 0,
      failed: 0,
    });
    control.clock.advance(2000);
    const done = (await status()).body;
    expect(done).toMatchObject({ status: 'successful', count: 3, successful: 3, failed: 0 });
    const archiveUrl = new URL(done.url);
    expect(archiveUrl.pathname).toBe('/ai/batches/archive');
    const archive = await mock.get(`${archiveUrl.pathname}${archiveUrl.search}`);
    expect(archive.status).toBe(200);
    expect(archive.body.requests.map((request: { prompt: string }) => request.prompt)).toEqual(prompts(3));
    for (const request of archive.body.requests) {
      expect(request.status).toBe('successful');
      const answer = await mock.get(`/ai?id=${request.id}`);
      expect(answer.status).toBe(200);
      // The shared parameters hold for every prompt, in the format the batch asked for.
      expect(answer.headers['content-type']).toBe('text/html; charset=utf-8');
    }
  });

  it('checks the body from the document and the shared parameters as /ai does', async () => {
    const cases: [unknown, string][] = [
      [{ prompts: [] }, 'prompts must hold at least 1 item'],
      [{ prompts: prompts(1001) }, 'prompts must hold no more than 1,000 items'],
      [{ prompts: ['ok', 'x'.repeat(2048)] }, 'prompts.1 must be no more than 2,047 characters'],
      [{ prompts: [''] }, 'prompts.0 must be at least 1 character'],
      [{ country: 'US' }, 'prompts must be provided'],
      [{ prompts: ['hi'], model: 'grok' }, 'model must be one of chatgpt, gemini, perplexity, copilot'],
      [
        { prompts: ['hi'], country: 'XX' },
        'country must be a two-letter ISO 3166-1 code such as "us"; "XX" is not one',
      ],
      [{ prompts: ['hi'], city: 'Paris' }, 'city requires country'],
      [{ prompts: ['hi'], expiration: 2 }, 'expiration must be no more than 1'],
      [
        { prompts: ['hi'], callback: 'ftp://example.com/hook' },
        'callback must be an HTTP or HTTPS URL, an Amazon SQS queue URL or an SQS queue ARN; "ftp://example.com/hook" is not one',
      ],
    ];
    for (const [body, text] of cases) {
      const res = await post(body);
      expect([res.status, res.text], JSON.stringify(body).slice(0, 80)).toEqual([422, text]);
    }
    const malformed = await mock.send('POST', '/ai/batches', {
      headers: { 'content-type': 'application/json' },
      body: '{"prompts": [',
    });
    expect([malformed.status, malformed.text]).toEqual([400, 'JSON was malformed']);
  });

  it('answers 402 when the balance cannot pay for every prompt, and queues nothing', async () => {
    const before = control.batches.list().length;
    const tooMany = await post({ prompts: prompts(2) }, 'poor'); // 2 × 5 credits > 9
    expect(tooMany.status).toBe(402);
    expect(control.batches.list()).toHaveLength(before);
    expect(control.accounts.get('poor')?.balance).toBe(9);
    const one = await post({ prompts: prompts(1) }, 'poor');
    expect(one.status).toBe(202);
    expect(control.accounts.get('poor')?.balance).toBe(4);
  });

  it("fails a batch's Nth prompt by a fault rule, and charges only the others", async () => {
    control.faults.add({ id: 'third', match: { promptIndex: 2 }, effect: { failJob: true } });
    control.accounts.set('rich', 100);
    const queued = await post({ prompts: prompts(4, 'fault') }, 'rich');
    control.faults.remove('third');
    expect(control.accounts.get('rich')?.balance).toBe(100 - 3 * 5);
    control.clock.advance(2000);
    const status = await mock.get(`/ai/batches?id=${queued.body.id}`, 'rich');
    expect(status.body).toMatchObject({ status: 'successful', successful: 3, failed: 1 });
    const journal = control.journal.list({ path: '/ai/batches', method: 'POST' }).at(-1);
    expect(journal?.decisions).toMatchObject({ batchId: queued.body.id, credits: 15, faults: ['third'] });
    const archive = control.batches.get(queued.body.id);
    expect(archive?.jobs).toHaveLength(4);
    const third = control.jobs.get(archive?.jobs[2] ?? '');
    expect([third?.batchIndex, third?.state]).toEqual([2, 'failed']);
  });

  it('checks the fault rule fields of this path', async () => {
    const add = (rule: unknown) => mock.send('POST', '/__admin/faults', { body: rule });
    const noFail = await add({ match: { promptIndex: 1 }, effect: { status: 500 } });
    expect([noFail.status, noFail.text]).toEqual([
      400,
      'match.promptIndex needs effect.failJob: it fails a prompt of a batch',
    ]);
    expect((await add({ effect: { callbackFailures: -1 } })).status).toBe(400);
    const dropped = await add({
      id: 'drop',
      match: { operation: 'createBatch' },
      effect: { dropCallback: true },
    });
    expect(dropped.status).toBe(201);
    control.faults.remove('drop');
  });

  it('knows only batches the token queued', async () => {
    const queued = await post({ prompts: ['mine'] });
    expect((await mock.get(`/ai/batches?id=${queued.body.id}`, 'someone-else')).status).toBe(404);
    const never = await mock.get('/ai/batches?id=a0482596-c2ad-445a-a435-727002156a20');
    expect([never.status, never.text]).toEqual([404, 'Job was not found']);
    const malformed = await mock.get('/ai/batches?id=nope');
    expect(malformed.status).toBe(422);
  });

  it('is July only', async () => {
    const may = await mock.send('POST', '/ai/batches', {
      headers: { 'x-mock-revision': '2026-05-11' },
      body: { prompts: ['hi'] },
    });
    expect(may.status).toBe(404);
    expect(
      (await mock.send('POST', '/ai/batches', { headers: JULY, body: { prompts: ['hi'] } })).status,
    ).toBe(202);
  });

  it('lists batches and completes or fails them on demand through the admin API', async () => {
    const first = await post({ prompts: prompts(5, 'complete me') });
    const second = await post({ prompts: prompts(5, 'fail me') });
    const listed = await mock.send('GET', '/__admin/batches');
    expect(listed.body.map((batch: { id: string }) => batch.id).slice(0, 2)).toEqual([
      second.body.id,
      first.body.id,
    ]);
    const completed = await mock.send('POST', `/__admin/batches/${first.body.id}/complete`);
    expect(completed.body).toMatchObject({ status: 'successful', successful: 5, failed: 0 });
    const failed = await mock.send('POST', `/__admin/batches/${second.body.id}/fail`);
    expect(failed.body).toMatchObject({ status: 'failed', successful: 0, failed: 5 });
    expect((await mock.get(`/ai/batches?id=${second.body.id}`)).body.status).toBe('failed');
    expect((await mock.send('POST', '/__admin/batches/unknown/fail')).status).toBe(404);
  });
});

describe('July batches: --job-failure-rate applies per prompt', async () => {
  const mock = await startHarness({
    revision: '2026-07-06',
    jobFailureRate: 0.5,
    credits: { [TOKEN]: 1000 },
  });
  const { control } = mock.instance;
  control.clock.freeze();

  it('gives each prompt its own drawn fate, charged only when it succeeds', async () => {
    const queued = await mock.send('POST', '/ai/batches', { body: { prompts: prompts(40, 'fate') } });
    control.clock.advance(2000);
    const { body } = await mock.get(`/ai/batches?id=${queued.body.id}`);
    expect(body.successful + body.failed).toBe(40);
    expect(body.failed).toBeGreaterThan(5);
    expect(body.successful).toBeGreaterThan(5);
    expect(control.accounts.get(TOKEN)?.balance).toBe(1000 - 5 * body.successful);
  });
});
