import { escapeHtml, scriptJson } from '../escape.ts';
import { renderMarkdown } from '../markdown.ts';
import { anchor, type Fragments, favicon, type ModelRenderer, type RenderContext } from '../render.ts';
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

const UTM = 'chatgpt.com';

const HREFLANGS = [
  'am',
  'ar',
  'bg-BG',
  'bn-BD',
  'bs-BA',
  'ca-ES',
  'cs-CZ',
  'da-DK',
  'de-DE',
  'el-GR',
  'es-419',
  'es-ES',
  'et-EE',
  'fa-IR',
  'fi-FI',
  'fr-CA',
  'fr-FR',
  'gu-IN',
  'hi-IN',
  'hr-HR',
  'hu-HU',
  'hy-AM',
  'id-ID',
  'is-IS',
  'it-IT',
  'ja-JP',
  'ka-GE',
  'kk',
  'kn-IN',
  'ko-KR',
  'lt',
  'lv-LV',
  'mk-MK',
  'ml',
  'mn',
  'mr-IN',
  'ms-MY',
  'my-MM',
  'nb-NO',
  'nl-NL',
  'pa',
  'pl-PL',
  'pt-BR',
  'pt-PT',
  'ro-RO',
  'ru-RU',
  'sk-SK',
  'sl-SI',
  'so-SO',
  'sq-AL',
  'sr-RS',
  'sv-SE',
  'sw-TZ',
  'ta-IN',
  'te-IN',
  'th-TH',
  'tl',
  'tr-TR',
  'uk-UA',
  'ur',
  'vi-VN',
  'zh-CN',
  'zh-HK',
  'zh-TW',
];

const ICON = (id: string): string =>
  `<svg xmlns="http://www.w3.org/2000/svg" width="20" height="20" aria-hidden="true" class="icon"><use href="/cdn/assets/sprites-core-7f3a91c2.svg#${id}" fill="currentColor"></use></svg>`;

const TURN_CLASS =
  'text-token-text-primary w-full focus:outline-none [--shadow-height:45px] [content-visibility:auto] supports-[content-visibility:auto]:[contain-intrinsic-size:auto_100lvh] scroll-mt-[calc(var(--header-height)+min(200px,max(70px,20svh)))] has-data-writing-block:pointer-events-none';
const THREAD_WIDTH =
  '[--thread-content-max-width:40rem] @w-lg/main:[--thread-content-max-width:48rem] mx-auto flex max-w-(--thread-content-max-width) flex-1 flex-col min-w-0 group/turn-messages focus-visible:outline-hidden relative';
const CONTENT_MARGIN =
  '[--thread-content-margin:var(--thread-content-margin-xs,calc(var(--spacing)*4))] @w-sm/main:[--thread-content-margin:var(--thread-content-margin-sm,calc(var(--spacing)*6))] @w-lg/main:[--thread-content-margin:var(--thread-content-margin-lg,calc(var(--spacing)*16))] px-(--thread-content-margin)';
const ACTIONS_CLASS =
  'touch:-me-2 touch:-ms-3.5 -ms-2.5 -me-1 flex flex-wrap items-center gap-y-4 p-1 select-none pointer-events-none [mask-image:linear-gradient(to_right,black_33%,transparent_66%)] [mask-size:300%_100%] [mask-position:100%_0%] motion-safe:transition-[mask-position] group-hover/turn-messages:pointer-events-auto group-hover/turn-messages:[mask-position:0_0] group-focus-within/turn-messages:[mask-position:0_0]';

