import type { Token, Tokens } from 'marked';

/**
 * The Markdown the writers produce (writers/), read without marked: paragraphs (with hard line
 * breaks), `#` headings, GFM tables, tight lists (an ordered list's items may hold one tight
 * bulleted list) and `**strong**` text. It gives the tokens marked's Lexer gives (gfm), field for
 * field (test/unit/markdown-lexer.test.ts holds it to that over the content corpus), or nothing
 * for text outside that subset, which marked then reads (fixtures' Markdown, say).
 *
 * Why not marked alone: V8 compiles a regular expression on its first use and caches none of it
 * across starts, and marked's first lexing compiles some forty large ones, ~30 ms of a start's
 * first answer (December 2026, docs/benchmarks.md). These few small patterns compile in well under
 * a millisecond.
 */
export function lexGenerated(markdown: string): Token[] | undefined {
  if (OUTSIDE.test(markdown)) return undefined;
  const body = markdown.endsWith('\n') ? markdown.slice(0, -1) : markdown;
  if (body === '' || body.endsWith('\n') || body.startsWith('\n')) return undefined;
  const blocks = body.split('\n\n');
  const tokens: Token[] = [];
  let previous: Token | undefined;
  for (const [i, block] of blocks.entries()) {
    // Three newlines in a row, or a block that opens indented, mean something else to marked.
    if (block === '' || block.startsWith(' ') || block.startsWith('\n')) return undefined;
    const raw = i === blocks.length - 1 && body !== markdown ? `${block}\n` : block;
    const token = blockToken(block, raw);
    if (!token) return undefined;
    // A list after a blank line continues one of the same kind, which makes both loose.
    if (token.type === 'list' && previous?.type === 'list') return undefined;
    if (i > 0) tokens.push({ type: 'space', raw: '\n\n' });
    tokens.push(token);
    previous = token;
  }
  return tokens;
}

/**
 * What the subset never holds: characters marked reads as syntax of its own (code, emphasis with
 * `_`, strikethrough, HTML, escapes, autolinks), links, images and link definitions, tabs and
 * carriage returns. Other brackets (`[1]`, `[Your name]`) are text: a document without definitions
 * has no reference links.
 */
