import { escapeHtml as esc, scriptJson } from '../generate/escape.ts';
import type { BrowserInputs, BrowserView } from '../web/request.ts';
import { type Block, type PageContent, pageContent } from './content.ts';

/** Hosts under `captcha.example` put a captcha in front of every page (RFC 2606 keeps them unreal). */
export const hasCaptcha = (url: URL): boolean => /(^|\.)captcha\.example$/.test(url.hostname);

/** `.invalid` (RFC 2606) can never resolve: the service's 404 for a domain that does not exist. */
export const isNonexistent = (url: URL): boolean => /(^|\.)invalid\.?$/.test(url.hostname);

function blockHtml(block: Block): string {
  switch (block.type) {
    case 'heading':
      return `<h${block.level}>${esc(block.text)}</h${block.level}>`;
    case 'paragraph':
      return `<p>${esc(block.text)}</p>`;
    case 'list':
      return `<ul>${block.items.map((item) => `<li>${esc(item)}</li>`).join('')}</ul>`;
    case 'links':
      return `<ul class="links">${block.links.map((link) => `<li><a href="${esc(link.href)}">${esc(link.text)}</a></li>`).join('')}</ul>`;
    case 'code':
      return `<pre><code>${esc(block.text)}</code></pre>`;
  }
}

function blockMarkdown(block: Block): string {
  switch (block.type) {
    case 'heading':
      return `${'#'.repeat(block.level)} ${block.text}`;
    case 'paragraph':
      return block.text;
    case 'list':
      return block.items.map((item) => `- ${item}`).join('\n');
    case 'links':
      return block.links.map((link) => `- [${link.text}](${link.href})`).join('\n');
    case 'code':
      return `\`\`\`\n${block.text}\n\`\`\``;
  }
}

function head(content: Pick<PageContent, 'title'>, inputs: BrowserInputs): string {
  const device = inputs.locale.device;
  return (
    `<head><meta charset="utf-8"><title>${esc(content.title)}</title>` +
    `<meta name="viewport" content="${device ? 'width=device-width, initial-scale=1' : 'width=1280'}">` +
    `${device ? `<meta name="x-emulated-device" content="${esc(device)}">` : ''}</head>`
  );
}

const CAPTCHA: PageContent = {
  kind: 'article',
  title: 'Just a moment...',
  blocks: [
    { type: 'heading', level: 1, text: 'Verify you are human' },
    { type: 'paragraph', text: 'Complete the challenge below to continue to the site.' },
  ],
  late: [],
};

/**
 * A page in the asked format: `rendered` is the DOM once scripts ran (late content only after
 * `load`), `raw` the HTML as served (an empty shell its script fills), `markdown` the rendered main
 * content. A captcha left unsolved (`captcha=ignored`) shows the challenge instead.
 */
export function renderPage(inputs: BrowserInputs, view: BrowserView, seed: number): string {
  const url = new URL(inputs.url);
  const content = hasCaptcha(url) && view.captcha === 'ignored' ? CAPTCHA : pageContent(url, seed);
  // Late content (a related-links widget) is in the DOM at `load`, or after any wait past DOMContentLoaded.
  const loaded = view.readiness === 'load' || view.delay !== null;
  const blocks = loaded ? [...content.blocks, ...content.late] : content.blocks;
  if (view.format === 'markdown') return `${blocks.map(blockMarkdown).join('\n\n')}\n`;
  if (view.format === 'raw') {
    const html = content.blocks.map(blockHtml).join('');
    return (
      `<!DOCTYPE html><html lang="en">${head(content, inputs)}<body><main id="app"></main>` +
      `<script>document.getElementById("app").innerHTML=${scriptJson(html)};</script></body></html>`
    );
  }
  return (
    `<!DOCTYPE html><html lang="en">${head(content, inputs)}<body><main id="app">` +
    `${blocks.map(blockHtml).join('')}</main></body></html>`
  );
}
