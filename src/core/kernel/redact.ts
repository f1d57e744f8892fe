/**
 * Secrets out of what the emulator keeps or writes (journal, bundles, recordings): credentials in
 * headers, tokens and keys in query strings and JSON, and email addresses anywhere.
 */

export const REDACTED = '[redacted]';

/** Header and field names that carry a credential. */
const SECRET_NAME = /authorization|cookie|token|secret|password|passwd|api[-_]?key|credential|session/i;
const EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/g;
const BEARER = /\b(Bearer|Basic)\s+[A-Za-z0-9._~+/=-]+/gi;
/** `"apiKey": "..."` in JSON text, and `token=...` in query strings and forms. */
const JSON_SECRET =
  /("(?:[^"]*(?:token|secret|password|api[-_]?key|authorization)[^"]*)"\s*:\s*)"(?:[^"\\]|\\.)*"/gi;
const QUERY_SECRET = /([?&](?:[^=&]*(?:token|secret|password|api[-_]?key)[^=&]*)=)[^&#\s]*/gi;

export const isSecretName = (name: string): boolean => SECRET_NAME.test(name);

/** Most texts (a user agent, a host) hold nothing any pattern could match: they skip the patterns. */
const MAYBE_SECRET = /[@=:]|bearer|basic/i;

/** A text with its emails, bearer credentials and secret-named fields replaced. */
export function redactText(text: string): string {
  if (!MAYBE_SECRET.test(text)) return text;
  return text
    .replace(BEARER, (_match, scheme: string) => `${scheme} ${REDACTED}`)
    .replace(JSON_SECRET, `$1"${REDACTED}"`)
    .replace(QUERY_SECRET, `$1${REDACTED}`)
    .replace(EMAIL, '[email]');
}

/** Headers with the credential-bearing ones replaced and the rest's text redacted. */
export function redactHeaders(
  headers: Readonly<Record<string, string | string[] | number | undefined>>,
): Record<string, string> {
  const kept: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined) continue;
    const text = Array.isArray(value) ? value.join(', ') : String(value);
    kept[name.toLowerCase()] = isSecretName(name) ? REDACTED : redactText(text);
  }
  return kept;
}

/** A JSON-like value with secret-named fields replaced and every string's text redacted. */
export function redactValue(value: unknown): unknown {
  if (typeof value === 'string') return redactText(value);
  if (Array.isArray(value)) return value.map(redactValue);
  if (value !== null && typeof value === 'object')
    return Object.fromEntries(
      Object.entries(value).map(([key, item]) => [
        key,
        isSecretName(key) && item !== null && typeof item !== 'object' ? REDACTED : redactValue(item),
      ]),
    );
  return value;
}

/** Room kept past a cut so that a secret straddling it is still recognised and redacted whole. */
const REDACT_MARGIN_BYTES = 512;

/** At most `maxBytes` of a text's UTF-8, redacted; `truncated` says whether some was cut. */
export function boundedText(text: string, maxBytes: number): { text: string; truncated: boolean } {
  const cut = (value: string, bytes: number) =>
    Buffer.byteLength(value) <= bytes
      ? value
      : // Cutting inside a multi-byte character leaves a replacement character: drop it.
        Buffer.from(value)
          .subarray(0, bytes)
          .toString('utf8')
          .replace(/\uFFFD$/, '');
  const redacted = redactText(cut(text, maxBytes + REDACT_MARGIN_BYTES));
  const kept = cut(redacted, maxBytes);
  return {
    text: kept,
    truncated: kept.length < redacted.length || Buffer.byteLength(text) > maxBytes + REDACT_MARGIN_BYTES,
  };
}
