import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { VirtualClock } from '../../src/core/kernel/clock.ts';
import { createFaker } from '../../src/core/kernel/faker.ts';
import { createCatalogue } from '../../src/core/router/catalogue.ts';
import { createCompleter } from '../../src/core/router/completer.ts';
import { createCompletionFixtures } from '../../src/core/router/fixtures.ts';
import { valueForSchema } from '../../src/core/router/json-schema.ts';
import { createRateLimiter } from '../../src/core/router/rate-limit.ts';
import { parseCompletionBody } from '../../src/core/router/request.ts';
import { planStream } from '../../src/core/router/stream.ts';
import { drawTiming } from '../../src/core/router/timing.ts';
import { loadTokenizer } from '../../src/core/router/tokenizer.ts';

const tokenizer = await loadTokenizer();
const completer = createCompleter({
  seed: 1,
  catalogue: createCatalogue(),
  fixtures: createCompletionFixtures([]),
});
const completion = async (body: Record<string, unknown>) =>
  completer.complete(
    await parseCompletionBody({ model: 'openai/gpt-4o-mini', prompt: 'x', ...body }, tokenizer),
    tokenizer,
    0,
  );

describe('the rate limiter', () => {
  it('lets perMinute calls through per key in any 60 s, and frees the window as the clock moves', () => {
    const clock = new VirtualClock();
    clock.freeze();
    const limiter = createRateLimiter({ clock, perMinute: 2 });
    expect(limiter.check('a').allowed).toBe(true);
    clock.advance(10_000);
    expect(limiter.check('a')).toMatchObject({ allowed: true, remaining: 0 });
    const refused = limiter.check('a');
    expect(refused).toMatchObject({ allowed: false, resetMs: 50_000 });
    expect(limiter.check('b').allowed).toBe(true);
    clock.advance(50_000);
    expect(limiter.check('a').allowed).toBe(true);
    expect(limiter.check('a').allowed).toBe(false);
  });

  it('is off at 0', () => {
    const limiter = createRateLimiter({ clock: new VirtualClock(), perMinute: 0 });
    expect(Array.from({ length: 100 }, () => limiter.check('a').allowed).every(Boolean)).toBe(true);
  });
});

describe('JSON from a schema', () => {
  const ajv = new Ajv2020({ strict: false });
  addFormats.default(ajv);
  const schemas: Record<string, unknown>[] = [
    {
      type: 'object',
      properties: { when: { type: 'string', format: 'date-time' }, id: { type: 'string', format: 'uuid' } },
    },
    {
      type: 'array',
      items: { type: 'integer', multipleOf: 5, minimum: 10, maximum: 40 },
      minItems: 3,
      maxItems: 3,
    },
    { oneOf: [{ type: 'string', maxLength: 4 }, { type: 'number' }] },
    {
      allOf: [
        { type: 'object', properties: { a: { const: 1 } }, required: ['a'] },
        { properties: { b: { type: 'boolean' } }, required: ['b'] },
      ],
    },
    {
      type: 'object',
      properties: { tree: { $ref: '#' }, name: { type: 'string', minLength: 30 } },
      required: ['name'],
    },
    {
      type: 'object',
      properties: { url: { type: 'string', format: 'uri' }, at: { type: 'string', format: 'date' } },
      required: ['url', 'at'],
      additionalProperties: false,
    },
  ];
  it.each(schemas.map((schema, index) => [index, schema]))(
    'schema %i: every value is valid',
    (_index, schema) => {
      const validate = ajv.compile(schema as object);
      for (let seed = 0; seed < 30; seed++) {
        const faker = createFaker(seed);
        const value = valueForSchema(schema as Record<string, unknown>, faker);
        expect(validate(value), JSON.stringify({ value, errors: validate.errors })).toBe(true);
      }
    },
  );
});

describe('stream plans', () => {
  it('instant sends every chunk at 0 ms; realistic paces them from the seed, scaled', async () => {
    const done = await completion({ max_tokens: 10, stream: true });
    const instant = planStream(done, {
      includeUsage: false,
      timing: drawTiming('instant', { seed: 1, sequence: 1, timeScale: 1 }),
    });
    expect(instant.events.every((event) => event.atMs === 0)).toBe(true);
    expect(instant).toMatchObject({ ending: 'done', chunks: 10 });
    const timing = drawTiming('realistic', { seed: 1, sequence: 1, timeScale: 1 });
    expect(timing.firstMs).toBeGreaterThan(50);
    expect(timing.firstMs).toBeLessThan(3000);
    expect(1000 / timing.perPieceMs).toBeGreaterThan(20);
    expect(drawTiming('realistic', { seed: 1, sequence: 1, timeScale: 0.1 }).firstMs).toBe(
      Math.round(timing.firstMs * 0.1),
    );
    const paced = planStream(done, { includeUsage: false, timing });
    expect(paced.events[0]?.atMs).toBe(timing.firstMs);
    expect(paced.events[9]?.atMs).toBe(Math.round(timing.firstMs + 9 * timing.perPieceMs));
  });

  it('stream faults: an error event or a cut after N chunks, a first chunk delayed', async () => {
    const done = await completion({ max_tokens: 10, stream: true });
    const timing = { firstMs: 0, perPieceMs: 0 };
    const errored = planStream(done, { includeUsage: true, timing, fault: { errorAfterChunks: 4 } });
    expect(errored).toMatchObject({ ending: 'error', chunks: 4 });
    expect(errored.events.at(-1)?.frame).toContain('"type":"server_error"');
    expect(planStream(done, { includeUsage: true, timing, fault: { cutAfterChunks: 0 } })).toMatchObject({
      ending: 'cut',
      events: [],
    });
    const late = planStream(done, { includeUsage: false, timing, fault: { firstTokenDelayMs: 500 } });
    expect(late.events.map((event) => event.atMs)).toEqual(Array(11).fill(500));
    // A cut past the stream's end changes nothing.
    expect(planStream(done, { includeUsage: false, timing, fault: { cutAfterChunks: 99 } }).ending).toBe(
      'done',
    );
  });
});

describe('the tokenizer', () => {
  it('counts as cl100k_base does, and cuts only runs past 256 characters', async () => {
    const { encode } = await import('gpt-tokenizer/encoding/cl100k_base');
    const prose = 'The quick brown fox jumps over the lazy dog. '.repeat(50);
    expect(tokenizer.encode(prose)).toEqual(encode(prose));
    const url = `see https://example.com/${'a1b2'.repeat(100)} now`;
    expect(tokenizer.decode(tokenizer.encode(url))).toBe(url);
    expect(tokenizer.fits(prose, encode(prose).length)).toBe(true);
    expect(tokenizer.fits(prose, encode(prose).length - 1)).toBe(false);
    expect(tokenizer.fits('x'.repeat(1_000_000), 16_384)).toBe(false);
  });
});
