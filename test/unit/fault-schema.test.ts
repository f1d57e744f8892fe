import { describe, expect, it } from 'vitest';
import { CLOCK_MAX_MS } from '../../src/core/kernel/clock.ts';
import {
  type FaultEffect,
  type FaultMatch,
  type FaultPolicy,
  type FaultRule,
  type FaultRuleInput,
  type StreamFault,
  MAX_DELAY_MS,
} from '../../src/core/control/faults.ts';
import { readDocument } from '../../src/http/openapi-document.ts';

// The fault rule's TypeScript types and the admin document's schemas, checked against each other
// both ways: the compiler makes each table below name every field of its type, and no other (with
// the JSON type its TypeScript type allows, and whether it is optional); the test makes the schema
// say the same. A field added to either side and not the other fails one or the other.

type JsonType<T> = [T] extends [string]
  ? 'string'
  : [T] extends [number]
    ? 'integer' | 'number'
    : [T] extends [boolean]
      ? 'boolean'
      : [T] extends [object]
        ? `ref:${string}`
        : never;
type Fields<T> = {
  [K in keyof Required<T>]: {
    type: JsonType<Required<T>[K]>;
    optional: object extends Pick<T, K> ? true : false;
  };
};

const match: Fields<FaultMatch> = {
  operation: { type: 'string', optional: true },
  model: { type: 'string', optional: true },
  prompt: { type: 'string', optional: true },
  promptRegex: { type: 'string', optional: true },
  token: { type: 'string', optional: true },
  country: { type: 'string', optional: true },
  promptIndex: { type: 'integer', optional: true },
};
const effect: Fields<FaultEffect> = {
  status: { type: 'integer', optional: true },
  retryAfter: { type: 'integer', optional: true },
  delayMs: { type: 'integer', optional: true },
  failJob: { type: 'boolean', optional: true },
  callbackDelayMs: { type: 'integer', optional: true },
  callbackFailures: { type: 'integer', optional: true },
  dropCallback: { type: 'boolean', optional: true },
  stream: { type: 'ref:StreamFault', optional: true },
};
const stream: Fields<StreamFault> = {
  cutAfterChunks: { type: 'integer', optional: true },
  errorAfterChunks: { type: 'integer', optional: true },
  firstTokenDelayMs: { type: 'integer', optional: true },
};
const policy: Fields<FaultPolicy> = {
  probability: { type: 'number', optional: true },
  skip: { type: 'integer', optional: true },
  firstAttempts: { type: 'integer', optional: true },
  times: { type: 'integer', optional: true },
  forMs: { type: 'integer', optional: true },
};
const input: Fields<FaultRuleInput> = {
  id: { type: 'string', optional: true },
  match: { type: 'ref:FaultMatch', optional: true },
  effect: { type: 'ref:FaultEffect', optional: false },
  policy: { type: 'ref:FaultPolicy', optional: true },
};
const stored: Fields<FaultRule> = {
  id: { type: 'string', optional: false },
  match: { type: 'ref:FaultMatch', optional: false },
  effect: { type: 'ref:FaultEffect', optional: false },
  policy: { type: 'ref:FaultPolicy', optional: false },
  createdAt: { type: 'integer', optional: false },
  matched: { type: 'integer', optional: false },
  fired: { type: 'integer', optional: false },
};

interface ObjectSchema {
  additionalProperties?: boolean;
  required?: string[];
  properties: Record<string, { type?: string; $ref?: string }>;
}
const schemas = readDocument('admin.yaml').components.schemas as Record<string, ObjectSchema>;

/** What the schema says of each field, in the tables' terms. */
function fieldsOf(name: string) {
  const schema = schemas[name];
  if (!schema) throw new Error(`admin.yaml has no schema ${name}`);
  expect(schema.additionalProperties, `${name} refuses unknown fields`).toBe(false);
  return Object.fromEntries(
    Object.entries(schema.properties).map(([field, property]) => [
      field,
      {
        type: property.$ref ? `ref:${property.$ref.split('/').pop()}` : property.type,
        optional: !(schema.required ?? []).includes(field),
      },
    ]),
  );
}

describe('the fault rule types and openapi/admin.yaml', () => {
  it.each([
    ['FaultMatch', match],
    ['FaultEffect', effect],
    ['StreamFault', stream],
    ['FaultPolicy', policy],
    ['FaultRuleInput', input],
    ['FaultRule', stored],
  ])('%s has the same fields, types and optionality on both sides', (name, fields) => {
    expect(fieldsOf(name)).toEqual(fields);
  });

  it('state the same bounds as the code enforces', () => {
    const bound = (name: string, field: string) =>
      (schemas[name]?.properties[field] as { maximum?: number } | undefined)?.maximum;
    expect(bound('FaultEffect', 'delayMs')).toBe(MAX_DELAY_MS);
    const clock = readDocument('admin.yaml').paths['/__admin/clock']?.post as {
      requestBody: { content: { 'application/json': { schema: ObjectSchema } } };
    };
    const move = clock.requestBody.content['application/json'].schema.properties as Record<
      string,
      { maximum?: number; oneOf?: { maximum?: number }[] }
    >;
    expect(move.advanceMs?.maximum).toBe(CLOCK_MAX_MS);
    expect(move.set?.oneOf?.[0]?.maximum).toBe(CLOCK_MAX_MS);
  });
});
