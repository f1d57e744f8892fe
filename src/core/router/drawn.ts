import type { Pick, Schema } from './json-schema.ts';
import { subjectOf } from './prose.ts';

/** Property names that want a place, a proper name, or what the request is about. */
const PLACE = /city|location|place|town|country|destination|region|where|address/i;
const PROPER = /name|person|who|author|company/i;
const ABOUT = /^(q|query|search|topic|subject|text|prompt|question|keywords?|term)$/i;

/** A run of capitalised words after a preposition: "the weather in Lisbon" → "Lisbon". */
const PLACE_PHRASE = /\b(?:in|at|for|to|from|near|of)[ \t]+(\p{Lu}[\p{L}'-]*(?:[ \t]+\p{Lu}[\p{L}'-]*)*)/gu;
/** Runs of capitalised words; the one opening a sentence is not a name ("What", "Please"). */
const CAPITALISED = /\p{Lu}[\p{L}'-]*(?:[ \t]+\p{Lu}[\p{L}'-]*)*/gu;
const AFTER_STOP = /[.!?:\n]\s*$/;

function opensSentence(text: string, index: number): boolean {
  const before = text.slice(Math.max(0, index - 8), index);
  return AFTER_STOP.test(before) || (index === before.length && before.trim() === '');
}

const propersOf = (text: string): string[] =>
  [...text.matchAll(CAPITALISED)]
    .filter((match) => !opensSentence(text, match.index))
    .map((match) => match[0]);

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const NUMBER = /-?\b\d+(?:\.\d+)?\b/g;

function fitsString(schema: Schema, value: string): boolean {
  if (schema.format || schema.enum || schema.const !== undefined) return false;
  const types = [schema.type ?? 'string'].flat();
  return (
    types.includes('string') &&
    value.length >= (schema.minLength ?? 0) &&
    value.length <= (schema.maxLength ?? Infinity)
  );
}

function fitsNumber(schema: Schema, value: number): boolean {
  const types = [schema.type].flat();
  if (!types.includes('number') && !(types.includes('integer') && Number.isInteger(value))) return false;
  return (
    value >= (schema.minimum ?? -Infinity) &&
    value <= (schema.maximum ?? Infinity) &&
    value > (schema.exclusiveMinimum ?? -Infinity) &&
    value < (schema.exclusiveMaximum ?? Infinity) &&
    (schema.multipleOf === undefined || Number.isInteger(value / schema.multipleOf))
  );
}

/**
 * Values a tool call or a structured answer takes from the conversation, as a model would: an enum
 * value the text names, a place after "in"/"for" for a `city`, a proper name for a `name`, the
 * subject for a `query`, the numbers in the order they appear. `text` is the latest user message
 * first, then the earlier ones. A value that breaks the property's schema is not taken.
 */
export function conversationPicker(text: string): Pick {
  const lower = text.toLowerCase();
  const places = [...text.matchAll(PLACE_PHRASE)].map((match) => match[1] ?? '');
  const propers = propersOf(text);
  const numbers = [...text.matchAll(NUMBER)].map((match) => Number(match[0]));
  const used = new Set<number>();
  return (name: string, schema: Schema): unknown => {
    if (schema.enum?.length) {
      return schema.enum.find(
        (value) =>
          typeof value === 'string' && new RegExp(`\\b${escape(value.toLowerCase())}\\b`).test(lower),
      );
    }
    const types = [schema.type].flat();
    if (types.includes('integer') || types.includes('number')) {
      const at = numbers.findIndex((value, index) => !used.has(index) && fitsNumber(schema, value));
      if (at < 0) return undefined;
      used.add(at);
      return numbers[at];
    }
    const candidates = PLACE.test(name)
      ? [...places, ...propers]
      : PROPER.test(name)
        ? propers
        : ABOUT.test(name)
          ? [subjectOf(text.split('\n', 1)[0] ?? text)]
          : [];
    return candidates.find((value) => fitsString(schema, value));
  };
}
