/**
 * The English of the answers, in one place: articles, plurals, capitals, lists, person. Writers
 * never build these by hand, so a grammar slip is fixed here once.
 */

export function capitalize(text: string): string {
  return text.charAt(0).toLocaleUpperCase() + text.slice(1);
}

/** Upper-cases a sentence's first letter, leaving brand casing ("iPhone", "eBay") alone. */
export function upper(text: string): string {
  return /^\p{Ll}\p{Lu}/u.test(text) ? text : capitalize(text);
}

/** A paragraph's first letter in capitals, past any leading bold marker. */
export function sentenceCase(text: string): string {
  return text.replace(
    /^(\*\*)?(\p{L})/u,
    (_, bold: string | undefined, letter: string) => `${bold ?? ''}${letter.toUpperCase()}`,
  );
}

/** "a" or "an" before a word, by its sound for the usual exceptions ("an hour", "a user", "an MCP"). */
export function a(phrase: string): string {
  const vowelSound =
    /^(?:[aeio]|u(?!ni|se|sa|ser|ti|ro|ra|k)|hour|honest|heir)/i.test(phrase) ||
    /^[AEFHILMNORSX](?:[A-Z0-9]|$)/.test(phrase);
  const consonantSound = /^(?:one\b|once\b|eu|ewe)/i.test(phrase);
  return `${vowelSound && !consonantSound ? 'an' : 'a'} ${phrase}`;
}

const IRREGULAR: Record<string, string> = {
  person: 'people',
  man: 'men',
  woman: 'women',
  child: 'children',
  foot: 'feet',
  tooth: 'teeth',
  mouse: 'mice',
  analysis: 'analyses',
  criterion: 'criteria',
  phenomenon: 'phenomena',
  series: 'series',
  species: 'species',
};

/** The plural of one noun, or of a phrase's last word: "technology" → "technologies", "type of shoe" → "types of shoe". */
export function plural(phrase: string): string {
  // "type of shoe" → "types of shoe", "podcast about history" → "podcasts about history".
  const of = /^(.+?)( (?:of|about|on|for|with|from|in|to|by) .+)$/.exec(phrase);
  if (of?.[1] && of[2]) return `${plural(of[1])}${of[2]}`;
  return phrase.replace(/(\p{L}+)$/u, (word) => {
    const lower = word.toLowerCase();
    if (IRREGULAR[lower]) return IRREGULAR[lower];
    if (/[^aeiou]y$/i.test(word)) return `${word.slice(0, -1)}ies`;
    if (/(?:s|sh|ch|x|z)$/i.test(word)) return `${word}es`;
    if (/(?:[^f]fe)$/i.test(word)) return `${word.slice(0, -2)}ves`;
    return `${word}s`;
  });
}

/** The singular of a noun phrase's last word: "running shoes" → "running shoe", "batteries" → "battery". */
export function singular(phrase: string): string {
  return phrase.replace(/(\p{L}+)$/u, (word) => {
    const lower = word.toLowerCase();
    const irregular = Object.entries(IRREGULAR).find(([, many]) => many === lower);
    if (irregular) return irregular[0];
    if (!isPlural(word)) return word;
    if (/ies$/i.test(word)) return `${word.slice(0, -3)}y`;
    if (/(?:ss|sh|ch|x|z)es$/i.test(word)) return word.slice(0, -2);
    return word.slice(0, -1);
  });
}

