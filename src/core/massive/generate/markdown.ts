import { createRequire } from 'node:module';
import type * as Marked from 'marked';
import type { Token, Tokens } from 'marked';
import { escapeHtml, safeHttpUrl } from './escape.ts';
import { lexGenerated } from './markdown-lexer.ts';
import type { Source } from './types.ts';

/** Where an element's Markdown sits in the source, for renderers that annotate it (ChatGPT's data-start/data-end). */
export interface NodeInfo {
  tag: string;
  start: number;
  end: number;
  /** Child indexes from the root, as Gemini numbers its nodes. */
  path: readonly number[];
}

/** What differs between the chatbots' Markdown output; everything else is one shared walk. */
export interface MarkdownHooks {
  /** Extra attributes (with a leading space) for block elements and `<strong>`. */
  attributes?(node: NodeInfo): string;
  /** The markup for a run of citations; `numbers` are 1-based and all refer to existing sources. */
  citation(sources: readonly Source[], numbers: readonly number[]): string;
  /** Wraps a rendered `<table>`, as every chatbot puts tables in a scroll container. */
  table?(html: string): string;
  /** Whether tight list items still get a `<p>`, as ChatGPT renders them. */
  paragraphsInListItems?: boolean;
}

const CITATION_RUN = /(?:\[\d{1,3}\])+/g;

const require = createRequire(import.meta.url);
/** marked, loaded with the first Markdown lexGenerated leaves to it: start-up does not pay for it. */
let lexer: typeof Marked.Lexer | undefined;
const markedLexer = () => (lexer ??= (require('marked') as typeof Marked).Lexer);

/**
 * One rendering walk: the source, its sources and hooks, and how far into the source elements have
 * been found. Offsets are found by searching the source from the last element found, so an
 * element's attributes must be taken before its children's (document order).
 */
interface Walk {
  markdown: string;
  sources: readonly Source[];
  hooks: MarkdownHooks;
  cursor: number;
}

function attributes(w: Walk, tag: string, raw: string, path: readonly number[]): string {
  if (!w.hooks.attributes) return '';
  const needle = raw.trim();
  const at = needle ? w.markdown.indexOf(needle, w.cursor) : -1;
  if (at >= 0) w.cursor = at;
  const start = at >= 0 ? at : w.cursor;
  return w.hooks.attributes({ tag, start, end: at >= 0 ? at + needle.length : w.cursor, path });
}

function text(w: Walk, value: string): string {
  let html = '';
  let last = 0;
  for (const match of value.matchAll(CITATION_RUN)) {
    const numbers = [...match[0].matchAll(/\d+/g)]
      .map((digits) => Number(digits[0]))
      .filter((n) => n >= 1 && n <= w.sources.length);
    if (numbers.length === 0) continue;
    html += escapeHtml(value.slice(last, match.index)) + w.hooks.citation(w.sources, [...new Set(numbers)]);
    last = match.index + match[0].length;
  }
  return html + escapeHtml(value.slice(last));
}

function inline(w: Walk, tokens: readonly Token[] | undefined, path: readonly number[]): string {
  return (tokens ?? []).map((token) => inlineToken(w, token, path)).join('');
}

function inlineToken(w: Walk, token: Token, path: readonly number[]): string {
  switch (token.type) {
    case 'text':
      return 'tokens' in token && token.tokens ? inline(w, token.tokens, path) : text(w, token.text);
    case 'escape':
    case 'html':
      return escapeHtml(token.text);
    case 'strong':
      return `<strong${attributes(w, 'strong', token.raw, path)}>${inline(w, token.tokens, path)}</strong>`;
    case 'em':
      return `<em>${inline(w, token.tokens, path)}</em>`;
    case 'del':
      return `<del>${inline(w, token.tokens, path)}</del>`;
    case 'codespan':
      return `<code>${escapeHtml(token.text)}</code>`;
    case 'br':
      return '<br>';
    case 'link': {
      const href = safeHttpUrl(token.href);
      const label = inline(w, token.tokens, path);
      return href ? `<a href="${escapeHtml(href)}" target="_blank" rel="noopener">${label}</a>` : label;
    }
    case 'image': {
      const src = safeHttpUrl(token.href);
      return src
        ? `<img src="${escapeHtml(src)}" alt="${escapeHtml(token.text)}" loading="lazy">`
        : escapeHtml(token.text);
    }
    case 'checkbox':
      return `<input type="checkbox" disabled${token.checked ? ' checked' : ''}> `;
    default:
      return 'tokens' in token && Array.isArray(token.tokens)
        ? inline(w, token.tokens, path)
        : escapeHtml(token.raw);
  }
}

