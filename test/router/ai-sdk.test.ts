import { createOpenAICompatible } from '@ai-sdk/openai-compatible';
import { generateText, Output, stepCountIs, streamText, tool } from 'ai';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { startHarness } from '../support/harness.ts';

/**
 * The Vercel AI SDK (`ai`, with its OpenAI-compatible provider), unmodified, against a listening
 * emulator. `generateObject` is gone from ai 7: structured output is `generateText` with
 * `output: Output.object(...)`, which sends the same `response_format: json_schema`.
 */
describe('the Vercel AI SDK against the router API', async () => {
  const mock = await startHarness();
  const base = await mock.instance.app.listen({ host: '127.0.0.1', port: 0 });
  const router = createOpenAICompatible({
    name: 'massive-mock',
    baseURL: `${base}/api/v1`,
    apiKey: 'ai-sdk-key',
    includeUsage: true,
    supportsStructuredOutputs: true,
  });
  const model = router('openai/gpt-4o-mini');

  it('generateText answers with text and the usage', async () => {
    const result = await generateText({ model, prompt: 'Write a tagline for an ice cream shop', seed: 3 });
    expect(result.text.length).toBeGreaterThan(10);
    expect(result.finishReason).toBe('stop');
    expect(result.usage.inputTokens).toBeGreaterThan(5);
    expect(result.usage.outputTokens).toBeGreaterThan(0);
  });

  it('streamText streams the same text generateText gets for the same seed', async () => {
    const whole = await generateText({ model, prompt: 'Tell me about owls', seed: 11 });
    const stream = streamText({ model, prompt: 'Tell me about owls', seed: 11 });
    const parts: string[] = [];
    for await (const part of stream.textStream) parts.push(part);
    expect(parts.length).toBeGreaterThan(3);
    expect(parts.join('')).toBe(whole.text);
    expect((await stream.usage).outputTokens).toBe(whole.usage.outputTokens);
  });

  it('structured output gives an object valid against the zod schema', async () => {
    const schema = z.object({
      city: z.string(),
      days: z.number().int().min(1).max(14),
      kind: z.enum(['beach', 'city', 'mountain']),
      stops: z.array(z.object({ name: z.string(), nights: z.number().int().min(1) })).min(1),
    });
    const result = await generateText({
      model,
      output: Output.object({ schema }),
      prompt: 'Plan a city trip to Lisbon for 4 days',
    });
    const trip = result.output;
    expect(schema.safeParse(trip).success).toBe(true);
    expect(trip).toMatchObject({ city: 'Lisbon', days: 4, kind: 'city' });
  });

  it('a tool loop calls the tool with values from the prompt, then finishes with a text using its result', async () => {
    const calls: unknown[] = [];
    const result = await generateText({
      model,
      tools: {
        getWeather: tool({
          description: 'Get the current weather for a city',
          inputSchema: z.object({ city: z.string(), unit: z.enum(['celsius', 'fahrenheit']) }),
          execute: async (input) => {
            calls.push(input);
            return { city: input.city, temperature: 21, condition: 'sunny' };
          },
        }),
      },
      stopWhen: stepCountIs(5),
      prompt: 'What is the weather in Lisbon, in celsius?',
    });
    expect(calls).toEqual([{ city: 'Lisbon', unit: 'celsius' }]);
    expect(result.steps).toHaveLength(2);
    expect(result.steps[0]?.finishReason).toBe('tool-calls');
    expect(result.finishReason).toBe('stop');
    expect(result.text).toContain('21');
    expect(result.text).toContain('sunny');
  });

  it('streamText runs the same tool loop over a stream', async () => {
    const result = streamText({
      model,
      tools: {
        getWeather: tool({
          description: 'Get the current weather for a city',
          inputSchema: z.object({ city: z.string() }),
          execute: async ({ city }) => ({ city, temperature: 18 }),
        }),
      },
      stopWhen: stepCountIs(3),
      prompt: 'How is the weather in Porto?',
    });
    let text = '';
    for await (const part of result.textStream) text += part;
    const steps = await result.steps;
    expect(steps[0]?.toolCalls.map((call) => call.input)).toEqual([{ city: 'Porto' }]);
    expect(text).toContain('18');
  });
});
