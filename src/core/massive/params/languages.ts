import ISO6391 from 'iso-639-1';

/** English and native language names, lower-cased, to their English spelling. */
const NAMES: ReadonlyMap<string, string> = new Map(
  ISO6391.getAllCodes().flatMap((code) => {
    const name = ISO6391.getName(code);
    return [
      [name.toLowerCase(), name],
      [ISO6391.getNativeName(code).toLowerCase(), name],
    ] as const;
  }),
);

export type LanguageMatch = { value: string } | { rejected: string };

function canonicalTag(tag: string): string | undefined {
  try {
    return Intl.getCanonicalLocales(tag)[0];
  } catch {
    return undefined;
  }
}

/**
 * Resolves a language as the real service accepts it: a common name, an ISO 639-1 code, or a
 * Google code (a 639-1 code with a region or script, `zh-CN`, `es-419`, or one of Google's legacy
 * codes such as `iw`). ISO 639-2 three-letter codes are refused, as the live service does.
 */
export function findLanguage(input: string): LanguageMatch | undefined {
  const lower = input.toLowerCase();
  const name = NAMES.get(lower);
  if (name) return { value: name };
  if (/^[a-z]{3}$/.test(lower)) {
    const twoLetter = canonicalTag(lower);
    return {
      rejected:
        twoLetter && twoLetter.length === 2
          ? `three-letter ISO 639-2 codes are not accepted; use "${twoLetter}"`
          : 'three-letter ISO 639-2 codes are not accepted',
    };
  }
  if (!/^[a-z]{2}(-[a-z0-9]{2,8})*$/.test(lower)) return undefined;
  const canonical = canonicalTag(lower);
  const primary = canonical?.split('-')[0] ?? '';
  if (!canonical || !ISO6391.validate(primary)) return undefined;
  // Legacy codes (iw, jw, in) canonicalise to their modern ones; echo what the caller sent.
  return { value: lower.includes('-') ? canonical : lower };
}
