import { METHODS } from 'node:http';
import fc from 'fast-check';
import type { Response } from 'supertest';
import { describe, expect, it } from 'vitest';
import { bearerToken } from '../../src/core/kernel/bearer.ts';
import { loadApiDocument, type OpenApiDocument, readDocument } from '../../src/http/openapi-document.ts';
import { startHarness } from '../support/harness.ts';
import { hostileText, invalidValue, resolveSchema, type Schema, validValue } from './schema-arbitrary.ts';

// A property-based fuzzer over both OpenAPI documents: queries, headers, path parameters and admin
// bodies are generated from the documents as the server loads them (valid and invalid), and every
// answer must be documented, no 5xx may appear unless a rule or `Prefer` forced it, health must
// keep answering and balances must add up. FUZZ_RUNS=2000 runs it longer (see README, "Tests").

const RUNS = Number(process.env.FUZZ_RUNS ?? 30);
const SEED = process.env.FUZZ_SEED === undefined ? 8 : Number(process.env.FUZZ_SEED);
const TIMEOUT_MS = Math.max(20_000, RUNS * 1500);
const settings = { numRuns: RUNS, seed: SEED, endOnFailure: true };

interface Parameter {
  name: string;
  in: 'query' | 'path' | 'header';
  required?: boolean;
  schema: Schema;
}
interface Operation {
  method: string;
  template: string;
  id: string;
  parameters: Parameter[];
  body?: Schema;
  statuses: number[];
}

function operationsOf(document: OpenApiDocument): Operation[] {
  return Object.entries(document.paths).flatMap(([template, item]) =>
    Object.entries(item)
      .filter(([method]) => METHODS.includes(method.toUpperCase()))
      .map(([method, value]) => {
        const operation = value as {
          operationId: string;
          parameters?: Parameter[];
          requestBody?: { content: Record<string, { schema: Schema }> };
          responses: Record<string, unknown>;
        };
        return {
          method: method.toUpperCase(),
          template,
          id: operation.operationId,
          parameters: operation.parameters ?? [],
          ...(operation.requestBody && { body: operation.requestBody.content['application/json']?.schema }),
          statuses: Object.keys(operation.responses).map(Number),
        };
      }),
  );
}

const api = loadApiDocument();
const admin = readDocument('admin.yaml');
const apiOperations = operationsOf(api).filter((operation) => operation.method === 'GET');
const adminOperations = operationsOf(admin);

/** A value as a query or path parameter carries it: text, percent-encoded by the caller. */
const asText = (value: unknown) => (typeof value === 'string' ? value : (JSON.stringify(value) ?? ''));
const encode = (text: string) => encodeURIComponent(text.toWellFormed());

/** Stands for "the id of a job this run queued", filled in when the request is sent. */
const LAST_JOB = '\u0000last-job';

type Pair = [string, string | string[]];

/** `arbitrary` in one case out of `every`, null otherwise. */
const oneIn = <T>(every: number, arbitrary: fc.Arbitrary<T>): fc.Arbitrary<T | null> =>
  fc.oneof({ weight: 1, arbitrary }, { weight: every - 1, arbitrary: fc.constant(null) });

/**
 * A query string for an operation. Each parameter is mostly valid (the document's example more
 * often than not, so that the service's own rules pass and the call goes deep), optional ones are
 * there half the time, and one parameter in three queries is broken: a value the schema refuses,
 * or given twice.
 */
function queryOf(document: OpenApiDocument, operation: Operation): fc.Arbitrary<Pair[]> {
  const query = operation.parameters.filter((parameter) => parameter.in === 'query');
  const valid = (parameter: Parameter) => {
    const schema = resolveSchema(document, parameter.schema);
    const value = validValue(document, schema).map(asText);
    return schema.format === 'uuid' ? fc.oneof(fc.constant(LAST_JOB), value) : value;
  };
  const present = (parameter: Parameter): fc.Arbitrary<Pair | null> => {
    const pair = valid(parameter).map((value): Pair => [parameter.name, value]);
    return parameter.required
      ? fc.oneof({ weight: 9, arbitrary: pair }, { weight: 1, arbitrary: fc.constant(null) })
      : oneIn(2, pair);
  };
  const broken: fc.Arbitrary<Pair | null> = query.length
    ? oneIn(
        3,
        fc
          .constantFrom(...query)
          .chain((parameter) =>
            fc
              .oneof(
                invalidValue(document, parameter.schema).map(asText),
                fc.array(valid(parameter), { minLength: 2, maxLength: 2 }),
              )
              .map((value): Pair => [parameter.name, value]),
          ),
      )
    : fc.constant(null);
  // An unknown parameter is refused with the operation's validation status, where it has one.
  const refusable = operation.statuses.some((status) => status === 400 || status === 422);
  const unknown = refusable ? oneIn(6, fc.tuple(hostileText(8), hostileText(8))) : fc.constant(null);
  return fc
    .tuple(fc.tuple(...query.map(present)), broken, unknown)
    .map(([pairs, bad, extra]) => [
      ...pairs.filter((pair): pair is Pair => pair !== null && pair[0] !== bad?.[0]),
      ...(bad ? [bad] : []),
      ...(extra ? [extra] : []),
    ]);
}

