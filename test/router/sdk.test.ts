import { decode, encode } from 'gpt-tokenizer/encoding/cl100k_base';
import OpenAI from 'openai';
import { describe, expect, it } from 'vitest';
import { type StreamFault, startMassiveMock } from '../../src/index.ts';
import { startHarness } from '../support/harness.ts';

const MODEL = 'openai/gpt-3.5-turbo-instruct';

/** The official client, unmodified, pointed at a listening emulator. */
async function client(
  overrides: Parameters<typeof startHarness>[0] = {},
  options: { maxRetries?: number } = {},
) {
  const mock = await startHarness(overrides);
  const base = await mock.instance.app.listen({ host: '127.0.0.1', port: 0 });
  const openai = new OpenAI({
    baseURL: `${base}/api/v1`,
    apiKey: 'sdk-key',
    maxRetries: options.maxRetries ?? 0,
  });
  return { mock, openai };
}

describe('the openai SDK against the router API', async () => {
  const { mock, openai } = await client();
  const { control } = mock.instance;

  it('completions.create answers a completion', async () => {
    // The bundled fixture answers this prompt; max_tokens keeps its first 4 tokens.
    const completion = await openai.completions.create({
      model: MODEL,
      prompt: 'Say this is a test',
      max_tokens: 4,
    });
    expect(completion.object).toBe('text_completion');
    expect(completion.choices[0]?.text).toBe(decode(encode('\n\nThis is indeed a test.').slice(0, 4)));
    expect(completion.choices[0]?.finish_reason).toBe('length');
    expect(completion.usage).toEqual({ prompt_tokens: 5, completion_tokens: 4, total_tokens: 9 });
  });

  it('completions.create with stream: true iterates the chunks, then the usage', async () => {
    const stream = await openai.completions.create({
      model: MODEL,
      prompt: 'Tell me about owls',
      seed: 9,
      stream: true,
      stream_options: { include_usage: true },
    });
    let text = '';
    let usage: OpenAI.CompletionUsage | null | undefined;
    for await (const chunk of stream) {
      text += chunk.choices[0]?.text ?? '';
      if (chunk.usage) usage = chunk.usage;
    }
    const whole = await openai.completions.create({ model: MODEL, prompt: 'Tell me about owls', seed: 9 });
    expect(text).toBe(whole.choices[0]?.text);
    expect(usage).toEqual(whole.usage);
  });

  it('models.list() lists the catalogue', async () => {
    const ids = [];
    for await (const model of openai.models.list()) ids.push(model.id);
    expect(ids).toContain(MODEL);
    expect(ids).toHaveLength(6);
  });

  it('errors surface as the SDK error classes, with the status and the param', async () => {
    const bad = await openai.completions
      .create({ model: MODEL, prompt: 'x', n: 2, best_of: 1 })
      .catch((error) => error);
    expect(bad).toBeInstanceOf(OpenAI.BadRequestError);
    expect(bad).toMatchObject({ status: 400, param: 'best_of', code: 'invalid_request_error' });
    const unknown = await openai.completions
      .create({ model: 'nobody/x', prompt: 'x' })
      .catch((error) => error);
    expect(unknown).toMatchObject({ status: 400, code: 'model_not_found' });

    control.faults.add({
      match: { operation: 'createCompletion' },
      effect: { status: 500 },
      policy: { times: 1 },
    });
    const failed = await openai.completions.create({ model: MODEL, prompt: 'x' }).catch((error) => error);
    expect(failed).toBeInstanceOf(OpenAI.InternalServerError);
    expect(failed.status).toBe(500);

    control.faults.add({ effect: { status: 429 }, policy: { times: 1 } });
    const limited = await openai.completions.create({ model: MODEL, prompt: 'x' }).catch((error) => error);
    expect(limited).toBeInstanceOf(OpenAI.RateLimitError);

    const { openai: strict } = await client({ tokens: ['only-this-key'] });
    const refused = await strict.completions.create({ model: MODEL, prompt: 'x' }).catch((error) => error);
    expect(refused).toBeInstanceOf(OpenAI.AuthenticationError);
    expect(refused.status).toBe(401);
  });

  /** A completion streamed under a stream fault: the chunks' texts, and what iterating threw. */
  async function streamUnder(fault: StreamFault) {
    control.reset();
    control.faults.add({ effect: { stream: fault } });
    const stream = await openai.completions.create({
      model: MODEL,
      prompt: 'x',
      max_tokens: 10,
      stream: true,
    });
    const texts: string[] = [];
    const failure = await (async () => {
      for await (const chunk of stream) texts.push(chunk.choices[0]?.text ?? '');
    })().catch((error) => error);
    return { texts, failure };
  }

  it('an error event inside a stream surfaces as an APIError while iterating', async () => {
    const { texts, failure } = await streamUnder({ errorAfterChunks: 2 });
    expect(texts).toHaveLength(2);
    expect(failure).toBeInstanceOf(OpenAI.APIError);
    expect(failure.message).toContain('upstream provider failed');
  });

  it('a stream cut by a fault rule fails the iteration after the chunks sent', async () => {
    const { texts, failure } = await streamUnder({ cutAfterChunks: 3 });
    expect(texts).toHaveLength(3);
    expect(failure).toBeInstanceOf(Error);
  });
});

