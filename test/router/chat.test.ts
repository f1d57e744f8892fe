import { encode } from 'gpt-tokenizer/encoding/cl100k_base';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { startHarness } from '../support/harness.ts';

const MODEL = 'openai/gpt-4o-mini';
const user = (content: unknown) => ({ role: 'user', content });

/** Every response here is checked against openapi/router/chat.yaml by the harness, streams included. */
describe('POST /api/v1/chat/completions', async () => {
  const mock = await startHarness();
  const chat = (body: Record<string, unknown>, headers?: Record<string, string>) =>
    mock.send('POST', '/api/v1/chat/completions', { body, ...(headers && { headers }) });
  const content = (res: { body: { choices: { message: { content: string } }[] } }) =>
    res.body.choices.map((choice) => choice.message.content);

  it('answers without a model: the default model does', async () => {
    const res = await chat({ messages: [user('Describe the sea')] });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ object: 'chat.completion', model: MODEL, provider: 'openai' });
    expect(res.body.choices[0]).toMatchObject({ index: 0, finish_reason: 'stop', logprobs: null });
  });

  it('counts every role, names, and image parts in the prompt tokens', async () => {
    const text = await chat({ messages: [user('Look at this')] });
    const parts = await chat({
      messages: [
        { role: 'developer', content: 'Be brief', name: 'ops' },
        user([
          { type: 'text', text: 'Look at this' },
          { type: 'image_url', image_url: { url: 'data:image/png;base64,AAAA', detail: 'low' } },
          { type: 'image_url', image_url: { url: 'https://example.com/a.png' } },
        ]),
      ],
    });
    expect(text.body.usage.prompt_tokens).toBe(3 + 1 + encode('Look at this').length + 3);
    const developer = 3 + encode('developer').length + encode('Be brief').length + 1 + encode('ops').length;
    expect(parts.body.usage.prompt_tokens).toBe(text.body.usage.prompt_tokens + developer + 85 + 765);
  });

  it('n, stop, max_tokens and max_completion_tokens', async () => {
    const base = { messages: [user('Explain tides')], seed: 7 };
    const full = await chat({ ...base, n: 3 });
    expect(full.body.choices.map((choice: { index: number }) => choice.index)).toEqual([0, 1, 2]);
    const [first] = content(full);
    const cut = await chat({ ...base, max_tokens: 3 });
    expect(cut.body.choices[0].finish_reason).toBe('length');
    expect(encode(content(cut)[0] ?? '')).toHaveLength(3);
    expect(first?.startsWith(content(cut)[0] ?? '')).toBe(true);
    const newer = await chat({ ...base, max_tokens: 50, max_completion_tokens: 2 });
    expect(newer.body.usage.completion_tokens).toBe(2);
    const stopped = await chat({ ...base, stop: '.' });
    expect(content(stopped)[0]).toBe(first?.slice(0, first.indexOf('.')));
  });

  it('logprobs with top_logprobs: tokens add up to the content, each with its bytes', async () => {
    const res = await chat({
      messages: [user('Name three rivers')],
      logprobs: true,
      top_logprobs: 3,
      max_tokens: 8,
    });
    const { content: tokens } = res.body.choices[0].logprobs;
    expect(tokens.map((token: { token: string }) => token.token).join('')).toBe(content(res)[0]);
    for (const token of tokens) {
      expect(token.bytes).toEqual([...Buffer.from(token.token)]);
      expect(token.top_logprobs).toHaveLength(3);
    }
  });

  it('is deterministic for a seed and at temperature 0, and varies otherwise', async () => {
    const twice = async (body: Record<string, unknown>) => [
      content(await chat(body))[0],
      content(await chat(body))[0],
    ];
    const [a, b] = await twice({ messages: [user('Describe Lisbon')], seed: 42 });
    expect(a).toBe(b);
    const [c, d] = await twice({ messages: [user('Describe Lisbon')], temperature: 0 });
    expect(c).toBe(d);
    const [e, f] = await twice({ messages: [user('Describe Lisbon')] });
    expect(e).not.toBe(f);
  });

  it('response_format: json_object gives an object, json_schema JSON valid against the schema, text prose', async () => {
    const object = await chat({
      messages: [user('Facts about owls')],
      response_format: { type: 'json_object' },
    });
    expect(typeof JSON.parse(content(object)[0] ?? '')).toBe('object');
    const schema = {
      type: 'object',
      properties: {
        city: { type: 'string' },
        nights: { type: 'integer', minimum: 1, maximum: 30 },
        tags: { type: 'array', items: { type: 'string', enum: ['food', 'art', 'sea'] }, minItems: 1 },
        hotel: {
          type: 'object',
          properties: { stars: { type: 'number' } },
          required: ['stars'],
          additionalProperties: false,
        },
      },
      required: ['city', 'nights', 'tags', 'hotel'],
      additionalProperties: false,
    };
    const structured = await chat({
      messages: [user('A trip to Porto for 5 nights, for the food')],
      response_format: { type: 'json_schema', json_schema: { name: 'trip', schema, strict: true } },
    });
    const value = JSON.parse(content(structured)[0] ?? '');
    expect(new Ajv2020({ strict: false }).validate(schema, value)).toBe(true);
    expect(value).toMatchObject({ city: 'Porto', nights: 5 });
    const text = await chat({ messages: [user('Facts about owls')], response_format: { type: 'text' } });
    expect(() => JSON.parse(content(text)[0] ?? '')).toThrow();
  });

  const tool = (name: string, description: string, properties: Record<string, unknown>) => ({
    type: 'function',
    function: {
      name,
      description,
      parameters: { type: 'object', properties, required: Object.keys(properties) },
    },
  });
  const weather = tool('get_weather', 'Current weather in a city', { city: { type: 'string' } });
  const time = tool('get_time', 'The local time in a city', { city: { type: 'string' } });

  it('tool_choice: auto calls the relevant tools (all at once unless parallel_tool_calls is false); none answers text', async () => {
    const messages = [user('What is the weather and the local time in Oslo?')];
    const names = (res: {
      body: { choices: { message: { tool_calls?: { function: { name: string } }[] } }[] };
    }) => (res.body.choices[0]?.message.tool_calls ?? []).map((call) => call.function.name);
    const both = await chat({ messages, tools: [weather, time] });
    expect(names(both)).toEqual(['get_weather', 'get_time']);
    expect(both.body.choices[0].message.content).toBeNull();
    expect(new Set(both.body.choices[0].message.tool_calls.map((call: { id: string }) => call.id)).size).toBe(
      2,
    );
    // One call: the likeliest, get_time, whose name and description both match.
    expect(names(await chat({ messages, tools: [weather, time], parallel_tool_calls: false }))).toEqual([
      'get_time',
    ]);
    const none = await chat({ messages, tools: [weather, time], tool_choice: 'none' });
    expect(none.body.choices[0]).toMatchObject({ finish_reason: 'stop', message: { role: 'assistant' } });
    const unrelated = [user('Write a haiku')];
    expect(names(await chat({ messages: unrelated, tools: [weather] }))).toEqual([]);
    expect(names(await chat({ messages: unrelated, tools: [weather], tool_choice: 'required' }))).toEqual([
      'get_weather',
    ]);
    const named = { type: 'function', function: { name: 'get_time' } };
    expect(names(await chat({ messages, tools: [weather, time], tool_choice: named }))).toEqual(['get_time']);
  });

  it('streams tool calls: the role, the id and name with empty arguments, the arguments in pieces, finish_reason tool_calls', async () => {
    const res = await chat({ messages: [user('Weather in Rome?')], tools: [weather], stream: true });
    const chunks = res.text
      .split('\n\n')
      .filter((frame) => frame.startsWith('data: {'))
      .map((frame) => JSON.parse(frame.slice(6)));
    const deltas = chunks.map((chunk) => chunk.choices[0].delta);
    expect(deltas[0]).toMatchObject({ role: 'assistant', content: null });
    expect(deltas[1].tool_calls[0]).toMatchObject({
      index: 0,
      type: 'function',
      function: { name: 'get_weather', arguments: '' },
    });
    const pieces = deltas.slice(2, -1).map((delta) => delta.tool_calls[0].function.arguments);
    expect(pieces.length).toBeGreaterThan(2);
    expect(JSON.parse(pieces.join(''))).toEqual({ city: 'Rome' });
    expect(chunks.at(-1).choices[0].finish_reason).toBe('tool_calls');
    expect(res.text.trimEnd().endsWith('data: [DONE]')).toBe(true);
  });

  it('refuses, naming the parameter: roles, tool_call_id, tool_choice, top_logprobs, stream_options, types', async () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ messages: [] }, 'messages'],
      [{ messages: [{ role: 'robot', content: 'x' }] }, 'messages[0]'],
      [
        { messages: [user('x'), { role: 'tool', tool_call_id: 'call_9', content: '1' }] },
        'messages[1].tool_call_id',
      ],
      [{ messages: [user('x')], tool_choice: 'auto' }, 'tool_choice'],
      [
        {
          messages: [user('x')],
          tools: [weather],
          tool_choice: { type: 'function', function: { name: 'nope' } },
        },
        'tool_choice.function.name',
      ],
      [{ messages: [user('x')], top_logprobs: 2 }, 'top_logprobs'],
      [{ messages: [user('x')], stream_options: { include_usage: true } }, 'stream_options'],
      [{ messages: [user('x')], n: 0 }, 'n'],
      [{ messages: [user('x')], max_completion_tokens: 'many' }, 'max_completion_tokens'],
      [{ messages: [user('x')], max_tokens: 20_000 }, 'max_tokens'],
      [
        { messages: [user('x')], response_format: { type: 'json_schema', json_schema: { name: 'x' } } },
        'response_format.json_schema.schema',
      ],
      [
        { messages: [user('x')], tools: [{ type: 'function', function: { name: 'bad name' } }] },
        'tools[0].function.name',
      ],
      [{ messages: [user('x')], model: 'nobody/none' }, 'model'],
    ];
    for (const [body, param] of cases) {
      const res = await chat(body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.body.error.param, JSON.stringify(body)).toBe(param);
      expect(res.body.error.message).toContain(param.split(/[.[]/)[0]);
    }
  });

  it('answers the canned text of a fixture matching the last user message', async () => {
    const res = await chat({
      messages: [user('Hello'), { role: 'assistant', content: 'Hi' }, user('say THIS is a test')],
    });
    expect(content(res)[0]).toBe('This is indeed a test.');
  });

  it('faults, fallbacks and the journal: a 5xx on the first model falls back along models', async () => {
    const { control } = mock.instance;
    control.reset();
    control.faults.add({
      match: { operation: 'createChatCompletion', model: MODEL },
      effect: { status: 500 },
    });
    const res = await chat({
      model: MODEL,
      models: ['anthropic/claude-3.5-haiku'],
      messages: [user('Hi there')],
    });
    expect(res.status).toBe(200);
    expect(res.body.model).toBe('anthropic/claude-3.5-haiku');
    expect(res.headers['x-mock-notice']).toContain('fell back');
    const failed = await chat({ model: MODEL, messages: [user('Hi there')] });
    expect(failed.status).toBe(500);
    control.reset();
    control.faults.add({
      match: { operation: 'createChatCompletion', prompt: 'break me' },
      effect: { status: 429 },
    });
    // The rule matches the last user message, not an earlier one.
    const earlier = [user('break me'), { role: 'assistant', content: 'y' }, user('fine now')];
    expect((await chat({ messages: earlier })).status).toBe(200);
    expect(
      (await chat({ messages: [user('x'), { role: 'assistant', content: 'y' }, user('break me')] })).status,
    ).toBe(429);
    const entries = control.journal.list({ path: '/api/v1/chat/completions' });
    expect(entries.at(-2)?.decisions).toMatchObject({ operation: 'createChatCompletion', model: MODEL });
    control.reset();
  });

  it('a stream fault cuts the chat stream after N chunks; Prefer forces a documented status', async () => {
    const { control } = mock.instance;
    control.faults.add({
      match: { operation: 'createChatCompletion' },
      effect: { stream: { errorAfterChunks: 2 } },
    });
    const res = await chat({ messages: [user('x')], stream: true, max_tokens: 5 });
    const frames = res.text.split('\n\n').filter(Boolean);
    expect(frames).toHaveLength(3);
    expect(frames[2]).toContain('"type":"server_error"');
    control.reset();
    const forced = await chat({ messages: [user('x')] }, { prefer: 'code=429' });
    expect(forced.status).toBe(429);
    expect(forced.headers['retry-after']).toBeDefined();
  });
});
