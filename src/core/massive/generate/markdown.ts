import { Lexer, type Token, type Tokens } from 'marked';
import { escapeHtml, safeHttpUrl } from './escape.ts';
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

/**
 * Renders any Markdown (generated, or from a fixture) to HTML. Raw HTML in the Markdown is shown
 * as text and only http(s) links become links, so fixture content can never inject markup.
 */
export function renderMarkdown(markdown: string, sources: readonly Source[], hooks: MarkdownHooks): string {
  // Offsets are found by searching the source from the last element found, so an element's
  // attributes must be taken before its children's (document order).
  let cursor = 0;

  const attributes = (tag: string, raw: string, path: readonly number[]): string => {
    if (!hooks.attributes) return '';
    const needle = raw.trim();
    const at = needle ? markdown.indexOf(needle, cursor) : -1;
    if (at >= 0) cursor = at;
    const start = at >= 0 ? at : cursor;
    return hooks.attributes({ tag, start, end: at >= 0 ? at + needle.length : cursor, path });
  };

  const text = (value: string): string => {
    let html = '';
    let last = 0;
    for (const match of value.matchAll(CITATION_RUN)) {
      const numbers = [...match[0].matchAll(/\d+/g)]
        .map((digits) => Number(digits[0]))
        .filter((n) => n >= 1 && n <= sources.length);
      if (numbers.length === 0) continue;
      html += escapeHtml(value.slice(last, match.index)) + hooks.citation(sources, [...new Set(numbers)]);
      last = match.index + match[0].length;
    }
    return html + escapeHtml(value.slice(last));
  };

  const inline = (tokens: readonly Token[] | undefined, path: readonly number[]): string =>
    (tokens ?? []).map((token) => inlineToken(token, path)).join('');

  const inlineToken = (token: Token, path: readonly number[]): string => {
    switch (token.type) {
      case 'text':
        return 'tokens' in token && token.tokens ? inline(token.tokens, path) : text(token.text);
      case 'escape':
      case 'html':
        return escapeHtml(token.text);
      case 'strong':
        return `<strong${attributes('strong', token.raw, path)}>${inline(token.tokens, path)}</strong>`;
      case 'em':
        return `<em>${inline(token.tokens, path)}</em>`;
      case 'del':
        return `<del>${inline(token.tokens, path)}</del>`;
      case 'codespan':
        return `<code>${escapeHtml(token.text)}</code>`;
      case 'br':
        return '<br>';
      case 'link': {
        const href = safeHttpUrl(token.href);
        const label = inline(token.tokens, path);
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
          ? inline(token.tokens, path)
          : escapeHtml(token.raw);
    }
  };

  const blocks = (tokens: readonly Token[], parent: readonly number[]): string => {
    const out: string[] = [];
    for (const token of tokens) {
      if (token.type === 'space' || token.type === 'def') continue;
      out.push(block(token, [...parent, out.length]));
    }
    return out.join('\n');
  };

  const table = (token: Tokens.Table, path: readonly number[]): string => {
    const cell = (tag: 'th' | 'td', value: Tokens.TableCell): string =>
      `<${tag}${value.align ? ` style="text-align:${value.align}"` : ''}>${inline(value.tokens, path)}</${tag}>`;
    const open = `<table${attributes('table', token.raw, path)}>`;
    const head = `<thead><tr>${token.header.map((value) => cell('th', value)).join('')}</tr></thead>`;
    const body = token.rows
      .map((row) => `<tr>${row.map((value) => cell('td', value)).join('')}</tr>`)
      .join('');
    const html = `${open}${head}<tbody>${body}</tbody></table>`;
    return hooks.table ? hooks.table(html) : html;
  };

  const listItem = (item: Tokens.ListItem, path: readonly number[]): string => {
    const open = `<li${attributes('li', item.raw, path)}>`;
    const children = item.tokens.filter((child) => child.type !== 'space');
    const content = children
      .map((child, i) => {
        if (child.type !== 'text') return block(child, [...path, i]);
        const html = inline(child.tokens ?? [], path);
        return hooks.paragraphsInListItems
          ? `<p${attributes('p', child.raw, [...path, i])}>${html}</p>`
          : html;
      })
      .join('\n');
    return `${open}${hooks.paragraphsInListItems ? `\n${content}\n` : content}</li>`;
  };

  const block = (token: Token, path: readonly number[]): string => {
    switch (token.type) {
      case 'paragraph':
        return `<p${attributes('p', token.raw, path)}>${inline(token.tokens, path)}</p>`;
      case 'heading':
        return `<h${token.depth}${attributes(`h${token.depth}`, token.raw, path)}>${inline(token.tokens, path)}</h${token.depth}>`;
      case 'list': {
        const tag = token.ordered ? 'ol' : 'ul';
        const start =
          token.ordered && token.start !== 1 && token.start !== '' ? ` start="${Number(token.start)}"` : '';
        const open = `<${tag}${attributes(tag, token.raw, path)}${start}>`;
        const items = token.items.map((item: Tokens.ListItem, i: number) => listItem(item, [...path, i]));
        return `${open}\n${items.join('\n')}\n</${tag}>`;
      }
      case 'blockquote':
        return `<blockquote${attributes('blockquote', token.raw, path)}>\n${blocks(token.tokens ?? [], path)}\n</blockquote>`;
      case 'code': {
        const lang = /^[\w+#-]+/.exec(token.lang ?? '')?.[0];
        return `<pre${attributes('pre', token.raw, path)}><code${lang ? ` class="language-${escapeHtml(lang)}"` : ''}>${escapeHtml(token.text)}</code></pre>`;
      }
      case 'hr':
        return `<hr${attributes('hr', token.raw, path)}>`;
      case 'table':
        return table(token as Tokens.Table, path);
      case 'html':
        return `<p${attributes('p', token.raw, path)}>${escapeHtml(token.text.trim())}</p>`;
      case 'text':
        return `<p${attributes('p', token.raw, path)}>${'tokens' in token && token.tokens ? inline(token.tokens, path) : text(token.text)}</p>`;
      default:
        return `<p>${escapeHtml(token.raw)}</p>`;
    }
  };

  return blocks(Lexer.lex(markdown, { gfm: true }), []);
}
