/** What a caller asked for in a `Prefer` header (Prism's convention): `code=503, delay=200`. */
export interface Preferences {
  code?: number;
  delayMs?: number;
  /** Parts of the header that were not understood, to tell the caller. */
  ignored: string[];
}

/** The most a `delay` may ask for: the service's own 3-minute budget. */
export const MAX_PREFERRED_DELAY_MS = 180_000;

export function parsePrefer(header: string | readonly string[] | undefined): Preferences {
  const preferences: Preferences = { ignored: [] };
  const text = typeof header === 'string' ? header : (header?.join(',') ?? '');
  // Most calls send none.
  if (text === '') return preferences;
  for (const part of text.split(/[,;]/)) {
    const [rawName = '', rawValue = ''] = part.split('=', 2).map((piece) => piece.trim());
    if (!rawName) continue;
    const name = rawName.toLowerCase();
    const value = rawValue.replace(/^"(.*)"$/, '$1');
    const number = /^\d+$/.test(value) ? Number(value) : Number.NaN;
    if (name === 'code' && number >= 100 && number <= 599) preferences.code = number;
    else if (name === 'delay' && number <= MAX_PREFERRED_DELAY_MS) preferences.delayMs = number;
    else preferences.ignored.push(part.trim());
  }
  return preferences;
}
