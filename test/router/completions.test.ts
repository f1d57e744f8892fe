import { encode } from 'gpt-tokenizer/encoding/cl100k_base';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { tokenFingerprint } from '../../src/core/kernel/redact.ts';
import { startHarness } from '../support/harness.ts';

const MODEL = 'openai/gpt-3.5-turbo-instruct';

describe('POST /api/v1/completions', async () => {
  const mock = await startHarness();
  const complete = (body: Record<string, unknown>, headers?: Record<string, string>) =>
    mock.send('POST', '/api/v1/completions', {
      body: { model: MODEL, ...body },
      ...(headers && { headers }),
    });

  it('answers a text completion with usage counted by the tokenizer', async () => {
    const res = await complete({ prompt: 'Write a tagline for an ice cream shop' });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ object: 'text_completion', model: MODEL, provider: 'openai' });
    const [choice] = res.body.choices;
    expect(choice.finish_reason).toBe('stop');
    expect(res.body.usage).toEqual({
      prompt_tokens: encode('Write a tagline for an ice cream shop').length,
      completion_tokens: encode(choice.text).length,
      total_tokens: encode('Write a tagline for an ice cream shop').length + encode(choice.text).length,
    });
  });

  it('takes every prompt form: one choice per prompt, times n', async () => {
    const ids = encode('Hello there');
    for (const [prompt, prompts] of [
      ['one', 1],
      [['one', 'two'], 2],
      [ids, 1],
      [[ids, encode('General Kenobi')], 2],
    ] as const) {
      const res = await complete({ prompt, n: 3, max_tokens: 5 });
      expect(res.status).toBe(200);
      expect(res.body.choices.map((choice: { index: number }) => choice.index)).toEqual(
        Array.from({ length: prompts * 3 }, (_, index) => index),
      );
    }
    const echoed = await complete({ prompt: ids, echo: true, max_tokens: 1 });
    expect(echoed.body.choices[0].text.startsWith('Hello there')).toBe(true);
    expect(echoed.body.usage.prompt_tokens).toBe(ids.length);
  });

  it('refuses best_of < n, more than 4 stop sequences, echo with suffix, an unknown token id', async () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ prompt: 'x', n: 3, best_of: 2 }, 'best_of'],
      [{ prompt: 'x', stop: ['a', 'b', 'c', 'd', 'e'] }, 'stop'],
      [{ prompt: 'x', echo: true, suffix: 'y' }, 'suffix'],
      [{ prompt: [999_999_999] }, 'prompt'],
      [{ prompt: 'x', stream_options: { include_usage: true } }, 'stream_options'],
      [{ prompt: 'x', max_tokens: 'many' }, 'max_tokens'],
      [{ prompt: 'x', n: 0 }, 'n'],
      [{ prompt: 'x', temperature: 3 }, 'temperature'],
      [{ prompt: { text: 'x' } }, 'prompt'],
      [{ max_tokens: 3 }, 'prompt'],
      [{ prompt: 'x', response_format: { type: 'json_schema' } }, 'response_format'],
    ];
    for (const [body, param] of cases) {
      const res = await complete(body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.body.error).toMatchObject({ param, type: 'invalid_request_error' });
      expect(res.body.error.message).toContain(param.split('.')[0]);
    }
  });

  it('answers 400, never 500, to malformed JSON, another content type or an oversized body; 401 without a key', async () => {
    const post = (type: string, text: string) =>
      mock.send('POST', '/api/v1/completions', { headers: { 'content-type': type }, body: text });
    for (const res of [
      await post('application/json', '{"prompt": '),
      await post('text/plain', 'prompt=hi'),
      await post('application/x-www-form-urlencoded', 'prompt=hi'),
      await post('application/json', JSON.stringify({ model: MODEL, prompt: 'x'.repeat(2 * 1024 * 1024) })),
    ]) {
      expect(res.status).toBe(400);
      expect(res.body.error.type).toBe('invalid_request_error');
    }
    const unauthorised = await mock.send('POST', '/api/v1/completions', {
      token: null,
      body: { prompt: 'x' },
    });
    expect(unauthorised.status).toBe(401);
    expect(unauthorised.body.error.code).toBe('invalid_api_key');
  });

  it('max_tokens cuts the text with finish_reason length; stop ends it before the first sequence', async () => {
    const full = await complete({ prompt: 'Explain tides', seed: 7 });
    const text: string = full.body.choices[0].text;
    const cut = await complete({ prompt: 'Explain tides', seed: 7, max_tokens: 3 });
    expect(cut.body.choices[0]).toMatchObject({ finish_reason: 'length' });
    expect(encode(cut.body.choices[0].text)).toHaveLength(3);
    expect(text.startsWith(cut.body.choices[0].text)).toBe(true);
    const stopped = await complete({ prompt: 'Explain tides', seed: 7, stop: ['zzz', '.'] });
    expect(stopped.body.choices[0]).toEqual(
      expect.objectContaining({ text: text.slice(0, text.indexOf('.')), finish_reason: 'stop' }),
    );
  });

  it('logprobs: tokens add up to the text, offsets follow them, top_logprobs hold the token', async () => {
    for (const echo of [false, true]) {
      const prompt = 'Name three rivers';
      const res = await complete({ prompt, logprobs: 3, max_tokens: 12, echo, temperature: 0 });
      const [{ text, logprobs }] = res.body.choices;
      expect(logprobs.tokens.join('')).toBe(text);
      let offset = echo ? 0 : prompt.length;
      logprobs.tokens.forEach((token: string, index: number) => {
        expect(logprobs.text_offset[index]).toBe(offset);
        offset += token.length;
        const top = logprobs.top_logprobs[index];
        if (echo && index === 0) return expect(top).toBeNull();
        expect(Object.keys(top)).toHaveLength(3);
        expect(top[token]).toBe(logprobs.token_logprobs[index]);
        // temperature 0: the token is the likeliest of its alternatives
        expect(Math.max(...(Object.values(top) as number[]))).toBe(logprobs.token_logprobs[index]);
      });
    }
  });

  it('is deterministic with seed or temperature 0, and varies otherwise', async () => {
    const texts = async (body: Record<string, unknown>) =>
      [(await complete(body)).body.choices[0].text, (await complete(body)).body.choices[0].text] as string[];
    const [a, b] = await texts({ prompt: 'Describe Lisbon', seed: 42 });
    expect(a).toBe(b);
    const [c, d] = await texts({ prompt: 'Describe Lisbon', temperature: 0 });
    expect(c).toBe(d);
    const [e, f] = await texts({ prompt: 'Describe Lisbon' });
    expect(e).not.toBe(f);
  });

  it('suffix counts in the prompt tokens; best_of bills every candidate', async () => {
    const plain = await complete({ prompt: 'def add(a, b):', seed: 1, max_tokens: 4 });
    const withSuffix = await complete({
      prompt: 'def add(a, b):',
      suffix: '\n    return c',
      seed: 1,
      max_tokens: 4,
    });
    expect(withSuffix.body.usage.prompt_tokens).toBe(
      plain.body.usage.prompt_tokens + encode('\n    return c').length,
    );
    const best = await complete({ prompt: 'x', best_of: 3, n: 1, max_tokens: 4 });
    expect(best.body.choices).toHaveLength(1);
    expect(best.body.usage.completion_tokens).toBe(12);
  });

  it('response_format json_object gives JSON; json_schema gives JSON valid against the schema', async () => {
    const object = await complete({ prompt: 'Describe a cat', response_format: { type: 'json_object' } });
    expect(typeof JSON.parse(object.body.choices[0].text)).toBe('object');
    const schema = {
      type: 'object',
      properties: {
        name: { type: 'string', minLength: 3, maxLength: 20 },
        age: { type: 'integer', minimum: 0, maximum: 30 },
        email: { type: 'string', format: 'email' },
        colour: { enum: ['black', 'white', 'ginger'] },
        toys: { type: 'array', items: { $ref: '#/$defs/toy' }, minItems: 2, maxItems: 4 },
        indoor: { type: ['boolean', 'null'] },
      },
      required: ['name', 'age', 'colour', 'toys'],
      additionalProperties: false,
      $defs: {
        toy: {
          type: 'object',
          properties: { label: { type: 'string' }, price: { type: 'number', exclusiveMinimum: 0 } },
          required: ['label', 'price'],
        },
      },
    };
    const ajv = new Ajv2020({ strict: false });
    addFormats.default(ajv);
    const validate = ajv.compile(schema);
    for (let seed = 0; seed < 20; seed++) {
      const res = await complete({
        prompt: 'Describe a cat',
        seed,
        response_format: { type: 'json_schema', json_schema: { name: 'cat', schema, strict: true } },
      });
      const value = JSON.parse(res.body.choices[0].text);
      expect(validate(value), JSON.stringify(validate.errors)).toBe(true);
    }
  });

  it('falls back along models, names the provider that answered, and refuses an unknown model', async () => {
    const res = await mock.send('POST', '/api/v1/completions', {
      body: { model: 'nobody/unknown', models: ['nobody/else', 'anthropic/claude-3.5-haiku'], prompt: 'hi' },
    });
    expect(res.body).toMatchObject({ model: 'anthropic/claude-3.5-haiku', provider: 'anthropic' });
    const only = await mock.send('POST', '/api/v1/completions', {
      body: { models: ['google/gemini-2.0-flash'], prompt: 'hi' },
    });
    expect(only.body.provider).toBe('google');
    const unknown = await mock.send('POST', '/api/v1/completions', {
      body: { model: 'nobody/unknown', prompt: 'hi' },
    });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error).toMatchObject({ code: 'model_not_found', param: 'model' });
    expect(unknown.body.error.message).toContain('nobody/unknown');
    const none = await mock.send('POST', '/api/v1/completions', { body: { prompt: 'hi' } });
    expect(none.body.error).toMatchObject({ param: 'model' });
  });

  it('serves a canned answer matched by prompt, cut by max_tokens like any other', async () => {
    const res = await complete({ prompt: '  say THIS is a test ' });
    expect(res.body.choices[0].text).toBe('\n\nThis is indeed a test.');
    const cut = await complete({ prompt: 'Say this is a test', max_tokens: 3 });
    expect(cut.body.choices[0]).toMatchObject({ finish_reason: 'length' });
  });

  it('lands in the journal with its body, the model and the usage', async () => {
    mock.instance.control.journal.clear();
    await complete({ prompt: 'journal me', max_tokens: 2 });
    const [entry] = mock.instance.control.journal.list({ path: '/api/v1/completions' });
    expect(entry).toMatchObject({
      method: 'POST',
      status: 200,
      // A token is kept as its fingerprint (issue 24, item 8).
      token: tokenFingerprint('test-token'),
      decisions: { operation: 'createCompletion', model: MODEL, usage: { completion_tokens: 2 } },
    });
    expect(JSON.parse(entry?.body ?? '')).toEqual({ model: MODEL, prompt: 'journal me', max_tokens: 2 });
    expect(entry?.headers?.authorization).toBe('[redacted]');
    await complete({ prompt: 'x'.repeat(100_000), max_tokens: 1 });
    const long = mock.instance.control.journal.list({ path: '/api/v1/completions' })[1];
    expect(long?.truncated).toBe(true);
    expect(long?.body?.length).toBeLessThanOrEqual(8192);
  });

  it('Prefer: code= forces a documented error as JSON; others are ignored with a notice', async () => {
    const forced = await complete({ prompt: 'x' }, { prefer: 'code=500' });
    expect(forced.status).toBe(500);
    expect(forced.body.error.type).toBe('server_error');
    const limited = await complete({ prompt: 'x' }, { prefer: 'code=429' });
    expect(limited.status).toBe(429);
    expect(limited.headers['retry-after']).toBe('1');
    const ignored = await complete({ prompt: 'x' }, { prefer: 'code=503' });
    expect(ignored.status).toBe(200);
    expect(ignored.headers['x-mock-notice']).toContain('createCompletion does not document it');
  });
});

