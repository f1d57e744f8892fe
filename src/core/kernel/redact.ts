import { crypto } from './crypto.ts';
import { remembered } from './remembered.ts';

/**
 * Secrets out of what the emulator keeps or writes (journal, bundles, recordings): credentials in
 * headers, tokens and keys in query strings and JSON, and email addresses anywhere.
 */

export const REDACTED = '[redacted]';

/**
 * Names that carry a credential: any name holding one of the words, or exactly one of the short
 * ones (`key`, `auth`, `sig`), which inside a longer name (`monkey`, `author`) mean something else.
 */
const SECRET_WORDS =
  'authorization|cookie|token|secret|password|passwd|api[-_]?key|access[-_]?key|private[-_]?key|credential|session';
const SHORT_SECRETS = 'key|auth|sig|signature|jwt|pwd';
const SECRET_NAME = new RegExp(`${SECRET_WORDS}|^(?:${SHORT_SECRETS})$`, 'i');
const EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/g;
const BEARER = /\b(Bearer|Basic)\s+[A-Za-z0-9._~+/=-]+/gi;
/** `"apiKey": "..."` in JSON text, and `token=...` in query strings and forms. */
const JSON_SECRET = new RegExp(
  `("(?:[^"]*(?:${SECRET_WORDS})[^"]*|${SHORT_SECRETS})"\\s*:\\s*)"(?:[^"\\\\]|\\\\.)*"`,
  'gi',
);
const QUERY_SECRET = new RegExp(`([?&](?:[^=&]*(?:${SECRET_WORDS})[^=&]*|${SHORT_SECRETS})=)[^&#\\s]*`, 'gi');
/** `//user:password@host`: the credentials go, the host stays. */
const USERINFO = /(\b[a-z][a-z0-9+.-]*:\/\/)[^/?#@\s]+@/gi;
/**
 * Credentials recognisable by their shape wherever they are: JWTs, Stripe keys, AWS access key
 * ids, GitHub and Slack tokens, PEM private keys.
 */
const SHAPED_SECRET =
  /\beyJ[A-Za-z0-9_-]{5,}\.eyJ[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]*|\b[sr]k_(?:live|test)_[A-Za-z0-9]{8,}|\b(?:AKIA|ASIA)[0-9A-Z]{16}\b|\bgh[pousr]_[A-Za-z0-9]{20,}|\bxox[abprs]-[A-Za-z0-9-]{10,}|-----BEGIN [A-Z ]*PRIVATE KEY-----[\s\S]*?-----END [A-Z ]*PRIVATE KEY-----/g;

/** Each name read once (1,024 at most kept): a call's headers and fields are mostly the last call's. */
export const isSecretName: (name: string) => boolean = remembered(1024, (name) => SECRET_NAME.test(name));

/**
 * Most texts (a user agent, a host and its port) hold nothing any pattern could match: they skip
 * the patterns. Each pattern needs one of these: an `@` (emails, URL credentials), an `=` (query
 * secrets), a quote then a colon (JSON fields), a scheme's word or a shape's prefix.
 */
const MAYBE_SECRET = /[@=]|"\s*:|bearer|basic|eyJ|k_live_|k_test_|AKIA|ASIA|gh[pousr]_|xox|PRIVATE KEY/i;

/** A text with its emails, bearer credentials, URL credentials, shaped and secret-named fields replaced. */
export function redactText(text: string): string {
  if (!MAYBE_SECRET.test(text)) return text;
  return text
    .replace(BEARER, (_match, scheme: string) => `${scheme} ${REDACTED}`)
    .replace(SHAPED_SECRET, REDACTED)
    .replace(JSON_SECRET, `$1"${REDACTED}"`)
    .replace(QUERY_SECRET, `$1${REDACTED}`)
    .replace(USERINFO, `$1${REDACTED}@`)
    .replace(EMAIL, '[email]');
}

/**
 * Keys the fingerprint: a fingerprint is for recognising a token one already has (filtering the
 * journal, reading a bundle), not for finding it; 32 bits of a keyed hash are no use to guess with.
 */
const FINGERPRINT_KEY = 'massive-mock token fingerprint v1';
const FINGERPRINT = /^tok_[0-9a-f]{8}$/;

/**
 * A token as the journal, bundles, recordings and logs show it: `tok_` and 8 hex digits, stable.
 * Each worked out once (1,024 at most kept): a test suite sends the same few tokens thousands of
 * times, and an HMAC costs more than the rest of a small request's journal entry.
 */
export const tokenFingerprint: (token: string) => string = remembered(1024, (token) =>
  FINGERPRINT.test(token)
    ? token
    : `tok_${crypto().createHmac('sha256', FINGERPRINT_KEY).update(token).digest('hex').slice(0, 8)}`,
);

/** Whether a token kept as a fingerprint is the one given (in clear or as its fingerprint). */
export const sameToken = (given: string, kept: string | null | undefined): boolean =>
  kept !== null && kept !== undefined && (kept === given || kept === tokenFingerprint(given));

/** Headers with the credential-bearing ones replaced and the rest's text redacted. */
export function redactHeaders(
  headers: Readonly<Record<string, string | string[] | number | undefined>>,
): Record<string, string> {
  const kept: Record<string, string> = {};
  for (const name in headers) {
    const value = headers[name];
    if (value !== undefined) kept[name.toLowerCase()] = redactHeader(name, value);
  }
  return kept;
}

/** One header's value as kept: replaced when its name carries a credential, else its text redacted. */
export function redactHeader(name: string, value: string | readonly string[] | number): string {
  if (isSecretName(name)) return REDACTED;
  return redactText(Array.isArray(value) ? value.join(', ') : String(value));
}

/**
 * A JSON-like value with secret-named fields replaced and every string's text redacted. What is
 * unchanged is returned as it is, not copied: most queries hold no secret, and the journal's copy
 * of each was a fifth of what an entry kept alive.
 */
export function redactValue(value: unknown): unknown {
  if (typeof value === 'string') return redactText(value);
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) {
    let copy: unknown[] | undefined;
    value.forEach((item: unknown, index) => {
      const redacted = redactValue(item);
      if (redacted !== item) (copy ??= [...value])[index] = redacted;
    });
    return copy ?? value;
  }
  let copy: Record<string, unknown> | undefined;
  for (const [key, item] of Object.entries(value)) {
    const redacted =
      isSecretName(key) && item !== null && typeof item !== 'object' ? REDACTED : redactValue(item);
    if (redacted !== item) (copy ??= { ...value })[key] = redacted;
  }
  return copy ?? value;
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