/** The logged-out chatgpt.com page around the thread: built once, it is the same for every answer. */
const shell = chromeShell('chatgpt', () => {
  const rng = shellRng('chatgpt');
  const build = hex(rng, 40);
  const scripts = Array.from({ length: 120 }, (_, i) => asset(rng, '/cdn/assets', `chunk${i}`, 'js'));
  const head = [
    '<meta charset="UTF-8"><meta name="viewport" content="width=device-width, initial-scale=1, viewport-fit=cover">',
    '<title>ChatGPT</title><meta property="og:title" content="ChatGPT"><meta name="robots" content="index, follow">',
    '<meta name="description" content="A conversational AI assistant: ask questions, brainstorm and get help with writing, learning and code.">',
    '<meta property="og:url" content="https://chatgpt.com/"><meta property="og:site_name" content="ChatGPT">',
    '<link rel="icon" href="/favicon.ico" sizes="any"><link rel="preconnect" href="/cdn">',
    HREFLANGS.map(
      (code) => `<link rel="alternate" hreflang="${code}" href="https://chatgpt.com/${code}/">`,
    ).join(''),
    `<link rel="stylesheet" href="${asset(rng, '/cdn/assets', 'root', 'css')}"><link rel="stylesheet" href="${asset(rng, '/cdn/assets', 'conversation', 'css')}">`,
    scripts.map((src) => `<link rel="modulepreload" href="${src}" crossorigin="">`).join(''),
    `<style>:root{--spacing:.25rem;--thread-content-max-width:48rem;--header-height:52px}${stylesheet(rng, 72_000, utilitySelector)}</style>`,
  ].join('');
  const nav = ['New chat', 'Search chats', 'Images', 'Apps', 'Codex', 'Projects']
    .map(
      (label, i) =>
        `<a class="group __menu-item hoverable gap-1.5" data-sidebar-item="true" href="${i === 0 ? '/' : `/${label.toLowerCase().replace(/ /g, '-')}`}"><div class="flex items-center justify-center icon">${ICON(hex(rng, 6))}</div><div class="flex min-w-0 grow items-center gap-2.5"><div class="truncate">${label}</div></div></a>`,
    )
    .join('');
  const open = [
    `<script>!function(){try{var d=document.documentElement,c=d.classList;c.remove('light','dark');var e=localStorage.getItem('theme');if(e==='dark'||(!e&&matchMedia('(prefers-color-scheme: dark)').matches)){c.add('dark');d.style.colorScheme='dark'}else{c.add('light')}}catch(e){}}()</script>`,
    '<div class="fixed inset-x-0 top-0 z-50 flex justify-center not-has-focus-visible:sr-only"><a class="rounded-2xl px-4 py-2" href="#main">Skip to content</a></div>',
    '<div class="flex h-svh w-screen flex-col"><div class="relative z-0 flex min-h-0 w-full flex-1">',
    `<div class="bg-token-sidebar-surface-primary relative z-21 h-full shrink-0 overflow-hidden border-e max-md:hidden" id="stage-slideover-sidebar" style="width:var(--sidebar-width)"><nav class="flex h-full w-full flex-col" aria-label="Chat history"><div class="sticky top-0 z-30 p-2">${nav}</div><div class="mt-auto p-3"><div class="text-sm font-semibold">Get responses tailored to you</div><div class="text-token-text-secondary text-sm">Log in to get answers based on saved chats, plus create images and upload files.</div><button class="btn btn-primary mt-3 w-full" data-testid="login-button">Log in</button></div></nav></div>`,
    '<div class="relative flex h-full max-w-full flex-1 flex-col overflow-hidden"><header id="page-header" class="draggable sticky top-0 z-10 flex h-(--header-height) items-center justify-between px-2"><button aria-label="Model selector" class="group flex items-center gap-1 rounded-lg px-2.5 py-1.5 text-lg">ChatGPT</button><div class="flex items-center gap-2"><button class="btn btn-primary" data-testid="login-button">Log in</button><button class="btn btn-secondary" data-testid="signup-button">Sign up for free</button></div></header>',
    '<main class="transition-width relative h-full w-full flex-1 overflow-auto" id="main" z-index="-1"><div id="thread" class="group/thread flex h-full flex-col overflow-y-auto"><div role="presentation" class="composer-parent flex flex-1 flex-col focus-visible:outline-0"><div class="flex flex-col text-sm pb-25">',
  ].join('');
  const close = [
    '</div></div></div>',
    `<div id="thread-bottom-container" class="sticky bottom-0 z-10 w-full"><form class="w-full" data-type="unified-composer"><div class="bg-token-bg-primary shadow-short flex cursor-text flex-col overflow-clip rounded-[28px] p-2.5"><div class="ProseMirror" contenteditable="true" id="prompt-textarea" data-virtualkeyboard="true"><p data-placeholder="Ask anything" class="placeholder"><br class="ProseMirror-trailingBreak"></p></div><div class="flex items-center gap-2"><button type="button" aria-label="Add files and more" class="composer-btn">${ICON('plus')}</button><button id="composer-submit-button" aria-label="Send prompt" data-testid="send-button" class="composer-submit-btn">${ICON('arrow-up')}</button></div></div></form><div class="text-token-text-secondary flex min-h-8 w-full items-center justify-center p-2 text-center text-xs">ChatGPT can make mistakes. Double-check important details.</div></div>`,
    '</main></div></div></div>',
    `<script nonce="${uuid(rng)}">window.__oai_logHTML?window.__oai_logHTML():window.__oai_SSR_HTML=window.__oai_SSR_HTML||Date.now();</script>`,
    scripts
      .slice(0, 6)
      .map((src) => `<script type="module" src="${src}" crossorigin=""></script>`)
      .join(''),
    `<script>(self.__oai_chunks=self.__oai_chunks||[]).push([[${rng.int(100, 999)}],{${bundle(rng, 118_000)}}])</script>`,
  ].join('');
  return { build, head, open, close };
});