const OUTSIDE = /[`_~<>\\@\t\r]|\]\(|\]:|!\[|https?:|ftp:|www\./i;
/** A line marked would start a block with, other than the paragraph's own first line. */
const BLOCK_START = /^ {0,3}(?:[-+*](?: |$)|\d{1,9}[.)](?: |$)|#{1,6}(?: |$)|[>|=]|-{2,}|\*{3,}| {4})/;
const HEADING = /^(#{1,6}) (.*)$/;
const ORDERED = /^(\d{1,9})\. /;
const DELIMITER_CELL = /^ *(:?)-+(:?) *$/;
const PUNCTUATION = /[\p{P}\p{S}]/u;
const SPACE = /\s/;
const HARD_BREAK = /\S {2}$/;
const BRACKETED = /^\[[^[\]\n]*\]/;

function blockToken(block: string, raw: string): Token | undefined {
  const lines = block.split('\n');
  const first = lines[0] ?? '';
  if (first.startsWith('#')) return heading(lines, raw);
  if (first.startsWith('|')) return table(lines, raw);
  if (first.startsWith('- ') || ORDERED.test(first)) return list(lines, raw);
  return paragraph(lines, block, raw);
}

function heading(lines: string[], raw: string): Tokens.Heading | undefined {
  const match = lines.length === 1 ? HEADING.exec(lines[0] ?? '') : null;
  const text = match?.[2]?.trim();
  if (!match || !text || text.endsWith('#')) return undefined;
  const tokens = inline(text);
  return tokens && { type: 'heading', raw, depth: match[1]?.length ?? 0, text, tokens };
}

function paragraph(lines: string[], block: string, raw: string): Tokens.Paragraph | undefined {
  // A pipe may make a table of the lines, and a line ending in one space (or the last ending in
  // any) is read in ways not followed here.
  for (const [i, line] of lines.entries()) {
    if (BLOCK_START.test(line) || line.includes('|')) return undefined;
    if (line.endsWith(' ') && (i === lines.length - 1 || !HARD_BREAK.test(line))) return undefined;
  }
  const tokens = inline(block);
  return tokens && { type: 'paragraph', raw, text: block, tokens };
}

/** Cells between the outer pipes, trimmed: undefined unless the row opens and closes with one. */
function cells(line: string): string[] | undefined {
  if (!line.startsWith('|') || !line.endsWith('|') || line.length < 2) return undefined;
  return line
    .slice(1, -1)
    .split('|')
    .map((cell) => cell.trim());
}

function table(lines: string[], raw: string): Tokens.Table | undefined {
  const [head, delimiter, ...body] = lines.map(cells);
  if (!head || !delimiter || delimiter.length !== head.length || body.length === 0) return undefined;
  const align: Array<'left' | 'right' | 'center' | null> = [];
  for (const cell of delimiter) {
    const match = DELIMITER_CELL.exec(cell);
    if (!match) return undefined;
    align.push(match[1] && match[2] ? 'center' : match[1] ? 'left' : match[2] ? 'right' : null);
  }
  const cell = (text: string, header: boolean, i: number): Tokens.TableCell | undefined => {
    const tokens = inline(text);
    return tokens && { text, tokens, header, align: align[i] ?? null };
  };
  const header: Tokens.TableCell[] = [];
  for (const [i, text] of head.entries()) {
    const made = cell(text, true, i);
    if (!made) return undefined;
    header.push(made);
  }
  const rows: Tokens.TableCell[][] = [];
  for (const row of body) {
    if (!row || row.length !== head.length) return undefined;
    const made: Tokens.TableCell[] = [];
    for (const [i, text] of row.entries()) {
      const each = cell(text, false, i);
      if (!each) return undefined;
      made.push(each);
    }
    rows.push(made);
  }
  return { type: 'table', raw, header, align, rows };
}

/**
 * A tight list, one item a line: `- ` items, or `1. ` items each optionally followed by a tight
 * `- ` list indented to its text (three spaces), which marked reads with the indent taken off.
 */
function list(lines: string[], raw: string): Tokens.List | undefined {
  const ordered = ORDERED.test(lines[0] ?? '');
  const groups: Array<{ marker: string; line: string; nested: string[] }> = [];
  for (const line of lines) {
    const marker = ordered ? ORDERED.exec(line)?.[0] : line.startsWith('- ') ? '- ' : undefined;
    const item = groups.at(-1);
    if (marker) groups.push({ marker, line, nested: [] });
    // Only an item whose marker is three wide (`1. ` to `9. `) holds the lines indented by three.
    else if (ordered && line.startsWith('   - ') && item?.marker.length === 3)
      item.nested.push(line.slice(3));
    else return undefined;
  }
  const items: Tokens.ListItem[] = [];
  for (const [i, { marker, line, nested }] of groups.entries()) {
    const last = i === groups.length - 1;
    const text = line.slice(marker.length);
    if (text.trim() === '' || text.startsWith('[') || text.startsWith(' ') || BLOCK_START.test(text))
      return undefined;
    const inner = inline(text);
    if (!inner) return undefined;
    const tokens: Token[] = [{ type: 'text', raw: nested.length ? `${text}\n` : text, text, tokens: inner }];
    if (nested.length) {
      const sublist = list(nested, nested.join('\n'));
      if (!sublist || sublist.ordered) return undefined;
      tokens.push(sublist);
    }
    const itemLines = [line, ...nested.map((each) => `   ${each}`)].join('\n');
    items.push({
      type: 'list_item',
      raw: last ? itemLines : `${itemLines}\n`,
      task: false,
      loose: false,
      text: [text, ...nested].join('\n'),
      tokens,
    });
  }
  const start = ordered ? Number.parseInt(groups[0]?.marker ?? '', 10) : '';
  return { type: 'list', raw, ordered, start, loose: false, items };
}

/** Whether the character at `at` of `text` is absent, white space or punctuation. */
function spaceOrPunctuation(text: string, at: number): { space: boolean; punctuation: boolean } {
  const char = text[at];
  if (char === undefined) return { space: true, punctuation: false };
  return { space: SPACE.test(char), punctuation: PUNCTUATION.test(char) };
}

/**
 * Inline tokens: text, `**strong**` (left- and right-flanking runs of exactly two asterisks, as
 * CommonMark has them) and hard line breaks (two spaces or more, then a newline). Adjacent text
 * is one token, as marked merges it. Undefined for any other use of `*`.
 */
function inline(text: string): Token[] | undefined {
  const tokens: Token[] = [];
  let outside = false;
  const pushText = (value: string) => {
    if (value === '') return;
    const last = tokens.at(-1);
    if (last?.type === 'text') {
      last.raw += value;
      last.text += value;
    } else if (value.startsWith('[')) {
      // marked reads `[…]` as a reference first and, finding no definition, makes its `[` a text
      // token of another shape (no `escaped`), which the rest then joins.
      if (!BRACKETED.test(value)) outside = true;
      tokens.push({ type: 'text', raw: value, text: value });
    } else tokens.push({ type: 'text', raw: value, text: value, escaped: false });
  };
  let at = 0;
  while (at < text.length) {
    const star = text.indexOf('*', at);
    const newline = text.indexOf('\n', at);
    if (newline !== -1 && (star === -1 || newline < star)) {
      const breakAt = text.slice(at, newline).search(/ {2,}$/);
      if (breakAt === -1) {
        pushText(text.slice(at, newline + 1));
      } else {
        pushText(text.slice(at, at + breakAt));
        tokens.push({ type: 'br', raw: text.slice(at + breakAt, newline + 1) });
      }
      at = newline + 1;
      continue;
    }
    if (star === -1) {
      pushText(text.slice(at));
      break;
    }
    const close = text.indexOf('**', star + 2);
    if (text[star + 1] !== '*' || text[star + 2] === '*' || close === -1) return undefined;
    const inner = text.slice(star + 2, close);
    if (inner.includes('*') || inner.includes('\n') || text[close + 2] === '*') return undefined;
    const before = spaceOrPunctuation(text, star - 1);
    const opening = spaceOrPunctuation(text, star + 2);
    const closing = spaceOrPunctuation(text, close - 1);
    const after = spaceOrPunctuation(text, close + 2);
    // Left-flanking opens, right-flanking closes (CommonMark's delimiter runs).
    if (opening.space || (opening.punctuation && !before.space && !before.punctuation)) return undefined;
    if (closing.space || (closing.punctuation && !after.space && !after.punctuation)) return undefined;
    pushText(text.slice(at, star));
    tokens.push({
      type: 'strong',
      raw: `**${inner}**`,
      text: inner,
      tokens: [{ type: 'text', raw: inner, text: inner, escaped: false }],
    });
    at = close + 2;
  }
  return outside ? undefined : tokens;
}