describe('the rate limit and the SDK retry', async () => {
  it('answers 429 with Retry-After past the limit, and the SDK retries after it', async () => {
    const { mock, openai } = await client({ routerRateLimit: 1 }, { maxRetries: 2 });
    const { clock, journal } = mock.instance.control;
    await openai.completions.create({ model: MODEL, prompt: 'first', max_tokens: 1 });
    // 59.2 s later on the emulator's clock, the window frees in 0.8 s: Retry-After says 1.
    clock.advance(59_200);
    const started = performance.now();
    const second = await openai.completions.create({ model: MODEL, prompt: 'second', max_tokens: 1 });
    const waited = performance.now() - started;
    expect(second.choices).toHaveLength(1);
    const calls = journal.list({ path: '/api/v1/completions' });
    expect(calls.map((entry) => entry.status)).toEqual([200, 429, 200]);
    // The SDK waited the 1 s Retry-After asked for (its own backoff would be about 0.5 s).
    expect(waited).toBeGreaterThanOrEqual(950);
    expect((calls[2]?.time ?? 0) - (calls[1]?.time ?? 0)).toBeGreaterThanOrEqual(950);
  });

  it('counts per key, on the emulator clock, and tells the limit in headers', async () => {
    const mock = await startHarness({ routerRateLimit: 2 });
    const call = (token: string) =>
      mock.send('POST', '/api/v1/completions', { token, body: { model: MODEL, prompt: 'x', max_tokens: 1 } });
    expect((await call('a')).headers['x-ratelimit-remaining-requests']).toBe('1');
    expect((await call('a')).status).toBe(200);
    const limited = await call('a');
    expect(limited.status).toBe(429);
    expect(limited.body.error).toMatchObject({ code: 'rate_limit_exceeded', type: 'rate_limit_error' });
    expect(Number(limited.headers['retry-after'])).toBeGreaterThanOrEqual(59);
    expect((await call('b')).status).toBe(200);
    expect((await mock.get('/api/v1/models', 'a')).status).toBe(429);
    mock.instance.control.clock.advance(60_000);
    expect((await call('a')).status).toBe(200);
    mock.instance.control.reset();
    expect((await call('a')).status).toBe(200);
  });
});

describe('the library API', () => {
  it('serves the router at mock.url/api/v1, its faults and journal driven from the handle', async () => {
    const mock = await startMassiveMock({ routerModels: ['acme/tiny'] });
    try {
      const openai = new OpenAI({ baseURL: `${mock.url}/api/v1`, apiKey: 'lib', maxRetries: 0 });
      mock.faults.add({
        match: { operation: 'createCompletion', model: 'acme/tiny' },
        effect: { status: 500 },
      });
      const failed = await openai.completions
        .create({ model: 'acme/tiny', prompt: 'x' })
        .catch((error) => error);
      expect(failed).toBeInstanceOf(OpenAI.InternalServerError);
      mock.reset();
      const page = await openai.models.list();
      expect(page.data.map((model) => model.id)).toEqual(['acme/tiny']);
      expect(mock.journal.list({ path: '/api/v1/models' })).toHaveLength(1);
    } finally {
      await mock.close();
    }
  });
});