function pill(sources: readonly Source[], numbers: readonly number[]): string {
  const first = sources[(numbers[0] ?? 1) - 1];
  if (!first) return '';
  const more = numbers.length > 1 ? `<span class="-me-1 ms-1 opacity-70">+${numbers.length - 1}</span>` : '';
  const label = `<span class="max-w-[15ch] grow truncate overflow-hidden text-center">${escapeHtml(first.siteName)}</span>${more}`;
  return `<span class="" data-state="closed"><span class="ms-1 inline-flex max-w-full items-center select-none relative top-[-0.094rem]" data-testid="webpage-citation-pill">${anchor(first.url, UTM, ' class="flex h-4.5 overflow-hidden rounded-xl px-2 text-[9px] font-medium text-token-text-secondary! bg-[#F4F4F4]! dark:bg-[#303030]!"', label)}</span></span>`;
}

/** The "Sources" button under the answer, with the first sources' icons, as the live page has it. */
function sourcesButton(ctx: RenderContext): string {
  const icons = ctx.answer.sources
    .slice(0, 3)
    .map(
      (source) =>
        `<div class="border-token-bg-primary bg-token-bg-primary flex items-center overflow-clip rounded-full -ms-1.5 first:me-0 border-2 group-hover/footnote:border-token-bg-tertiary relative"><div class="relative inline-block shrink-0">${favicon(source.url, 32, 'icon-sm rounded-full border border-token-border-light border-[0.5px] duration-200 motion-safe:transition-opacity opacity-100')}</div></div>`,
    )
    .join('');
  if (!icons) return '';
  return `<button class="group/footnote bg-token-bg-primary hover:bg-token-bg-tertiary flex w-fit items-center gap-1.5 rounded-3xl py-1.5 ps-3 pe-3" aria-label="${escapeHtml(ctx.labels.sources)}" data-testid="sources-footnote-button"><div class="flex flex-row-reverse">${icons}</div><div class="text-token-text-secondary mt-[-1px] text-[13px] font-medium">${escapeHtml(ctx.labels.sources)}</div></button>`;
}