function blocks(w: Walk, tokens: readonly Token[], parent: readonly number[]): string {
  const out: string[] = [];
  for (const token of tokens) {
    if (token.type === 'space' || token.type === 'def') continue;
    out.push(block(w, token, [...parent, out.length]));
  }
  return out.join('\n');
}

function table(w: Walk, token: Tokens.Table, path: readonly number[]): string {
  const cell = (tag: 'th' | 'td', value: Tokens.TableCell): string =>
    `<${tag}${value.align ? ` style="text-align:${value.align}"` : ''}>${inline(w, value.tokens, path)}</${tag}>`;
  const open = `<table${attributes(w, 'table', token.raw, path)}>`;
  const head = `<thead><tr>${token.header.map((value) => cell('th', value)).join('')}</tr></thead>`;
  const body = token.rows.map((row) => `<tr>${row.map((value) => cell('td', value)).join('')}</tr>`).join('');
  const html = `${open}${head}<tbody>${body}</tbody></table>`;
  return w.hooks.table ? w.hooks.table(html) : html;
}

function listItem(w: Walk, item: Tokens.ListItem, path: readonly number[]): string {
  const open = `<li${attributes(w, 'li', item.raw, path)}>`;
  const children = item.tokens.filter((child) => child.type !== 'space');
  const content = children
    .map((child, i) => {
      if (child.type !== 'text') return block(w, child, [...path, i]);
      const html = inline(w, child.tokens ?? [], path);
      return w.hooks.paragraphsInListItems
        ? `<p${attributes(w, 'p', child.raw, [...path, i])}>${html}</p>`
        : html;
    })
    .join('\n');
  return `${open}${w.hooks.paragraphsInListItems ? `\n${content}\n` : content}</li>`;
}

function block(w: Walk, token: Token, path: readonly number[]): string {
  switch (token.type) {
    case 'paragraph':
      return `<p${attributes(w, 'p', token.raw, path)}>${inline(w, token.tokens, path)}</p>`;
    case 'heading':
      return `<h${token.depth}${attributes(w, `h${token.depth}`, token.raw, path)}>${inline(w, token.tokens, path)}</h${token.depth}>`;
    case 'list': {
      const tag = token.ordered ? 'ol' : 'ul';
      const start =
        token.ordered && token.start !== 1 && token.start !== '' ? ` start="${Number(token.start)}"` : '';
      const open = `<${tag}${attributes(w, tag, token.raw, path)}${start}>`;
      const items = token.items.map((item: Tokens.ListItem, i: number) => listItem(w, item, [...path, i]));
      return `${open}\n${items.join('\n')}\n</${tag}>`;
    }
    case 'blockquote':
      return `<blockquote${attributes(w, 'blockquote', token.raw, path)}>\n${blocks(w, token.tokens ?? [], path)}\n</blockquote>`;
    case 'code': {
      const lang = /^[\w+#-]+/.exec(token.lang ?? '')?.[0];
      return `<pre${attributes(w, 'pre', token.raw, path)}><code${lang ? ` class="language-${escapeHtml(lang)}"` : ''}>${escapeHtml(token.text)}</code></pre>`;
    }
    case 'hr':
      return `<hr${attributes(w, 'hr', token.raw, path)}>`;
    case 'table':
      return table(w, token as Tokens.Table, path);
    case 'html':
      return `<p${attributes(w, 'p', token.raw, path)}>${escapeHtml(token.text.trim())}</p>`;
    case 'text':
      return `<p${attributes(w, 'p', token.raw, path)}>${'tokens' in token && token.tokens ? inline(w, token.tokens, path) : text(w, token.text)}</p>`;
    default:
      return `<p>${escapeHtml(token.raw)}</p>`;
  }
}

/**
 * Renders any Markdown (generated, or from a fixture) to HTML. Raw HTML in the Markdown is shown
 * as text and only http(s) links become links, so fixture content can never inject markup. What
 * the writers write is read by lexGenerated, which gives marked's tokens without its start-up cost.
 */
export function renderMarkdown(markdown: string, sources: readonly Source[], hooks: MarkdownHooks): string {
  const w: Walk = { markdown, sources, hooks, cursor: 0 };
  return blocks(w, lexGenerated(markdown) ?? markedLexer().lex(markdown, { gfm: true }), []);
}