describe('GET /api/v1/models', async () => {
  it('lists the configured catalogue', async () => {
    const mock = await startHarness({ routerModels: ['acme/small', 'bare-model'] });
    const res = await mock.get('/api/v1/models');
    expect(res.body).toEqual({
      object: 'list',
      data: [
        { id: 'acme/small', object: 'model', created: expect.any(Number), owned_by: 'acme' },
        { id: 'bare-model', object: 'model', created: expect.any(Number), owned_by: 'massive-mock' },
      ],
    });
    expect((await mock.get('/api/v1/models', null)).status).toBe(401);
    const docs = await mock.raw('/openapi-router.json');
    expect(Object.keys(docs.body.paths)).toEqual([
      '/api/v1/completions',
      '/api/v1/chat/completions',
      '/api/v1/models',
    ]);
    // Issue 23 item 7: the document names the emulated API, not one operation of the seed's.
    expect(docs.body.info.title).toBe('LLM router API (emulated by massive-mock)');
    expect(docs.body.info.description).toContain('emulates');
  });
});

describe('bounds', async () => {
  const mock = await startHarness();
  it('refuses more than 1,024 completions in one request; max_tokens 0 answers an empty text', async () => {
    const many = await mock.send('POST', '/api/v1/completions', {
      body: { model: MODEL, prompt: Array(100).fill('x'), n: 11 },
    });
    expect(many.status).toBe(400);
    expect(many.body.error.param).toBe('n');
    const empty = await mock.send('POST', '/api/v1/completions', {
      body: { model: MODEL, prompt: '', max_tokens: 0, echo: true, logprobs: 1 },
    });
    expect(empty.body.choices[0]).toMatchObject({ text: '', finish_reason: 'length' });
    expect(empty.body.usage).toMatchObject({ prompt_tokens: 0, completion_tokens: 0 });
  });

  it('answers pathological prompts and schemas at once', async () => {
    const started = performance.now();
    const run = await mock.send('POST', '/api/v1/completions', {
      body: { model: MODEL, prompt: 'x'.repeat(50_000), max_tokens: 1 },
    });
    expect(run.status).toBe(200);
    const long = await mock.send('POST', '/api/v1/completions', {
      body: { model: MODEL, prompt: 'many words '.repeat(20_000) },
    });
    expect(long.status).toBe(400);
    expect(long.body.error).toMatchObject({ param: 'prompt' });
    expect(long.body.error.message).toContain('context');
    for (const schema of [
      { type: 'string', minLength: 1e9 },
      { $ref: '#' },
      {
        type: 'array',
        minItems: 100,
        items: { type: 'array', minItems: 100, items: { type: 'array', minItems: 100 } },
      },
    ]) {
      const res = await mock.send('POST', '/api/v1/completions', {
        body: {
          model: MODEL,
          prompt: 'x',
          response_format: { type: 'json_schema', json_schema: { name: 'x', schema } },
        },
      });
      expect(res.status).toBe(200);
      JSON.parse(res.body.choices[0].text);
    }
    expect(performance.now() - started).toBeLessThan(5000);
  });
});