function sourcesPanel(ctx: RenderContext): string {
  if (ctx.answer.sources.length === 0) return '';
  const items = ctx.answer.sources
    .map(
      (source) =>
        `<li>${anchor(
          source.url,
          UTM,
          ' class="group flex flex-col gap-1 rounded-xl px-3 py-2.5 hover:bg-token-bg-secondary"',
          `<div class="flex items-center gap-1.5 text-xs text-token-text-secondary">${favicon(source.url, 16, 'icon-xs rounded-full')}<span class="truncate">${escapeHtml(source.siteName)}</span></div><div class="line-clamp-2 text-sm font-semibold">${escapeHtml(source.title)}</div><div class="line-clamp-2 text-sm text-token-text-secondary">${escapeHtml(source.snippet)}</div>`,
        )}</li>`,
    )
    .join('');
  return `<section aria-label="${escapeHtml(ctx.labels.sources)}" class="flex h-full flex-col" data-testid="sources-flyout"><div class="flex items-center justify-between px-4 py-3"><h2 class="text-lg font-semibold">${escapeHtml(ctx.labels.sources)}</h2><button aria-label="Close" class="rounded-full p-1">${ICON('close')}</button></div><ul class="flex flex-col gap-1 px-1.5 pb-4">${items}</ul></section>`;
}

function adsPanel(ctx: RenderContext): string {
  if (ctx.answer.ads.length === 0) return '';
  const cards = ctx.answer.ads
    .map((ad) =>
      anchor(
        ad.url,
        UTM,
        ' class="flex w-64 shrink-0 flex-col gap-1 rounded-2xl border border-token-border-default p-3" data-testid="sponsored-card"',
        `<div class="text-xs text-token-text-secondary">${escapeHtml(ad.advertiser)}</div><div class="line-clamp-2 font-semibold">${escapeHtml(ad.title)}</div><div class="line-clamp-2 text-token-text-secondary">${escapeHtml(ad.description)}</div>${ad.price === null ? '' : `<div class="mt-1 font-medium">${escapeHtml(ad.price)}</div>`}`,
      ),
    )
    .join('');
  return `<div class="border-token-border-default mt-2 border-t py-4 text-sm" data-testid="sponsored-results"><div class="text-token-text-tertiary mb-2 text-xs font-medium">${escapeHtml(ctx.labels.sponsored)}</div><div class="flex gap-3 overflow-x-auto">${cards}</div></div>`;
}

