import fc from 'fast-check';
import type { OpenApiDocument } from '../../src/http/openapi-document.ts';

/** The part of JSON Schema the OpenAPI documents use. */
export interface Schema {
  $ref?: string;
  type?: string | string[];
  enum?: unknown[];
  const?: unknown;
  oneOf?: Schema[];
  anyOf?: Schema[];
  properties?: Record<string, Schema>;
  required?: string[];
  additionalProperties?: boolean | Schema;
  items?: Schema;
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
  format?: string;
  example?: unknown;
  examples?: unknown[];
}

/** The schema a `$ref` of the document points at (`#/components/schemas/Model`), or the schema itself. */
export function resolveSchema(document: OpenApiDocument, schema: Schema): Schema {
  if (!schema.$ref) return schema;
  const target = schema.$ref
    .replace(/^#\//, '')
    .split('/')
    .reduce<unknown>((node, key) => (node as Record<string, unknown>)?.[key], document);
  return resolveSchema(document, target as Schema);
}

/**
 * Text a fuzzer should try: any Unicode (CJK, combining marks, emoji), control characters, `%`
 * and `+` that look encoded, and the lengths at a schema's bounds.
 */
export function hostileText(maxLength = 64): fc.Arbitrary<string> {
  return fc.oneof(
    fc.string({ unit: 'grapheme', maxLength }),
    fc.string({ unit: 'binary', maxLength }),
    fc.string({
      unit: fc.constantFrom('\u0000', '\r', '\n', '\u007f', '%', '+', '&', '=', ' ', 'ń', '東', '京'),
      maxLength,
    }),
  );
}

const MAX_SAFE = Number.MAX_SAFE_INTEGER;

function numberArbitrary(schema: Schema, integer: boolean): fc.Arbitrary<number> {
  const min = schema.minimum ?? (integer ? -MAX_SAFE : -1e6);
  const max = schema.maximum ?? (integer ? MAX_SAFE : 1e6);
  const edges = fc.constantFrom(min, max, ...(min <= 0 && max >= 0 ? [0] : []));
  const within = integer ? fc.integer({ min, max }) : fc.double({ min, max, noNaN: true });
  return fc.oneof(edges, within);
}

function stringArbitrary(schema: Schema): fc.Arbitrary<string> {
  if (schema.format === 'uuid') return fc.uuid();
  if (schema.format === 'date-time') {
    return fc
      .date({ min: new Date(0), max: new Date('9999-12-31T23:59:59.999Z'), noInvalidDate: true })
      .map((date) => date.toISOString());
  }
  const minLength = schema.minLength ?? 0;
  // Mostly short, sometimes right at the bound: fast-check is biased towards small values.
  const maxLength = Math.min(schema.maxLength ?? 64, 4096);
  const text = hostileText(Math.min(maxLength, 64)).filter((value) => value.length >= minLength);
  const atBound = fc.constant('x'.repeat(maxLength));
  return fc.oneof({ weight: 8, arbitrary: text }, { weight: 1, arbitrary: atBound });
}

/**
 * Values the schema accepts, for the document's own types and bounds. Its examples come most
 * often, since a parameter's own rules (a country code, a device name) are stricter than its type,
 * and then an example with hostile text added (`Portland東`: how `Gdańskx` was found).
 */
export function validValue(document: OpenApiDocument, given: Schema): fc.Arbitrary<unknown> {
  const schema = resolveSchema(document, given);
  const examples = [...(schema.example === undefined ? [] : [schema.example]), ...(schema.examples ?? [])];
  const value = valueOf(document, schema);
  if (!examples.length) return value;
  const example = fc.constantFrom(...examples);
  const mutated = fc
    .tuple(example, hostileText(4), fc.boolean())
    .map(([text, noise, before]) => (before ? `${noise}${String(text)}` : `${String(text)}${noise}`))
    .filter((text) => text.length <= (schema.maxLength ?? Infinity));
  return fc.oneof(
    { weight: 3, arbitrary: example },
    { weight: 1, arbitrary: schema.type === 'string' ? mutated : value },
    { weight: 1, arbitrary: value },
  );
}

function valueOf(document: OpenApiDocument, schema: Schema): fc.Arbitrary<unknown> {
  if (schema.const !== undefined) return fc.constant(schema.const);
  if (schema.enum) return fc.constantFrom(...schema.enum);
  const choices = schema.oneOf ?? schema.anyOf;
  if (choices) return fc.oneof(...choices.map((choice) => validValue(document, choice)));
  if (Array.isArray(schema.type)) {
    return fc.oneof(...schema.type.map((type) => validValue(document, { ...schema, type })));
  }
  switch (schema.type) {
    case 'integer':
      return numberArbitrary(schema, true);
    case 'number':
      return numberArbitrary(schema, false);
    case 'boolean':
      return fc.boolean();
    case 'null':
      return fc.constant(null);
    case 'string':
      return stringArbitrary(schema);
    case 'array':
      return fc.array(validValue(document, schema.items ?? {}), { maxLength: 3 });
    case 'object': {
      const properties = Object.fromEntries(
        Object.entries(schema.properties ?? {}).map(([name, property]) => [
          name,
          validValue(document, property),
        ]),
      );
      return fc.record(properties, { requiredKeys: schema.required ?? [] });
    }
    default:
      return fc.jsonValue();
  }
}

/**
 * Values the schema (mostly) refuses: numbers past each bound, wrong types, unknown fields, one
 * field of an object broken at a time. Some are valid by chance: the server must take those too.
 */
export function invalidValue(document: OpenApiDocument, given: Schema): fc.Arbitrary<unknown> {
  const schema = resolveSchema(document, given);
  const anything = fc.oneof(
    fc.jsonValue(),
    hostileText(),
    fc.constantFrom(1e21, -1, 2 ** 31, 6.8e20, 9e15, 1.5),
  );
  if (schema.type === 'object' && schema.properties) {
    const names = Object.keys(schema.properties);
    const valid = validValue(document, schema) as fc.Arbitrary<Record<string, unknown>>;
    const broken = fc
      .tuple(valid, fc.constantFrom(...names))
      .chain(([value, name]) =>
        invalidValue(document, schema.properties?.[name] ?? {}).map((bad) => ({ ...value, [name]: bad })),
      );
    const extra = fc
      .tuple(valid, fc.string({ minLength: 1, maxLength: 8 }), fc.jsonValue())
      .map(([value, name, bad]) => ({ ...value, [name]: bad }));
    return fc.oneof(broken, extra, anything);
  }
  if (schema.type === 'integer' || schema.type === 'number') {
    const beyond = [
      ...(schema.maximum === undefined ? [] : [schema.maximum + 1, schema.maximum * 1e6]),
      ...(schema.minimum === undefined ? [] : [schema.minimum - 1]),
    ];
    return fc.oneof(beyond.length ? fc.constantFrom(...beyond) : anything, anything);
  }
  return anything;
}
