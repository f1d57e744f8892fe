import { escapeHtml, scriptJson } from '../escape.ts';
import { renderMarkdown } from '../markdown.ts';
import {
  anchor,
  eachCited,
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
import type { Source } from '../types.ts';

const UTM = 'copilot.com';

/** The copilot.microsoft.com app around a conversation: built once. */
const shell = chromeShell('copilot', () => {
  const rng = shellRng('copilot');
  const scripts = Array.from({ length: 24 }, (_, i) => asset(rng, '/static/cmc/js', `bundle${i}`, 'js'));
  const head = [
    '<meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Microsoft Copilot: Your AI companion</title>',
    '<meta name="description" content="Copilot is your AI companion that helps you find answers, create and get things done.">',
    '<link rel="icon" href="/favicon.ico"><link rel="manifest" href="/manifest.json">',
    `<link rel="stylesheet" href="${asset(rng, '/static/cmc/css', 'main', 'css')}">`,
    scripts.map((src) => `<link rel="preload" as="script" href="${src}">`).join(''),
    `<style>${stylesheet(rng, 70_000, utilitySelector)}</style>`,
  ].join('');
  const open = [
    '<div id="root" class="relative flex h-dvh w-full overflow-hidden"><nav class="hidden w-[280px] shrink-0 flex-col gap-2 p-3 sm:flex" aria-label="Sidebar">',
    ['New chat', 'Discover', 'Imagine', 'Library']
      .map(
        (label) =>
          `<button class="flex items-center gap-3 rounded-xl px-3 py-2 text-sm hover:bg-black/5" title="${label}">${label}</button>`,
      )
      .join(''),
    '<button class="mt-auto rounded-xl bg-foreground-800 px-4 py-2 text-sm text-white" data-testid="sign-in-button">Sign in</button></nav>',
    '<main class="relative flex flex-1 flex-col"><div class="flex-1 overflow-y-auto" data-testid="chat-scroll"><div class="mx-auto flex max-w-[720px] flex-col gap-6 px-4 pb-40 pt-8" data-testid="chat-messages">',
  ].join('');
  const close = [
    '</div></div><div class="absolute inset-x-0 bottom-0 p-4"><div class="mx-auto max-w-[720px] rounded-3xl border bg-white p-3 shadow-sm"><textarea id="userInput" placeholder="Message Copilot" class="w-full resize-none outline-none" rows="1"></textarea></div><p class="mt-2 text-center text-xs text-foreground-600">Copilot may make mistakes.</p></div></main></div>',
    scripts
      .slice(0, 8)
      .map((src) => `<script src="${src}" defer></script>`)
      .join(''),
    `<script>(window.__cmcChunks=window.__cmcChunks||[]).push({${bundle(rng, 135_000)}});</script>`,
  ].join('');
  return { head, open, close };
});

function citation(sources: readonly Source[], numbers: readonly number[]): string {
  return eachCited(
    sources,
    numbers,
    (source, n) =>
      `<span class="inline-flex align-super">${anchor(source.url, UTM, ` title="${escapeHtml(source.siteName)}" class="ms-0.5 inline-flex size-4 items-center justify-center rounded-full bg-foreground-200 text-[10px] font-semibold"`, `${n}`)}</span>`,
  );
}

function references(ctx: RenderContext): string {
  if (ctx.answer.sources.length === 0) return '';
  const links = ctx.answer.sources
    .map(
      (source, i) =>
        `<li>${anchor(source.url, UTM, ' class="flex items-start gap-2 rounded-xl p-2 hover:bg-black/5"', `<span class="text-xs font-semibold">${i + 1}</span>${favicon(source.url, 16, 'size-4 rounded-sm')}<span class="flex flex-col"><span class="line-clamp-1 text-sm font-medium">${escapeHtml(source.title)}</span><span class="text-xs text-foreground-600">${sourceDomain(source)}</span></span>`)}</li>`,
    )
    .join('');
  return `<div class="mt-3 rounded-2xl border p-3" data-testid="references" aria-label="References"><h3 class="mb-1 text-sm font-semibold">References</h3><ol class="flex flex-col">${links}</ol></div>`;
}

function fragments(ctx: RenderContext): Fragments {
  const { labels } = ctx;
  const markdown = renderMarkdown(ctx.answer.markdown, ctx.answer.sources, {
    citation,
    table: (html) => `<div class="my-3 overflow-x-auto rounded-xl border">${html}</div>`,
  });
  return {
    prompt: `<div class="group/user-message flex justify-end" data-content="user-message"><h2 class="sr-only">${escapeHtml(labels.youSaid)}</h2><div class="max-w-[80%] rounded-3xl bg-foreground-100 px-5 py-2.5"><div class="whitespace-pre-wrap break-words">${escapeHtml(ctx.conversation.prompt)}</div></div></div>`,
    completion: `<div class="group/ai-message-item flex flex-col" data-content="ai-message" role="article" tabindex="0" aria-label="${escapeHtml(labels.modelSaid('Copilot'))}"><h2 class="sr-only">${escapeHtml(labels.modelSaid('Copilot'))}</h2><div class="space-y-3 break-words text-base leading-7" data-message-id="${uuid(ctx.rng)}">${markdown}</div></div>`,
    sources: references(ctx),
    ads: '',
  };
}

function document(ctx: RenderContext, body: string): string {
  return htmlDocument({
    lang: ctx.lang,
    htmlAttributes: ' class="light"',
    head: shell().head,
    bodyAttributes: ' class="bg-background"',
    body,
  });
}

export const copilot: ModelRenderer = {
  fragments,
  fanouts: () => [],
  page(ctx, parts) {
    const { open, close } = shell();
    return document(ctx, `${open}${parts.prompt}${parts.completion}${parts.sources}${close}`);
  },
  raw(ctx) {
    const { open, close } = shell();
    const { conversation, answer, rng } = ctx;
    const data = {
      conversationId: hex(rng, 21),
      messages: [
        { id: uuid(rng), author: 'human', content: [{ type: 'text', text: conversation.prompt }] },
        {
          id: uuid(rng),
          author: 'ai',
          content: [{ type: 'text', text: answer.markdown }],
          citations: answer.sources.map((s) => ({ title: s.title, url: s.url, publisher: s.siteName })),
        },
      ],
    };
    return document(
      ctx,
      `${open}${close}<script type="application/json" id="conversation-state">${scriptJson(data)}</script>`,
    );
  },
};