function urlOf(path: string, query: Pair[], lastJob: string | undefined): string {
  const fill = (value: string) =>
    value === LAST_JOB ? (lastJob ?? '1851dab8-4619-409f-893f-47dd3a180bc3') : value;
  const pairs = query.flatMap(([name, value]) =>
    (Array.isArray(value) ? value : [value]).map((one) => `${encode(name)}=${encode(fill(one))}`),
  );
  return pairs.length ? `${path}?${pairs.join('&')}` : path;
}

/** Header text Node's client will send: no control characters, Latin-1 only. */
const sendableHeader = (maxLength: number) =>
  hostileText(maxLength).map((text) => text.replace(/[^\t\x20-\x7e\xa0-\xff]/g, ''));

const TOKENS = { funded: 'fuzz-funded', poor: 'fuzz-poor', free: 'fuzz-free' } as const;
const BALANCES = { [TOKENS.funded]: 1000, [TOKENS.poor]: 2 };

const ADMIN_TOKEN = 'fuzz-root';

/** `Authorization` for a document's one HTTP security scheme (`bearer`): its tokens, or not. */
function authorizationFor(
  document: OpenApiDocument,
  tokens: readonly string[],
): fc.Arbitrary<string | undefined> {
  const [scheme] = Object.values(document.components.securitySchemes ?? {}) as { scheme: string }[];
  const name = `${scheme?.scheme.charAt(0).toUpperCase()}${scheme?.scheme.slice(1)}`;
  const odd = [...tokens.map((token) => `${name.toLowerCase()} ${token}`), name, '', 'Basic Zm9vOmJhcg=='];
  return fc.oneof(
    { weight: 16, arbitrary: fc.constantFrom(...tokens).map((token) => `${name} ${token}`) },
    { weight: 1, arbitrary: fc.constantFrom(...odd) },
    { weight: 1, arbitrary: sendableHeader(20) },
    { weight: 1, arbitrary: fc.constant(undefined) },
  );
}
const authorization = authorizationFor(api, Object.values(TOKENS));

function preferFor(operation: Operation): fc.Arbitrary<string | null> {
  return oneIn(
    3,
    fc.oneof(
      fc.constantFrom(...operation.statuses, 299, 418, 599).map((code) => `code=${code}`),
      fc.integer({ min: 0, max: 10 }).map((ms) => `delay=${ms}`),
      fc.constantFrom('delay=180001', 'delay=-1', 'code=abc', 'code=503, delay=2'),
      sendableHeader(24),
    ),
  );
}

interface ApiCall {
  operation: Operation;
  query: Pair[];
  authorization: string | undefined;
  prefer: string | null;
}

const apiCall: fc.Arbitrary<ApiCall> = fc.constantFrom(...apiOperations).chain((operation) =>
  fc.record({
    operation: fc.constant(operation),
    query: queryOf(api, operation),
    authorization,
    prefer: preferFor(operation),
  }),
);

/**
 * Fault rules from the admin document's FaultRuleInput, their statuses drawn from those the API
 * documents (so that some fire) and their delays kept to a few ms (so that the run stays short).
 */
const documentedStatuses = [...new Set(apiOperations.flatMap((operation) => operation.statuses))].filter(
  (status) => status >= 400,
);
const ruleSchema: Schema = (() => {
  const input = resolveSchema(admin, { $ref: '#/components/schemas/FaultRuleInput' });
  const effect = resolveSchema(admin, { $ref: '#/components/schemas/FaultEffect' });
  return {
    ...input,
    properties: {
      ...input.properties,
      effect: {
        ...effect,
        properties: {
          ...effect.properties,
          status: { enum: documentedStatuses },
          delayMs: { type: 'integer', minimum: 0, maximum: 5 },
        },
      },
    },
  };
})();
const faultRule = fc.oneof(
  { weight: 4, arbitrary: validValue(admin, ruleSchema) },
  invalidValue(admin, ruleSchema),
);