describe('fallback when a provider fails', async () => {
  const mock = await startHarness();
  it('a 5xx a fault rule gives the first model falls back along models; provider names who answered', async () => {
    const { control } = mock.instance;
    control.faults.add({ match: { operation: 'createCompletion', model: MODEL }, effect: { status: 500 } });
    const body = { model: MODEL, models: ['nobody/else', 'google/gemini-2.0-flash'], prompt: 'hi' };
    const res = await mock.send('POST', '/api/v1/completions', { body });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ model: 'google/gemini-2.0-flash', provider: 'google' });
    expect(res.headers['x-mock-notice']).toContain(
      `${MODEL} failed with 500: fell back to google/gemini-2.0-flash`,
    );
    const [entry] = control.journal.list({ path: '/api/v1/completions' });
    expect(entry?.decisions).toMatchObject({ faults: ['rule-1'], model: 'google/gemini-2.0-flash' });
    // With nothing to fall back to, the failure is the answer.
    expect(
      (await mock.send('POST', '/api/v1/completions', { body: { model: MODEL, prompt: 'hi' } })).status,
    ).toBe(500);
    // A 429 is the caller's own limit: no fallback.
    control.faults.clear();
    control.faults.add({ match: { model: MODEL }, effect: { status: 429 } });
    expect((await mock.send('POST', '/api/v1/completions', { body })).status).toBe(429);
  });
});
