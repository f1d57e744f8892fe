import type { Rng } from '../random.ts';
import { displayDomain, escapeHtml, safeHttpUrl, withUtmSource } from './escape.ts';
import type { Labels } from './labels.ts';
import type { Answer, Conversation, Source } from './types.ts';

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
export function anchor(url: string, utmSource: string | null, attributes: string, content: string): string {
  const href = outboundHref(url, utmSource);
  return href
    ? `<a href="${href}" target="_blank" rel="noopener"${attributes}>${content}</a>`
    : `<span${attributes}>${content}</span>`;
}

/**
 * A site's icon, inline: live pages fetch it from a favicon service, but a rendered page must load
 * nothing from third-party hosts, so the icon is a small data: SVG with the site's initial.
 */
export function favicon(url: string, size: number, className: string): string {
  const initial =
    displayDomain(url)
      .replace(/^www\./, '')
      .charAt(0)
      .toUpperCase() || '?';
  return `<img alt="" width="${size}" height="${size}" class="${className}" data-domain="${escapeHtml(displayDomain(url))}" src="data:image/svg+xml,%3Csvg xmlns=%27http://www.w3.org/2000/svg%27 viewBox=%270 0 16 16%27%3E%3Ccircle cx=%278%27 cy=%278%27 r=%278%27 fill=%27%23d9d9d9%27/%3E%3Ctext x=%278%27 y=%2712%27 font-size=%2710%27 text-anchor=%27middle%27 fill=%27%23444%27%3E${encodeURIComponent(initial)}%3C/text%3E%3C/svg%3E">`;
}

export function sourceDomain(source: Source): string {
  return escapeHtml(displayDomain(source.url));
}
