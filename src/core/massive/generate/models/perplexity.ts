import { escapeHtml, scriptJson } from '../escape.ts';
import { renderMarkdown } from '../markdown.ts';
import {
  anchor,
  type Fragments,
  favicon,
  type ModelRenderer,
  type RenderContext,
  sourceDomain,
} from '../render.ts';
import {
  asset,
  bundle,
  hex,
  htmlDocument,
  chromeShell,
  shellRng,
  stylesheet,
  utilitySelector,
  uuid,
} from '../shell.ts';
import { slugify } from '../sources.ts';
import type { Source } from '../types.ts';

/** The perplexity.ai Next.js app around a thread: built once. */
const shell = chromeShell('perplexity', () => {
  const rng = shellRng('perplexity');
  const buildId = hex(rng, 21);
  const chunks = Array.from({ length: 40 }, (_, i) => asset(rng, '/_next/static/chunks', `${i}`, 'js'));
  const head = [
    '<meta charSet="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1, viewport-fit=cover">',
    `<link rel="stylesheet" href="${asset(rng, '/_next/static/css', 'app', 'css')}" data-precedence="next">`,
    chunks.map((src) => `<link rel="preload" as="script" fetchPriority="low" href="${src}">`).join(''),
    '<meta name="description" content="Perplexity is a free AI-powered answer engine that provides accurate, trusted, and real-time answers to any question.">',
    '<link rel="icon" href="/favicon.ico"><meta property="og:site_name" content="Perplexity AI">',
    `<style>${stylesheet(rng, 70_000, utilitySelector)}</style>`,
  ].join('');
  const open = [
    '<div class="flex h-full min-h-[100svh] flex-col"><div class="flex grow"><div class="hidden md:block w-sideBarWidth shrink-0"><div class="bg-subtler fixed flex h-full flex-col border-r border-subtlest" data-testid="sidebar">',
    ['Home', 'Discover', 'Spaces', 'Finance', 'Account']
      .map(
        (label) =>
          `<a class="flex flex-col items-center gap-1 p-2 text-xs text-quiet hover:text-foreground" href="/${label === 'Home' ? '' : label.toLowerCase()}">${label}</a>`,
      )
      .join(''),
    '<button class="bg-super text-inverse mt-auto rounded-full px-3 py-2 text-sm">Sign Up</button></div></div>',
    '<main class="grow isolate"><div class="mx-auto max-w-threadContentWidth px-md pb-[120px] pt-lg"><div class="flex flex-col gap-y-lg" data-testid="thread">',
  ].join('');
  const close = [
    '</div></div><div class="fixed inset-x-0 bottom-0"><div class="bg-raised mx-auto max-w-threadContentWidth rounded-2xl border border-subtler p-3"><textarea placeholder="Ask a follow-up" class="w-full resize-none bg-transparent outline-none" id="ask-input"></textarea></div></div></main></div></div>',
    chunks
      .slice(0, 12)
      .map((src) => `<script src="${src}" async=""></script>`)
      .join(''),
    `<script>(self.webpackChunk_N_E=self.webpackChunk_N_E||[]).push([[${rng.int(1000, 9999)}],{${bundle(rng, 135_000)}}]);</script>`,
  ].join('');
  return { buildId, head, open, close };
});

function citation(sources: readonly Source[], numbers: readonly number[]): string {
  const first = sources[(numbers[0] ?? 1) - 1];
  if (!first) return '';
  const more = numbers.length > 1 ? `<span class="ml-0.5 opacity-60">+${numbers.length - 1}</span>` : '';
  return `<span class="citation inline" data-pplx-citation="" data-pplx-citation-index="${numbers[0]}">${anchor(first.url, null, ` aria-label="${escapeHtml(first.siteName)}" class="citation ml-xs inline-flex items-center rounded-md bg-subtle px-1.5 text-[0.6875rem] font-medium text-quiet hover:bg-super hover:text-white"`, `<span class="max-w-[12ch] truncate">${escapeHtml(first.siteName)}</span>${more}`)}</span>`;
}