function fragments(ctx: RenderContext): Fragments {
  const { labels, rng } = ctx;
  const userId = uuid(rng);
  const markdown = renderMarkdown(ctx.answer.markdown, ctx.answer.sources, {
    attributes: (node) => ` data-start="${node.start}" data-end="${node.end}"`,
    citation: pill,
    table: (html) =>
      `<div class="TyagGW_tableContainer horzScrollShadows"><div tabindex="-1" class="TyagGW_tableWrapper group flex w-fit flex-col-reverse">${html}</div></div>`,
    paragraphsInListItems: true,
  });
  const actions = ['Copy', 'Good response', 'Bad response', 'Share', 'More actions']
    .map(
      (label) =>
        `<button class="text-token-text-secondary hover:bg-token-bg-secondary rounded-lg" aria-label="${label}"><span class="flex h-8 w-8 items-center justify-center">${ICON(label.toLowerCase().replace(/ /g, '-'))}</span></button>`,
    )
    .join('');
  return {
    prompt: `<section class="${TURN_CLASS}" dir="auto" data-turn-id="${userId}" data-testid="conversation-turn-1" data-scroll-anchor="false" data-turn="user"><h4 class="sr-only select-none">${escapeHtml(labels.youSaid)}${labels.colon}</h4><div class="text-base my-auto mx-auto pt-3 ${CONTENT_MARGIN}"><div class="${THREAD_WIDTH}"><div data-message-author-role="user" data-message-id="${userId}" dir="auto" class="text-message relative flex w-full flex-col items-end gap-2 break-words whitespace-normal"><div class="flex w-full flex-col items-end gap-1"><div class="user-message-bubble-color relative max-w-(--user-chat-width,70%) rounded-[22px] px-4 py-2.5"><div class="whitespace-pre-wrap">${escapeHtml(ctx.conversation.prompt)}</div></div></div></div></div></div></section>`,
    completion: `<section class="${TURN_CLASS}" dir="auto" data-turn-id="request-WEB:${uuid(rng)}-0" data-testid="conversation-turn-2" data-scroll-anchor="true" data-turn="assistant"><h4 class="sr-only select-none">${escapeHtml(labels.modelSaid('ChatGPT'))}${labels.colon}</h4><div class="text-base my-auto mx-auto pb-10 ${CONTENT_MARGIN}"><div class="${THREAD_WIDTH} agent-turn"><div class="flex max-w-full flex-col gap-4 grow"><div data-message-author-role="assistant" data-message-id="${uuid(rng)}" dir="auto" data-message-model-slug="gpt-5" class="text-message relative flex w-full flex-col gap-2 break-words whitespace-normal"><div class="flex w-full flex-col gap-1 empty:hidden"><div class="markdown prose dark:prose-invert w-full wrap-break-word light markdown-new-styling">${markdown}</div></div></div></div><div class="z-0 flex min-h-[46px] justify-start"><div aria-label="Response actions" role="group" tabindex="-1" class="${ACTIONS_CLASS}">${actions}${sourcesButton(ctx)}</div></div></div></div></section>`,
    sources: sourcesPanel(ctx),
    ads: adsPanel(ctx),
  };
}

function document(ctx: RenderContext, body: string): string {
  const { build, head } = shell();
  return htmlDocument({
    lang: ctx.lang,
    htmlAttributes: ` data-build="prod-${build}" dir="ltr" class="light" style="color-scheme: light;"`,
    head: `${head}<meta name="dd-trace-id" content="${ctx.rng.int(1e9, 9e9)}${ctx.rng.int(1e9, 9e9)}">`,
    bodyAttributes: ' class=""',
    body,
  });
}

export const chatgpt: ModelRenderer = {
  fragments,
  fanouts: (answer) => [...answer.fanouts],
  page(ctx, parts) {
    const { open, close } = shell();
    return document(ctx, `${open}${parts.prompt}${parts.completion}${parts.sources}${parts.ads}${close}`);
  },
  raw(ctx) {
    const { open, close } = shell();
    const { conversation, answer, rng } = ctx;
    const conversationId = uuid(rng);
    const userId = uuid(rng);
    const assistantId = uuid(rng);
    const payload = {
      basename: '/',
      isSpaMode: false,
      state: {
        loaderData: {
          'routes/c.$conversationId': {
            conversation: {
              conversation_id: conversationId,
              title: conversation.prompt.slice(0, 60),
              default_model_slug: 'gpt-5',
              current_node: assistantId,
              mapping: {
                [userId]: {
                  id: userId,
                  children: [assistantId],
                  message: {
                    author: { role: 'user' },
                    content: { content_type: 'text', parts: [conversation.prompt] },
                  },
                },
                [assistantId]: {
                  id: assistantId,
                  parent: userId,
                  message: {
                    author: { role: 'assistant' },
                    content: { content_type: 'text', parts: [answer.markdown] },
                    metadata: {
                      search_queries: answer.fanouts.map((q) => ({ type: 'search', q })),
                      content_references: answer.sources.map((source, i) => ({
                        matched_text: `[${i + 1}]`,
                        ...source,
                      })),
                      ads: answer.ads,
                    },
                  },
                },
              },
            },
          },
        },
      },
    };
    return document(
      ctx,
      `${open}${close}<script nonce="${uuid(rng)}">window.__reactRouterContext = ${scriptJson(payload)};</script>`,
    );
  },
};
