import { encode } from 'gpt-tokenizer/encoding/cl100k_base';
import OpenAI from 'openai';
import { zodFunction, zodResponseFormat } from 'openai/helpers/zod';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { startHarness } from '../support/harness.ts';

const MODEL = 'openai/gpt-4o-mini';

/** The official client, unmodified, against a listening emulator: chat, streams, tools, `parse`. */
describe('the openai SDK chat.completions against the router', async () => {
  const mock = await startHarness();
  const base = await mock.instance.app.listen({ host: '127.0.0.1', port: 0 });
  const openai = new OpenAI({ baseURL: `${base}/api/v1`, apiKey: 'sdk-key', maxRetries: 0 });
  const weather: OpenAI.ChatCompletionTool = {
    type: 'function',
    function: {
      name: 'get_weather',
      description: 'Get the current weather in a city',
      parameters: {
        type: 'object',
        properties: { city: { type: 'string' }, days: { type: 'integer', minimum: 1, maximum: 10 } },
        required: ['city', 'days'],
        additionalProperties: false,
      },
    },
  };

  it('create answers, with usage counted with the chat template', async () => {
    const completion = await openai.chat.completions.create({
      model: MODEL,
      messages: [
        { role: 'system', content: 'You are terse.' },
        { role: 'user', content: 'Say something about tides' },
      ],
    });
    expect(completion.object).toBe('chat.completion');
    const [choice] = completion.choices;
    expect(choice?.message.role).toBe('assistant');
    expect(choice?.finish_reason).toBe('stop');
    const content = choice?.message.content ?? '';
    // 3 per message, the role and the content, then 3 priming the reply (OpenAI's cookbook count).
    const prompt =
      3 + 1 + encode('You are terse.').length + 3 + 1 + encode('Say something about tides').length + 3;
    expect(completion.usage).toEqual({
      prompt_tokens: prompt,
      completion_tokens: encode(content).length,
      total_tokens: prompt + encode(content).length,
    });
  });

  it('stream: true iterates deltas that add up to the JSON answer for the same seed', async () => {
    const request = { model: MODEL, messages: [{ role: 'user' as const, content: 'Explain owls' }], seed: 5 };
    const whole = await openai.chat.completions.create(request);
    const stream = await openai.chat.completions.create({
      ...request,
      stream: true,
      stream_options: { include_usage: true },
    });
    let text = '';
    let usage: OpenAI.CompletionUsage | null | undefined;
    let roles = 0;
    for await (const chunk of stream) {
      if (chunk.choices[0]?.delta.role) roles++;
      text += chunk.choices[0]?.delta.content ?? '';
      if (chunk.usage) usage = chunk.usage;
    }
    expect(roles).toBe(1);
    expect(text).toBe(whole.choices[0]?.message.content);
    expect(usage).toEqual(whole.usage);
  });

  it('tools: the call names the tool, its arguments satisfy the schema with values from the message', async () => {
    const completion = await openai.chat.completions.create({
      model: MODEL,
      messages: [{ role: 'user', content: 'What will the weather be in Lisbon for the next 3 days?' }],
      tools: [weather],
    });
    const [choice] = completion.choices;
    expect(choice?.finish_reason).toBe('tool_calls');
    const call = choice?.message.tool_calls?.[0];
    expect(call?.type === 'function' && call.function.name).toBe('get_weather');
    expect(call?.type === 'function' && JSON.parse(call.function.arguments)).toEqual({
      city: 'Lisbon',
      days: 3,
    });
  });

  it('streamed tool calls: the name first, then the arguments in pieces (the SDK accumulates them)', async () => {
    const stream = openai.chat.completions.stream({
      model: MODEL,
      messages: [{ role: 'user', content: 'Weather in Paris for 2 days?' }],
      tools: [weather],
      tool_choice: { type: 'function', function: { name: 'get_weather' } },
    });
    const deltas: OpenAI.ChatCompletionChunk.Choice.Delta.ToolCall[] = [];
    stream.on('chunk', (chunk) => deltas.push(...(chunk.choices[0]?.delta.tool_calls ?? [])));
    const final = await stream.finalChatCompletion();
    expect(deltas[0]?.function).toEqual({ name: 'get_weather', arguments: '' });
    expect(deltas.length).toBeGreaterThan(3);
    expect(deltas.slice(1).every((delta) => delta.function?.name === undefined)).toBe(true);
    const call = final.choices[0]?.message.tool_calls?.[0];
    expect(call?.type === 'function' && JSON.parse(call.function.arguments)).toEqual({
      city: 'Paris',
      days: 2,
    });
  });

  it('after a tool message the answer is text that uses the result', async () => {
    const completion = await openai.chat.completions.create({
      model: MODEL,
      messages: [
        { role: 'user', content: 'Weather in Lisbon for 1 day?' },
        {
          role: 'assistant',
          content: null,
          tool_calls: [
            {
              id: 'call_1',
              type: 'function',
              function: { name: 'get_weather', arguments: '{"city":"Lisbon","days":1}' },
            },
          ],
        },
        { role: 'tool', tool_call_id: 'call_1', content: JSON.stringify({ temperature: 23, sky: 'clear' }) },
      ],
      tools: [weather],
    });
    expect(completion.choices[0]?.finish_reason).toBe('stop');
    expect(completion.choices[0]?.message.content).toContain('23');
    expect(completion.choices[0]?.message.content).toContain('clear');
  });

  it('parse with a zod response_format gives a parsed object', async () => {
    const Event = z.object({
      name: z.string(),
      date: z.string(),
      participants: z.array(z.string()),
      priority: z.enum(['low', 'high']),
    });
    const completion = await openai.chat.completions.parse({
      model: MODEL,
      messages: [{ role: 'user', content: 'Alice and Bob meet on Friday, high priority' }],
      response_format: zodResponseFormat(Event, 'event'),
    });
    const parsed = completion.choices[0]?.message.parsed;
    expect(Event.safeParse(parsed).success).toBe(true);
    expect(parsed?.priority).toBe('high');
  });

  it('parse with zodFunction tools gives parsed arguments', async () => {
    const completion = await openai.chat.completions.parse({
      model: MODEL,
      messages: [{ role: 'user', content: 'Book a table for 4 in Rome' }],
      tools: [
        zodFunction({
          name: 'book_table',
          parameters: z.object({ city: z.string(), people: z.number().int() }),
        }),
      ],
    });
    const call = completion.choices[0]?.message.tool_calls?.[0];
    expect(call?.type === 'function' && call.function.parsed_arguments).toEqual({ city: 'Rome', people: 4 });
  });

  it('errors name the parameter, as the SDK error classes', async () => {
    const bad = await openai.chat.completions
      .create({ model: MODEL, messages: [{ role: 'tool', tool_call_id: 'nope', content: 'x' }] })
      .catch((error) => error);
    expect(bad).toBeInstanceOf(OpenAI.BadRequestError);
    expect(bad).toMatchObject({ status: 400, param: 'messages[0].tool_call_id' });
    const unknown = await openai.chat.completions
      .create({ model: 'nobody/x', messages: [{ role: 'user', content: 'x' }] })
      .catch((error) => error);
    expect(unknown).toMatchObject({ status: 400, code: 'model_not_found', param: 'model' });
  });
});
