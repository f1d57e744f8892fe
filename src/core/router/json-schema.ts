import type { Faker } from '@faker-js/faker';

type Schema = {
  $ref?: string;
  const?: unknown;
  enum?: unknown[];
  type?: string | string[];
  oneOf?: Schema[];
  anyOf?: Schema[];
  allOf?: Schema[];
  properties?: Record<string, Schema>;
  required?: string[];
  items?: Schema;
  prefixItems?: Schema[];
  minItems?: number;
  maxItems?: number;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  multipleOf?: number;
  format?: string;
};

/** Nesting deeper than this gets the simplest value its schema allows: a recursive schema ends. */
const MAX_DEPTH = 6;
/** Bounds on what a schema can make us build (`minLength: 1e9` would never end): past them, the value is cut. */
const MAX_STRING = 4096;
const MAX_ITEMS = 100;
/** The most values one document may hold: nested arrays of 100 would otherwise multiply. */
const MAX_VALUES = 10_000;

interface Context {
  faker: Faker;
  root: Schema;
  /** Values still allowed. */
  left: number;
}

function resolveRef(root: Schema, ref: string): Schema {
  if (!ref.startsWith('#')) return {};
  let node: unknown = root;
  for (const part of ref.slice(1).split('/').filter(Boolean)) {
    node = (node as Record<string, unknown> | undefined)?.[part.replaceAll('~1', '/').replaceAll('~0', '~')];
  }
  return (node as Schema | undefined) ?? {};
}

function merge(schemas: readonly Schema[]): Schema {
  return schemas.reduce<Schema>(
    (all, schema) => ({
      ...all,
      ...schema,
      properties: { ...all.properties, ...schema.properties },
      required: [...(all.required ?? []), ...(schema.required ?? [])],
    }),
    {},
  );
}

function text(faker: Faker, schema: Schema, hint: string): string {
  switch (schema.format) {
    case 'date-time':
      return faker.date.between({ from: '2020-01-01', to: '2026-01-01' }).toISOString();
    case 'date':
      return faker.date.between({ from: '2020-01-01', to: '2026-01-01' }).toISOString().slice(0, 10);
    case 'email':
      return faker.internet.email().toLowerCase();
    case 'uri':
    case 'url':
      return faker.internet.url();
    case 'uuid':
      return faker.string.uuid();
  }
  const min = Math.min(schema.minLength ?? 0, MAX_STRING);
  const max = Math.min(schema.maxLength ?? Math.max(min, 80), MAX_STRING);
  let value = /name|title/i.test(hint)
    ? faker.commerce.productName()
    : faker.lorem.sentence({ min: 2, max: 6 });
  while (value.length < min) value += ` ${faker.lorem.word()}`;
  return value.slice(0, max);
}

function number(faker: Faker, schema: Schema, integer: boolean): number {
  const step = schema.multipleOf ?? (integer ? 1 : 0);
  const low =
    schema.exclusiveMinimum !== undefined ? schema.exclusiveMinimum + (step || 0.01) : schema.minimum;
  const high =
    schema.exclusiveMaximum !== undefined ? schema.exclusiveMaximum - (step || 0.01) : schema.maximum;
  const min = low ?? (high !== undefined ? high - 100 : 0);
  const max = high ?? min + 100;
  if (step) {
    const first = Math.ceil(min / step);
    const last = Math.floor(max / step);
    return faker.number.int({ min: first, max: Math.max(first, last) }) * step;
  }
  return faker.number.float({ min, max, fractionDigits: 2 });
}

function generate(context: Context, schema: Schema, hint: string, depth: number): unknown {
  const { faker, root } = context;
  // A `$ref` cycle with nothing to stop it, or a document past its size, ends in null.
  if (depth > MAX_DEPTH * 2 || context.left-- <= 0) return null;
  if (schema.$ref) return generate(context, resolveRef(root, schema.$ref), hint, depth + 1);
  if ('const' in schema) return schema.const;
  if (schema.enum?.length) return faker.helpers.arrayElement(schema.enum);
  if (schema.allOf) return generate(context, merge(schema.allOf), hint, depth);
  const choices = schema.oneOf ?? schema.anyOf;
  // The first branch: with oneOf, a value two branches accept would be invalid.
  if (choices?.[0]) return generate(context, choices[0], hint, depth);
  const types = Array.isArray(schema.type) ? schema.type : schema.type ? [schema.type] : [];
  const type =
    types.find((candidate) => candidate !== 'null') ?? types[0] ?? (schema.properties ? 'object' : 'string');
  switch (type) {
    case 'object': {
      const required = new Set(schema.required ?? []);
      const entries = Object.entries(schema.properties ?? {}).filter(
        ([name]) => depth < MAX_DEPTH || required.has(name),
      );
      if (entries.length === 0 && !schema.properties) return { answer: text(faker, {}, hint) };
      return Object.fromEntries(
        entries.map(([name, child]) => [name, generate(context, child, name, depth + 1)]),
      );
    }
    case 'array': {
      const prefix = (schema.prefixItems ?? []).map((child) => generate(context, child, hint, depth + 1));
      const min = Math.min(
        Math.max(schema.minItems ?? (depth < MAX_DEPTH ? 1 : 0), prefix.length),
        MAX_ITEMS,
      );
      const max = Math.max(min, Math.min(schema.maxItems ?? 3, min + 3, MAX_ITEMS));
      const count = Math.max(0, Math.min(faker.number.int({ min, max }) - prefix.length, context.left));
      const items = Array.from({ length: count }, () =>
        generate(context, schema.items ?? {}, hint, depth + 1),
      );
      return [...prefix, ...items];
    }
    case 'integer':
      return number(faker, schema, true);
    case 'number':
      return number(faker, schema, false);
    case 'boolean':
      return faker.datatype.boolean();
    case 'null':
      return null;
    default:
      return text(faker, schema, hint);
  }
}

/**
 * A value valid against a JSON Schema, drawn from a seeded Faker: types, formats, enums, consts,
 * bounds, local `$ref`s and combinators (the first `oneOf`/`anyOf` branch). `pattern`,
 * `uniqueItems`, `not` and conditional keywords are not honoured, nor strings past 4,096
 * characters or arrays past 100 items.
 */
export function valueForSchema(schema: Record<string, unknown>, faker: Faker): unknown {
  return generate({ faker, root: schema as Schema, left: MAX_VALUES }, schema as Schema, '', 0);
}
