import type { Model } from '../conversation.ts';
import { type Chrome, chromeOf } from '../generate/shell.ts';

/**
 * A reply body as the parts it is written in: the chrome's encoded bytes, which every answer of a
 * model shares, between the answer's own few kB. Nothing joins them into one copy: they are
 * written to the socket as they are, and a kept reply costs only its own parts.
 */
export interface BodyParts {
  readonly parts: readonly Buffer[];
  /** Every part's bytes: the Content-Length. */
  readonly length: number;
  /** The bytes of the parts this body holds alone (not the shared chrome): what keeping it costs. */
  readonly own: number;
}

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

/** The chrome's encoded bytes, as bodies share them: nothing is pinned by holding on to one. */
const sharedParts = new WeakSet<Buffer>();

/** Whether a body's part is shared chrome, which lives as long as the process anyway. */
export const isSharedPart = (part: Buffer): boolean => sharedParts.has(part);

/** Collects a body's parts, counting apart the bytes it holds alone from the shared chrome's. */
class Collector {
  readonly parts: Buffer[] = [];
  length = 0;
  own = 0;
  add(part: Buffer, shared = false): void {
    this.parts.push(part);
    this.length += part.length;
    if (shared) sharedParts.add(part);
    else this.own += part.length;
  }
  page(model: Model, html: string, as: 'html' | 'json'): void {
    for (const part of segments(model, html)) {
      if (typeof part !== 'string') this.add(part[as], true);
      else this.add(Buffer.from(as === 'html' ? part : JSON.stringify(part).slice(1, -1)));
    }
  }
  body(): BodyParts {
    return { parts: this.parts, length: this.length, own: this.own };
  }
}

/** A page as UTF-8 parts: the chrome's already encoded. */
export function htmlParts(model: Model, html: string): BodyParts {
  const collector = new Collector();
  collector.page(model, html, 'html');
  return collector.body();
}

/**
 * `JSON.stringify(body)` as UTF-8 parts, byte for byte, where one of its top-level values is the
 * page `html`: that one is spliced in from the chrome's encoded bytes instead of escaped whole.
 */
export function jsonParts(model: Model, body: Record<string, unknown>, html: string): BodyParts {
  const collector = new Collector();
  const htmlKey = Object.keys(body).find((key) => body[key] === html);
  if (htmlKey === undefined) {
    collector.add(Buffer.from(JSON.stringify(body)));
    return collector.body();
  }
  const text = JSON.stringify({ ...body, [htmlKey]: '' });
  // Inside a JSON string every quote is escaped: `"key":""` unescaped is the top-level key itself.
  const opening = `${JSON.stringify(htmlKey)}:"`;
  const at = text.indexOf(`${opening}"`) + opening.length;
  collector.add(Buffer.from(text.slice(0, at)));
  collector.page(model, html, 'json');
  collector.add(Buffer.from(text.slice(at)));
  return collector.body();
}

/**
 * A body as one thread hands it to another: the bytes it holds alone in one buffer (transferred,
 * not copied), and its layout, each part either the length of its own bytes or, as -(i + 1), the
 * model's chrome part i, which every thread builds the same and keeps its own copy of.
 */
export interface PackedBody {
  model: Model;
  as: 'html' | 'json';
  layout: number[];
  own: Uint8Array;
}

export function packBody(model: Model, as: 'html' | 'json', body: BodyParts): PackedBody {
  const chrome = new Map(chromeOf(model).map((part, index) => [part[as], index]));
  const own = new Uint8Array(body.own);
  const layout: number[] = [];
  let at = 0;
  for (const part of body.parts) {
    const index = chrome.get(part);
    if (index !== undefined) {
      layout.push(-(index + 1));
      continue;
    }
    own.set(part, at);
    at += part.length;
    layout.push(part.length);
  }
  return { model, as, layout, own };
}

export function unpackBody({ model, as, layout, own }: PackedBody): BodyParts {
  const chrome = chromeOf(model);
  const bytes = Buffer.from(own.buffer, own.byteOffset, own.byteLength);
  const collector = new Collector();
  let at = 0;
  for (const entry of layout) {
    if (entry < 0) {
      const part = chrome[-entry - 1];
      if (!part) throw new Error(`no chrome part ${-entry - 1} for ${model}`);
      collector.add(part[as], true);
      continue;
    }
    collector.add(bytes.subarray(at, at + entry));
    at += entry;
  }
  return collector.body();
}
