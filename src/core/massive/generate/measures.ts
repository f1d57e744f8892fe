/** A unit conversion, computed: "5 miles in km". Units are Intl's unit identifiers ("kilometer"). */
export interface Conversion {
  kind: 'conversion';
  value: number;
  from: string;
  to: string;
  result: number;
}

export type Operator = '+' | '−' | '×' | '÷' | '% of';

/** Simple arithmetic, computed: "what is 12 times 7". */
export interface Arithmetic {
  kind: 'arithmetic';
  a: number;
  op: Operator;
  b: number;
  result: number;
}

/** Each unit's Intl identifier, its dimension, its size in the dimension's base unit, and the words for it. */
const UNITS: ReadonlyArray<readonly [string, string, number, string]> = [
  ['millimeter', 'length', 0.001, 'mm|millimet(?:er|re)s?'],
  ['centimeter', 'length', 0.01, 'cm|centimet(?:er|re)s?'],
  ['meter', 'length', 1, 'm|met(?:er|re)s?'],
  ['kilometer', 'length', 1000, 'km|kms|kilomet(?:er|re)s?'],
  ['inch', 'length', 0.0254, 'in|inch|inches|"'],
  ['foot', 'length', 0.3048, 'ft|foot|feet'],
  ['yard', 'length', 0.9144, 'yd|yds|yards?'],
  ['mile', 'length', 1609.344, 'mi|miles?'],
  ['gram', 'mass', 0.001, 'g|grams?|grammes?'],
  ['kilogram', 'mass', 1, 'kg|kgs|kilos?|kilograms?'],
  ['ounce', 'mass', 0.028349523125, 'oz|ounces?'],
  ['pound', 'mass', 0.45359237, 'lb|lbs|pounds?'],
  ['stone', 'mass', 6.35029318, 'st|stones?'],
  ['milliliter', 'volume', 0.001, 'ml|millilit(?:er|re)s?'],
  ['liter', 'volume', 1, 'l|lit(?:er|re)s?'],
  ['gallon', 'volume', 3.785411784, 'gal|gallons?'],
  ['fluid-ounce', 'volume', 0.0295735295625, 'fl oz|fluid ounces?'],
  ['kilometer-per-hour', 'speed', 1, 'km/h|kmh|kph|kilomet(?:er|re)s per hour'],
  ['mile-per-hour', 'speed', 1.609344, 'mph|miles per hour'],
  ['celsius', 'temperature', 1, '°?c|degrees? c|celsius|degrees? celsius|centigrade'],
  ['fahrenheit', 'temperature', 1, '°?f|degrees? f|fahrenheit|degrees? fahrenheit'],
];

const UNIT_WORDS = UNITS.map(([, , , words]) => words).join('|');

const UNIT_PATTERNS = UNITS.map((unit) => [unit, new RegExp(`^(?:${unit[3]})$`, 'i')] as const);

function unit(word: string): (typeof UNITS)[number] | undefined {
  return UNIT_PATTERNS.find(([, pattern]) => pattern.test(word.trim()))?.[0];
}

function toBase(value: number, id: string, size: number): number {
  if (id === 'fahrenheit') return ((value - 32) * 5) / 9;
  return value * size;
}

function fromBase(value: number, id: string, size: number): number {
  if (id === 'fahrenheit') return (value * 9) / 5 + 32;
  return value / size;
}

/** Rounded as people quote conversions: at most four significant digits, whole numbers kept whole. */
export function tidy(value: number): number {
  if (Number.isInteger(value)) return value;
  return Number(value.toPrecision(Math.max(4, String(Math.trunc(Math.abs(value))).length + 2)));
}

const NUMBER = String.raw`(-?\d+(?:[.,]\d+)?)`;

const DIRECT = new RegExp(
  String.raw`^(?:(?:convert|what(?:'s| is| are))\s+)?${NUMBER}\s*(${UNIT_WORDS})\s+(?:to|in|into|in to|=)\s+(${UNIT_WORDS})$`,
  'i',
);
const MANY = new RegExp(
  String.raw`^how many\s+(${UNIT_WORDS})\s+(?:are\s+)?(?:in|to)\s+(?:an?|one|1|${NUMBER})\s*(${UNIT_WORDS})$`,
  'i',
);
/** "convert 5 miles to km", "72 f in celsius", "how many ounces in a pound". */
export function readConversion(clause: string): Conversion | null {
  const text = clause.replace(/[?!]+$/, '').trim();
  // What each pattern needs (a number; "how many"), checked first: a start's first answer need
  // not compile the patterns, large with their unit words, for a prompt with neither.
  if (!/\d/.test(text) && !/^how many\s/i.test(text)) return null;
  const direct = DIRECT.exec(text);
  const many = MANY.exec(text);
  const [value, fromWord, toWord] = direct
    ? [Number((direct[1] ?? '').replace(',', '.')), direct[2], direct[3]]
    : many
      ? [many[2] ? Number(many[2].replace(',', '.')) : 1, many[3], many[1]]
      : [NaN, undefined, undefined];
  const from = fromWord ? unit(fromWord) : undefined;
  const to = toWord ? unit(toWord) : undefined;
  if (!from || !to || from[1] !== to[1] || from[0] === to[0] || !Number.isFinite(value)) return null;
  const result = tidy(fromBase(toBase(value, from[0], from[2]), to[0], to[2]));
  return { kind: 'conversion', value, from: from[0], to: to[0], result };
}

const OPERATORS: ReadonlyArray<readonly [Operator, RegExp]> = [
  ['+', /^(?:\+|plus|added to|and)$/i],
  ['−', /^(?:-|−|minus|take away|less)$/i],
  ['×', /^(?:\*|x|×|times|multiplied by)$/i],
  ['÷', /^(?:\/|÷|divided by|over)$/i],
  ['% of', /^(?:% of|percent of)$/i],
];

function compute(a: number, op: Operator, b: number): number | null {
  if (op === '+') return a + b;
  if (op === '−') return a - b;
  if (op === '×') return a * b;
  if (op === '÷') return b === 0 ? null : a / b;
  return (a * b) / 100;
}

const ARITHMETIC = new RegExp(
  String.raw`^(?:(?:what(?:'s| is)|calculate|compute|how much is|solve)\s+)?${NUMBER}\s*(\+|-|−|\*|x|×|/|÷|% of|percent of|plus|added to|minus|take away|times|multiplied by|divided by|over)\s*${NUMBER}\s*[?=.!]*$`,
  'i',
);

/** "what is 12 times 7", "15% of 80", "144 / 12": two numbers and one operation. */
export function readArithmetic(clause: string): Arithmetic | null {
  const match = ARITHMETIC.exec(clause.trim());
  if (!match?.[1] || !match[2] || !match[3]) return null;
  const op = OPERATORS.find(([, words]) => words.test(match[2] ?? ''))?.[0];
  const a = Number(match[1].replace(',', '.'));
  const b = Number(match[3].replace(',', '.'));
  const result = op ? compute(a, op, b) : null;
  if (!op || result === null || !Number.isFinite(result)) return null;
  return { kind: 'arithmetic', a, op, b, result: Number(result.toPrecision(12)) };
}
