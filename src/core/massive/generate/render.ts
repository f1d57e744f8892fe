import type { Rng } from '../../kernel/random.ts';
import { displayDomain, escapeHtml, safeHttpUrl, withUtmSource } from './escape.ts';
import type { Labels } from './labels.ts';
import type { Conversation } from '../conversation.ts';
import type { Answer, Source } from './types.ts';

/** What one model's renderer gets: the conversation, its answer, and a seeded generator for ids. */
export interface RenderContext {
  conversation: Conversation;
  answer: Answer;
  rng: Rng;
  lang: string;
  labels: Labels;
}

export interface Fragments {
  prompt: string;
  completion: string;
  sources: string;
  ads: string;
}

/** One chatbot's page: the Completion's fragments, its whole rendered page, and the page as sent. */
export interface ModelRenderer {
  fragments(ctx: RenderContext): Fragments;
  /** The fanouts the live service exposes for this model. */
  fanouts(answer: Answer): string[];
  page(ctx: RenderContext, fragments: Fragments): string;
  raw(ctx: RenderContext): string;
}

/** An escaped `href` for a source or ad URL, tagged the way the chatbot tags outbound links; null for non-http(s) URLs. */
function outboundHref(url: string, utmSource: string | null): string | null {
  const safe = safeHttpUrl(url);
  if (!safe) return null;
  return escapeHtml(utmSource ? withUtmSource(safe, utmSource) : safe);
}

/** An `<a>` to `url`, or a `<span>` with the same content when the URL may not be a link. */
/** Each cited source, in the order cited, drawn by the model's own markup; a number past the list draws nothing. */
export function eachCited(
  sources: readonly Source[],
  numbers: readonly number[],
  draw: (source: Source, n: number) => string,
): string {
  return numbers
    .map((n) => {
      const source = sources[n - 1];
      return source ? draw(source, n) : '';
    })
    .join('');
}

export function anchor(url: string, utmSource: string | null, attributes: string, content: string): string {
  const href = outboundHref(url, utmSource);
  return href
    ? `<a href="${href}" target="_blank" rel="noopener"${attributes}>${content}</a>`
    : `<span${attributes}>${content}</span>`;
}

/**
 * A site's icon. Live pages fetch it from a favicon service on another host; a rendered page must
 * load nothing from third-party hosts, so the icon is a path on the page's own host (the
 * emulator's, when served from it), the favicon service's path kept for the look of it.
 */
export function favicon(url: string, size: number, className: string): string {
  const domain = encodeURIComponent(displayDomain(url));
  return `<img alt="" width="${size}" height="${size}" class="${className}" src="/s2/favicons?domain=${domain}&amp;sz=${size * 2}">`;
}

export function sourceDomain(source: Source): string {
  return escapeHtml(displayDomain(source.url));
}