describe('fuzzing the emulated API from its document', async () => {
  const mock = await startHarness({ credits: BALANCES, jobMinMs: 0, jobMaxMs: 0 });
  const { control } = mock.instance;

  it(
    'answers only documented responses, no 5xx unless forced, keeps health, and charges each success once',
    async () => {
      await fc.assert(
        fc.asyncProperty(
          fc.array(faultRule, { maxLength: 2 }),
          fc.array(apiCall, { minLength: 3, maxLength: 10 }),
          async (rules, calls) => {
            control.reset();
            const forcing = new Set<number>();
            for (const rule of rules) {
              const added = await mock.send('POST', '/__admin/faults', {
                body: JSON.stringify(rule),
                headers: { 'content-type': 'application/json' },
              });
              expect(added.status, added.text).toBeOneOf([201, 400]);
              const status = (rule as { effect?: { status?: unknown } } | null)?.effect?.status;
              if (added.status === 201 && typeof status === 'number') forcing.add(status);
            }
            const charged: Record<string, number> = {};
            const jobs: { token: string; id: string }[] = [];
            for (const call of calls) {
              const url = urlOf(call.operation.template, call.query, jobs.at(-1)?.id);
              const res: Response = await mock.send('GET', url, {
                token: null,
                headers: {
                  ...(call.authorization !== undefined && { authorization: call.authorization }),
                  ...(call.prefer !== null && { prefer: call.prefer }),
                },
              });
              const preferred = /code=(\d+)/.exec(call.prefer ?? '')?.[1];
              if (res.status >= 500) {
                const forced = forcing.has(res.status) || Number(preferred) === res.status;
                expect(forced, `${url} → ${res.status} ${res.text}`).toBe(true);
              }
              const token = bearerToken(call.authorization) ?? '';
              if (call.operation.id === 'getCompletion' && res.status === 200)
                charged[token] = (charged[token] ?? 0) + 1;
              if (call.operation.id === 'getCompletion' && res.status === 202)
                jobs.push({ token, id: (res.body as { id: string }).id });
            }
            for (const job of jobs) {
              if (control.jobs.get(job.id)?.outcome === 'completed')
                charged[job.token] = (charged[job.token] ?? 0) + 1;
            }
            for (const [token, start] of Object.entries(BALANCES)) {
              const balance = control.accounts.get(token)?.balance ?? Number.NaN;
              expect(balance, token).toBeGreaterThanOrEqual(0);
              expect(start - balance, `credits taken from ${token}`).toBe(charged[token] ?? 0);
            }
            expect((await mock.send('GET', '/__admin/health')).status).toBe(200);
          },
        ),
        settings,
      );
    },
    TIMEOUT_MS,
  );
});

describe('fuzzing the admin API from its document', async () => {
  const mock = await startHarness({ credits: BALANCES, adminToken: ADMIN_TOKEN });

  const adminCall = fc.constantFrom(...adminOperations).chain((operation) =>
    fc.record({
      operation: fc.constant(operation),
      path: fc.tuple(
        fc.array(hostileText(12), { minLength: 4, maxLength: 4 }),
        fc.boolean(),
        fc.constantFrom('rule-1', 'nope'),
      ),
      query: queryOf(admin, operation),
      body: operation.body
        ? fc.oneof(
            { weight: 3, arbitrary: validValue(admin, operation.body) },
            invalidValue(admin, operation.body),
          )
        : fc.constant(undefined),
      contentType: fc.constantFrom('application/json', 'application/json', 'application/json', 'text/plain'),
      authorization: authorizationFor(admin, [ADMIN_TOKEN]),
    }),
  );

  it(
    'answers every generated admin call as documented, never 5xx, and the clock stays readable',
    async () => {
      await fc.assert(
        fc.asyncProperty(fc.array(adminCall, { minLength: 1, maxLength: 6 }), async (calls) => {
          mock.instance.control.reset();
          for (const { operation, path, query, body, contentType, authorization: auth } of calls) {
            const [segments, knownId, id] = path;
            let index = 0;
            const concrete = operation.template.replace(/\{[^}]+\}/g, () =>
              knownId ? id : encode(segments[index++] ?? 'x'),
            );
            const url = urlOf(concrete, query, undefined);
            const res = await mock.send(operation.method, url, {
              token: null,
              headers: {
                ...(auth !== undefined && { authorization: auth }),
                ...(body !== undefined && { 'content-type': contentType }),
              },
              ...(body !== undefined && { body: JSON.stringify(body) }),
            });
            expect(
              res.status,
              `${operation.method} ${url} ${JSON.stringify(body)} → ${res.text}`,
            ).toBeLessThan(500);
          }
          expect((await mock.send('GET', '/__admin/health', { token: null })).status).toBe(200);
          expect((await mock.send('GET', '/__admin/clock', { token: ADMIN_TOKEN })).status).toBe(200);
        }),
        settings,
      );
    },
    TIMEOUT_MS,
  );
});

describe('fuzzing methods and paths', async () => {
  const mock = await startHarness();
  const templates = [...apiOperations, ...adminOperations].map((operation) => operation.template);
  const path = fc.oneof(
    fc.constantFrom(...templates).map((template) => template.replace(/\{[^}]+\}/g, 'x')),
    fc
      .tuple(fc.constantFrom(...templates), fc.constantFrom('/', '//', '/x', '%2F', '..'))
      .map(([a, b]) => a + b),
    hostileText(12).map((text) => `/${encode(text)}`),
  );
  const method = fc.constantFrom(...METHODS.filter((name) => name !== 'CONNECT'));

  it(
    'answers any method on any path without a 5xx, every error in plain text',
    async () => {
      await fc.assert(
        fc.asyncProperty(method, path, async (verb, url) => {
          const res = await mock.send(verb, url);
          expect(res.status, `${verb} ${url}`).toBeLessThan(500);
          if (res.status >= 400 && verb !== 'HEAD')
            expect(res.headers['content-type'], `${verb} ${url} → ${res.status}`).toMatch(/^text\/plain/);
        }),
        { ...settings, numRuns: RUNS * 4 },
      );
    },
    TIMEOUT_MS,
  );
});