function sourcesPanel(ctx: RenderContext): string {
  const { sources } = ctx.answer;
  if (sources.length === 0) return '';
  const cards = sources
    .map((source, i) =>
      anchor(
        source.url,
        null,
        ' class="group/source flex flex-col gap-1 rounded-lg bg-subtler p-2.5 hover:bg-subtle"',
        `<div class="flex items-center gap-1.5 text-xs text-quiet">${favicon(source.url, 16, 'size-4 rounded-full')}<span class="truncate">${sourceDomain(source)}</span><span class="ml-auto">${i + 1}</span></div><div class="line-clamp-2 text-sm font-medium text-foreground">${escapeHtml(source.title)}</div><div class="line-clamp-2 text-xs text-quiet">${escapeHtml(source.snippet)}</div>`,
      ),
    )
    .join('');
  const count = `${sources.length} ${sources.length === 1 ? 'source' : 'sources'}`;
  return `<div class="flex flex-col gap-sm" data-testid="sources-panel"><div class="flex items-center gap-xs text-sm font-medium text-foreground"><span>${count}</span></div><div class="grid grid-cols-2 gap-sm md:grid-cols-4">${cards}</div></div>`;
}

function fragments(ctx: RenderContext): Fragments {
  const markdown = renderMarkdown(ctx.answer.markdown, ctx.answer.sources, {
    citation,
    table: (html) =>
      `<div class="group relative"><div class="w-full overflow-x-auto md:max-w-[90vw] border-subtlest ring-subtlest divide-subtlest bg-transparent">${html}</div></div>`,
  });
  return {
    prompt: `<h1 class="group/query text-pretty break-words font-display text-xl font-medium text-foreground md:text-2xl"><span class="select-text">${escapeHtml(ctx.conversation.prompt)}</span></h1>`,
    completion: `<div id="markdown-content-0" class="gap-y-md flex flex-col"><div dir="auto" class="prose dark:prose-invert inline leading-relaxed break-words min-w-0 [word-break:break-word] prose-strong:font-medium"><div data-renderer="lm">${markdown}</div></div></div>`,
    sources: sourcesPanel(ctx),
    ads: '',
  };
}

function document(ctx: RenderContext, body: string): string {
  const { head } = shell();
  const title = ctx.conversation.prompt.replace(/\s+/g, ' ').trim().slice(0, 80);
  return htmlDocument({
    lang: ctx.lang,
    htmlAttributes: ' class="dark" style="color-scheme:dark"',
    head: `<title>${escapeHtml(title)} - Perplexity</title>${head}`,
    bodyAttributes: ' class="bg-base antialiased"',
    body,
  });
}

export const perplexity: ModelRenderer = {
  fragments,
  fanouts: () => [],
  page(ctx, parts) {
    const { open, close } = shell();
    return document(ctx, `${open}${parts.sources}${parts.prompt}${parts.completion}${close}`);
  },
  raw(ctx) {
    const { open, close, buildId } = shell();
    const { conversation, answer, rng } = ctx;
    const slug = `${slugify(conversation.prompt).slice(0, 40) || 'thread'}-${hex(rng, 8)}`;
    const data = {
      props: {
        pageProps: {
          thread: {
            uuid: uuid(rng),
            slug,
            query_str: conversation.prompt,
            blocks: [
              { intended_usage: 'ask_text', markdown_block: { answer: answer.markdown } },
              {
                intended_usage: 'web_results',
                web_result_block: {
                  web_results: answer.sources.map((s) => ({
                    name: s.title,
                    url: s.url,
                    snippet: s.snippet,
                    meta_data: { site_name: s.siteName },
                  })),
                },
              },
            ],
          },
        },
      },
      page: '/search/[slug]',
      query: { slug },
      buildId,
    };
    return document(
      ctx,
      `<div id="__next">${open}${close}</div><script id="__NEXT_DATA__" type="application/json">${scriptJson(data)}</script>`,
    );
  },
};