/** A rough plural test on a noun phrase's head word ("podcasts about history"): "buildings", "feet", but not "glass", "news" or "MCP". */
export function isPlural(phrase: string): boolean {
  // "benefits of green tea": the head noun is the one before "of".
  const head = /^(.+?) (?:of|about|on|for|with|from|in|to|by) /.exec(phrase)?.[1] ?? phrase;
  const last = /(\p{L}+)\W*$/u.exec(head)?.[1] ?? '';
  const lower = last.toLowerCase();
  if (Object.values(IRREGULAR).includes(lower) && !Object.keys(IRREGULAR).includes(lower)) return true;
  if (
    /^(?:news|series|species|physics|economics|mathematics|gas|bus|lens|us|yes|this|its|always|ios|macos)$/.test(
      lower,
    )
  )
    return false;
  if (/^[A-Z0-9]+$/.test(last)) return false; // "AWS", "CSS"
  if (/^[A-Z0-9]+s$/.test(last)) return true; // "TVs", "GPUs"
  // A name is one thing ("Kubernetes is", "Postgres is"); peoples and teams are many ("Germans", "Lakers").
  if (/^\p{Lu}\p{Ll}+s$/u.test(last) && !/(?:ans|ers|ists|ees)$/.test(last) && !/^the\s/i.test(head))
    return false;
  return /[^su'’]s$/i.test(last);
}

/** "a, b and c": the list a sentence can hold. */
export function list(items: readonly string[], conjunction = 'and'): string {
  if (items.length <= 1) return items[0] ?? '';
  return `${items.slice(0, -1).join(', ')} ${conjunction} ${items[items.length - 1]}`;
}

const NUMBER_WORDS = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten'];

/** Numbers up to ten in words, as prose writes them; digits beyond. */
export function numberWord(n: number): string {
  return NUMBER_WORDS[n] ?? String(n);
}

/** Reads a count written either way: "5" or "five". */
export function parseCount(text: string): number | null {
  const digits = Number(text);
  if (Number.isInteger(digits) && digits > 0) return digits;
  const index = NUMBER_WORDS.indexOf(text.toLowerCase());
  return index > 0 ? index : null;
}

/** "does" questions put the verb back in the third person: "why does ice float" → "why ice floats". */
export function thirdPerson(verb: string): string {
  if (/(s|sh|ch|x|z|o)$/i.test(verb)) return `${verb}es`;
  if (/[^aeiou]y$/i.test(verb)) return `${verb.slice(0, -1)}ies`;
  return `${verb}s`;
}

/** Turns the asker's words into the answerer's: "reset my phone" → "reset your phone". */
export function secondPerson(text: string): string {
  const swaps: Record<string, string> = {
    my: 'your',
    i: 'you',
    me: 'you',
    mine: 'yours',
    "i'm": "you're",
    myself: 'yourself',
  };
  return text.replace(/\b(my|i'm|i|me|mine|myself)\b/gi, (word) => swaps[word.toLowerCase()] ?? word);
}

const MINOR_WORDS = new Set([
  'a',
  'an',
  'the',
  'and',
  'or',
  'of',
  'for',
  'to',
  'in',
  'on',
  'vs',
  'with',
  'at',
  'by',
]);

/** Headline casing, keeping words that already carry inner capitals ("iPhone", "MCP"). */
export function titleCase(text: string): string {
  return text
    .split(' ')
    .map((word, i) =>
      i > 0 && MINOR_WORDS.has(word.toLowerCase())
        ? word.toLowerCase()
        : /\p{Lu}/u.test(word.slice(1))
          ? word
          : capitalize(word),
    )
    .join(' ');
}

/** Escapes what Markdown would read as syntax, so prompt words stay words (and never fake a citation). */
export function mdText(text: string): string {
  return text.replace(/[\\`*_[\]<>|#~]/g, '\\$&');
}

/** A price as shops print it: "$149", "$1,299", "Free". */
export function money(value: number): string {
  return value === 0 ? 'Free' : `$${String(value).replace(/\B(?=(\d{3})+(?!\d))/g, ',')}`;
}

/** "-ing" form of a verb phrase's first word: "meditate" → "meditating", "sleep better" → "sleeping better". */
export function gerund(phrase: string): string {
  return phrase.replace(/^(\p{L}+)/u, (verb) => {
    if (/ie$/i.test(verb)) return `${verb.slice(0, -2)}ying`;
    if (/[^e]e$/i.test(verb)) return `${verb.slice(0, -1)}ing`;
    if (/^[^aeiou]*[aeiou][bdgmnpt]$/i.test(verb)) return `${verb}${verb.slice(-1)}ing`;
    return `${verb}ing`;
  });
}
