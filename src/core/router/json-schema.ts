import type { Faker } from '@faker-js/faker';

export type Schema = {
  description?: string;
  additionalProperties?: boolean | Schema;
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
/**
 * The most characters one document may run to, whatever its schema asks (100 arrays of 100 strings
 * of 4,096 characters would be 41 MB): about 5,000 tokens.
 */
export const MAX_JSON_CHARS = 16 * 1024;
/** The most characters of JSON one request may make, all its choices together. */
export const MAX_REQUEST_JSON_CHARS = 128 * 1024;
/** A token of JSON is 3 or 4 characters: a budget of 6 per token always fills `max_tokens`. */
const CHARS_PER_TOKEN = 6;

/**
 * The characters one of a request's `texts` documents may take, decided before any is made: what
 * `max_tokens` can hold, within the cap per document and the request's share of its cap.
 */
export function jsonBudget(maxTokens: number | null, texts = 1): number {
  const cap = Math.min(MAX_JSON_CHARS, Math.floor(MAX_REQUEST_JSON_CHARS / Math.max(1, texts)));
  return maxTokens === null ? cap : Math.min(cap, maxTokens * CHARS_PER_TOKEN + 16);
}

/** A value the conversation gives for a property (`undefined`: none; draw one). */
export type Pick = (name: string, schema: Schema) => unknown;

interface Context {
  faker: Faker;
  root: Schema;
  /** Values still allowed. */
  left: number;
  /** Characters still allowed: past them every value is null and every array ends. */
  chars: number;
  pick: Pick | undefined;
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

function text(context: Context, schema: Schema, hint: string): string {
  const { faker } = context;
  const value = formatted(faker, schema) ?? prose(faker, schema, hint, Math.max(0, context.chars));
  context.chars -= value.length + 3;
  return value;
}

function formatted(faker: Faker, schema: Schema): string | undefined {
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
  return undefined;
}

function prose(faker: Faker, schema: Schema, hint: string, room: number): string {
  const max = Math.min(schema.maxLength ?? Math.max(schema.minLength ?? 0, 80), MAX_STRING, room);
  const min = Math.min(schema.minLength ?? 0, max);
  let value = /name|title/i.test(hint)
    ? faker.commerce.productName()
    : faker.lorem.sentence({ min: 2, max: 6 });
  // Doubling, not a word at a time: a 4,096-character string costs a few draws.
  while (value.length < min) value += ` ${value}`;
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
  if (depth > MAX_DEPTH * 2 || context.left-- <= 0 || context.chars <= 0) {
    context.chars -= 4;
    return null;
  }
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
      if (entries.length === 0 && !schema.properties) return { answer: text(context, {}, hint) };
      context.chars -= 2;
      return Object.fromEntries(
        entries.map(([name, child]) => {
          context.chars -= name.length + 4;
          const drawn = context.pick?.(name, child);
          return [name, drawn !== undefined ? drawn : generate(context, child, name, depth + 1)];
        }),
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
      const items = [...prefix];
      context.chars -= 2;
      // Past the budget the array ends short: the text is cut there anyway.
      for (let index = 0; index < count && context.chars > 0; index++) {
        items.push(generate(context, schema.items ?? {}, hint, depth + 1));
        context.chars -= 1;
      }
      return items;
    }
    case 'integer':
    case 'number':
      context.chars -= 8;
      return number(faker, schema, type === 'integer');
    case 'boolean':
      context.chars -= 5;
      return faker.datatype.boolean();
    case 'null':
      context.chars -= 4;
      return null;
    default:
      return text(context, schema, hint);
  }
}

/**
 * A value valid against a JSON Schema, drawn from a seeded Faker: types, formats, enums, consts,
 * bounds, local `$ref`s and combinators (the first `oneOf`/`anyOf` branch), a property's value
 * taken from `pick` when it gives one. `pattern`, `uniqueItems`, `not` and conditional keywords are
 * not honoured, nor strings past 4,096 characters or arrays past 100 items; and the whole stays
 * within `budget` characters (about: `jsonBudget`), past which values are cut short: what
 * `max_tokens` would cut anyway.
 */
export function valueForSchema(
  schema: Record<string, unknown>,
  faker: Faker,
  options: { budget?: number; pick?: Pick } = {},
): unknown {
  const context = {
    faker,
    root: schema as Schema,
    left: MAX_VALUES,
    chars: options.budget ?? MAX_JSON_CHARS,
    pick: options.pick,
  };
  return generate(context, schema as Schema, '', 0);
}
