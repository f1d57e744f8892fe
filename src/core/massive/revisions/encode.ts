import type { Model } from '../conversation.ts';
import { type Chrome, chromeOf } from '../generate/shell.ts';

type Segment = string | Chrome;

/**
 * A page made with its chrome marked (generate/shell.ts chromeShell), cut at the marks: the parts
 * between are the answer's own, a few kB. The chrome begins and ends in ASCII, so encoding the
 * parts one by one gives the bytes encoding the whole text would. A page an older release stored
 * has no marks: it is one part.
 */
function segments(model: Model, html: string): Segment[] {
  const out: Segment[] = [];
  let at = 0;
  for (const chrome of chromeOf(model)) {
    const found = html.indexOf(chrome.mark, at);
    if (found < 0) continue;
    if (found > at) out.push(html.slice(at, found));
    out.push(chrome);
    at = found + chrome.mark.length;
  }
  if (at < html.length) out.push(html.slice(at));
  return out;
}

/** A page as UTF-8 bytes: the chrome's already encoded. */
export function htmlBytes(model: Model, html: string): Buffer {
  return Buffer.concat(
    segments(model, html).map((part) => (typeof part === 'string' ? Buffer.from(part) : part.html)),
  );
}

/** A page as the inside of a JSON string (what JSON.stringify writes between the quotes), in UTF-8. */
function jsonStringBytes(model: Model, html: string): Buffer[] {
  return segments(model, html).map((part) =>
    typeof part === 'string' ? Buffer.from(JSON.stringify(part).slice(1, -1)) : part.json,
  );
}

/**
 * `JSON.stringify(body)` as UTF-8 bytes, byte for byte, where one of its top-level values is the
 * page `html`: that one is spliced in from the chrome's encoded bytes instead of escaped whole.
 */
export function jsonBytes(model: Model, body: Record<string, unknown>, html: string): Buffer {
  let htmlKey: string | undefined;
  const text = JSON.stringify(body, function (this: unknown, key, value: unknown) {
    if (this !== body || value !== html || htmlKey !== undefined) return value;
    htmlKey = key;
    return '';
  });
  if (htmlKey === undefined) return Buffer.from(text);
  // Inside a JSON string every quote is escaped: `"key":""` unescaped is the top-level key itself.
  const opening = `${JSON.stringify(htmlKey)}:"`;
  const at = text.indexOf(`${opening}"`) + opening.length;
  return Buffer.concat([
    Buffer.from(text.slice(0, at)),
    ...jsonStringBytes(model, html),
    Buffer.from(text.slice(at)),
  ]);
}
