import { LRUCache } from 'lru-cache';
import type { Completion, Conversation, Model } from '../conversation.ts';
import { generateAnswer, renderMarked } from '../generate/index.ts';
import type { RenderedConversation } from '../generate/types.ts';
import { chatgptEventStream } from '../generate/sse.ts';
import type { Format } from '../params/request.ts';
import type { StoredAnswer } from '../store.ts';
import { type BodyParts, htmlParts, jsonParts } from './encode.ts';
import type { PageView, Revision } from './types.ts';

/**
 * The budget of encoded replies kept, for the whole process: every session shares it. A setting
 * for it would need its README row (test/unit/docs.test.ts); until then, this.
 */
const REPLY_CACHE_BYTES = 64 * 2 ** 20;

/**
 * Encoded reply bodies, by bytes, one budget for the process: a repeated read sends bytes it
 * already has, and however many sessions run, pages take no more memory than this.
 */
const replies = new LRUCache<string, BodyParts>({
  maxSize: REPLY_CACHE_BYTES,
  // The chrome a body shares is kept once for all; a key holds the conversation (its prompt),
  // counted at two bytes a character.
  sizeCalculation: (body, key) => body.own + 2 * key.length + 64 + 8 * body.parts.length,
});

/**
 * Names of replies made once and not kept. A reply is kept from its second making on: a fresh
 * answer (expiration=0) is mostly read once, and keeping each would push out the replies that are
 * read again, and keep every fresh page's own bytes alive long enough to cost collections.
 */
const madeOnce = new LRUCache<string, true>({ max: 16_384 });

/** The conversation a key was made of: conversationKey's inverse. */
function conversationOf(key: string): Conversation {
  const [model, device, country, subdivision, city, language, display, prompt] = JSON.parse(key) as [
    Model,
    string | null,
    string | null,
    string | null,
    string | null,
    string | null,
    string | null,
    string,
  ];
  return { model, device, country, subdivision, city, language, display, prompt };
}

/** Answers an older release stored with their page, and canned ones: named by object. */
const objectNames = new WeakMap<StoredAnswer, string>();
let named = 0;

/**
 * What names an answer's bytes. A generated answer is a pure function of its conversation, seed
 * and domains, so the same answer in two sessions (or after a restart) shares one entry.
 */
function cacheName(answer: StoredAnswer): string {
  if (!answer.page && !answer.canned) return `${answer.seed} ${answer.domains} ${answer.key}`;
  let name = objectNames.get(answer);
  if (!name) objectNames.set(answer, (name = `#${++named}`));
  return name;
}

/** The page of an answer: as stored by an older release, else made again from its recipe, its chrome marked. */
function pageOf(answer: StoredAnswer): PageView & { raw: string } {
  if (answer.page) {
    const { completionJson, raw, sse } = answer.page;
    return { page: JSON.parse(completionJson) as Completion, raw, sse };
  }
  const conversation = conversationOf(answer.key);
  const content = answer.canned ?? generateAnswer(conversation, answer.seed, { domains: answer.domains });
  const rendered = renderMarked(conversation, content, answer.seed);
  // Only June's shape shows it.
  return new RemadePage(rendered, () => chatgptEventStream(conversation, content, answer.seed));
}

/** A page made again, its raw form and event stream made when first read (a class: see MarkedConversation). */
class RemadePage implements PageView {
  readonly page: Completion;
  readonly #rendered: RenderedConversation;
  readonly #makeSse: () => string;
  #sse: string | undefined;
  constructor(rendered: RenderedConversation, makeSse: () => string) {
    this.page = rendered.completion;
    this.#rendered = rendered;
    this.#makeSse = makeSse;
  }
  get raw(): string {
    return this.#rendered.raw;
  }
  get sse(): string {
    return (this.#sse ??= this.#makeSse());
  }
}

/** A reply made: its parts, and what a thread needs to hand them to another (encode.ts packBody). */
export interface MadeReply {
  model: Model;
  as: 'html' | 'json';
  body: BodyParts;
}

/** An answer's reply in a format and a revision's shape, made anew: a pure function of its inputs. */
export function makeReply(answer: StoredAnswer, format: Format, revision: Revision): MadeReply {
  const view = pageOf(answer);
  const { model, html } = view.page;
  if (format === 'json') return { model, as: 'json', body: jsonParts(model, revision.present(view), html) };
  return { model, as: 'html', body: htmlParts(model, format === 'raw' ? view.raw : html) };
}

export const replyType = (format: Format): string =>
  format === 'json' ? 'application/json; charset=utf-8' : 'text/html; charset=utf-8';

/** What names a reply in the process's reply cache. */
export const replyName = (answer: StoredAnswer, format: Format, revision: Revision): string =>
  `${format === 'json' ? `json ${revision.id}` : format} ${cacheName(answer)}`;

export const keptReply = (name: string): BodyParts | undefined => replies.get(name);

/** Keeps a reply just made, from its second making on. */
export function keepReply(name: string, body: BodyParts): void {
  if (madeOnce.delete(name)) replies.set(name, body);
  else madeOnce.set(name, true);
}
