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
import { asset, bundle, chromeShell, hex, htmlDocument, shellRng, stylesheet } from '../shell.ts';
import type { Source } from '../types.ts';

const COMPONENTS = [
  'mat-mdc-button',
  'side-nav',
  'conversation-container',
  'input-area',
  'response-footer',
  'chip',
  'bard-sidenav',
  'tooltip',
  'query-content',
  'model-response-text',
  'source-card',
  'carousel',
];

/** Angular scopes component CSS with generated `_ngcontent` attributes; the page is full of them. */
const ngSelector = (rng: ReturnType<typeof shellRng>): string =>
  `.${rng.pick(COMPONENTS)}${rng.chance(0.5) ? `__${rng.pick(['label', 'icon', 'container', 'content', 'title'])}` : ''}[_ngcontent-ng-c${rng.int(1000000, 4000000000)}]`;

/** The gemini.google.com app around the conversation: built once. */
const shell = chromeShell('gemini', () => {
  const rng = shellRng('gemini');
  const ng = (): string => `_ngcontent-ng-c${rng.int(1000000, 4000000000)}=""`;
  const head = [
    '<meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1, maximum-scale=1">',
    '<title>Google Gemini</title><meta name="description" content="Meet Gemini, your personal AI assistant.">',
    '<meta property="og:title" content="Google Gemini"><meta property="og:site_name" content="Gemini"><link rel="icon" href="/_/static/lamda/images/gemini_favicon.png">',
    `<link rel="stylesheet" href="/_/mss/boq-bard-web/_/ss/k=boq-bard-web.BardChatUi.${hex(rng, 12)}.L.B1.O/am=${hex(rng, 24)}/d=1/rs=${hex(rng, 34)}">`,
    `<script nonce="">window.WIZ_global_data = ${scriptJson(Object.fromEntries(Array.from({ length: 160 }, () => [hex(rng, 6), rng.chance(0.5) ? hex(rng, 24) : rng.int(0, 99999)])))};</script>`,
    `<style>:root{--bard-color-surface:#fff;--gem-sys-color--on-surface:#1f1f1f}${stylesheet(rng, 175_000, ngSelector)}</style>`,
  ].join('');
  const sidenav = Array.from(
    { length: 8 },
    (_, i) =>
      `<side-nav-action-button ${ng()} class="mat-mdc-tooltip-trigger"><button ${ng()} class="mat-mdc-list-item side-nav-action-button" aria-label="${['New chat', 'Search', 'Gems', 'Explore Gems', 'Settings & help', 'Activity', 'Help', 'Send feedback'][i]}"><mat-icon ${ng()} class="mat-icon notranslate gds-icon-l google-symbols" aria-hidden="true" fonticon="${['edit_square', 'search', 'diamond', 'explore', 'settings', 'history', 'help', 'feedback'][i]}"></mat-icon></button></side-nav-action-button>`,
  ).join('');
  const open = [
    `<chat-app id="app-root" ${ng()} class="ng-tns-c${rng.int(1000, 9999)}-0"><main ${ng()} class="mdc-layout"><bard-sidenav-container ${ng()}><bard-sidenav ${ng()} class="sidenav-with-history-container">${sidenav}<div ${ng()} class="sign-in-prompt"><a ${ng()} class="gb_A" href="https://accounts.google.com/ServiceLogin?continue=https://gemini.google.com/app">Sign in</a></div></bard-sidenav>`,
    `<div ${ng()} class="content-wrapper"><top-bar-actions ${ng()}><div ${ng()} class="top-bar-actions"><span ${ng()} class="bard-logo-text">Gemini</span><button ${ng()} class="mat-mdc-button gds-mode-switch-button">Fast</button></div></top-bar-actions>`,
    `<chat-window ${ng()} class="ng-star-inserted"><div ${ng()} class="chat-history-scroll-container"><infinite-scroller ${ng()} class="chat-history" data-test-id="chat-history-container"><div ${ng()} class="conversation-container message-actions-hover-boundary" id="c_${hex(rng, 16)}">`,
  ].join('');
  const close = [
    `</div></infinite-scroller></div><input-container ${ng()}><fieldset ${ng()} class="input-area-container"><rich-textarea ${ng()} class="text-input-field_textarea"><div class="ql-editor ql-blank textarea" contenteditable="true" role="textbox" aria-label="Enter a prompt for Gemini" data-placeholder="Ask Gemini"><p><br></p></div></rich-textarea><button ${ng()} class="mat-mdc-icon-button send-button" aria-label="Send message"><mat-icon ${ng()} fonticon="send"></mat-icon></button></fieldset><hallucination-disclaimer ${ng()}><div ${ng()} class="capabilities-disclaimer">Gemini is AI and can make mistakes.</div></hallucination-disclaimer></input-container></chat-window></div></bard-sidenav-container></main></chat-app>`,
    `<script nonce="" src="${asset(rng, '/_/mss/boq-bard-web/_/js/k=boq-bard-web.BardChatUi.en.', 'm', 'js')}" async></script>`,
    `<script nonce="">this.gbar_=this.gbar_||{};(function(_){var window=this;try{_.${hex(rng, 3)}={${bundle(rng, 110_000)}}}catch(e){_._DumpException(e)}})(this.gbar_);</script>`,
  ].join('');
  return { head, open, close };
});

function footnote(sources: readonly Source[], numbers: readonly number[]): string {
  return eachCited(
    sources,
    numbers,
    (source, n) =>
      `<source-footnote class="ng-star-inserted"><sup class="superscript" data-turn-source-index="${n}" aria-label="${escapeHtml(source.siteName)}">${n}</sup></source-footnote>`,
  );
}

function sidebar(ctx: RenderContext): string {
  if (ctx.answer.sources.length === 0) return '';
  const cards = ctx.answer.sources
    .map(
      (source, i) =>
        `<inline-source-card class="ng-star-inserted" data-source-index="${i + 1}">${anchor(
          source.url,
          null,
          ' class="source-card"',
          `<div class="source-card-title gds-title-s">${escapeHtml(source.title)}</div><div class="source-card-domain">${favicon(source.url, 16, 'source-favicon')}<span>${sourceDomain(source)}</span></div><div class="source-card-snippet gds-body-s">${escapeHtml(source.snippet)}</div>`,
        )}</inline-source-card>`,
    )
    .join('');
  return `<context-sidebar class="ng-star-inserted"><div class="context-sidebar-container" role="complementary" aria-label="${escapeHtml(ctx.labels.sources)}"><h2 class="gds-title-m sidebar-title">${escapeHtml(ctx.labels.sources)}</h2><div class="source-list">${cards}</div></div></context-sidebar>`;
}

function fragments(ctx: RenderContext): Fragments {
  const { labels, rng } = ctx;
  const responseId = `r_${(rng.int(0, 0xffffff) * 0x1000000 + rng.int(0, 0xffffff)).toString(16).padStart(12, '0')}`;
  const lines = ctx.conversation.prompt
    .split('\n')
    .map((line) => `<p class="query-text-line ng-star-inserted">${line ? escapeHtml(line) : '<br>'}</p>`)
    .join('');
  const markdown = renderMarkdown(ctx.answer.markdown, ctx.answer.sources, {
    attributes: (node) => (node.tag === 'strong' ? '' : ` data-path-to-node="${node.path.join(',')}"`),
    citation: footnote,
    table: (html) =>
      `<table-block class="ng-star-inserted"><div class="table-block-component"><div class="table-content" data-hveid="0">${html}</div></div></table-block>`,
  });
  return {
    prompt: `<user-query class="ng-star-inserted"><span class="user-query-container right-align-content"><div class="query-content ng-star-inserted" id="user-query-content-0"><span class="cdk-visually-hidden">${escapeHtml(labels.youSaid)}</span><div class="query-text gds-body-l" dir="ltr">${lines}</div></div></span></user-query>`,
    completion: `<model-response class="ng-star-inserted"><div class="response-container response-container-with-gpi"><response-container class="ng-star-inserted"><div class="presented-response-container"><h2 class="cdk-visually-hidden">${escapeHtml(labels.modelSaid('Gemini'))}</h2><div class="response-content"><message-content id="message-content-id-${responseId}" class="model-response-text is-mobile-false"><div id="model-response-message-content${responseId}" class="markdown markdown-main-panel enable-updated-hr-color" dir="ltr" aria-live="polite" aria-busy="false">${markdown}</div></message-content></div></div><message-actions class="ng-star-inserted"><div class="actions-container-v2"><button aria-label="Good response" class="mat-mdc-icon-button"></button><button aria-label="Bad response" class="mat-mdc-icon-button"></button><button aria-label="Share &amp; export" class="mat-mdc-icon-button"></button><button aria-label="Copy response" class="mat-mdc-icon-button"></button></div></message-actions></response-container></div></model-response>`,
    sources: sidebar(ctx),
    ads: '',
  };
}

function document(ctx: RenderContext, body: string): string {
  return htmlDocument({
    lang: ctx.lang,
    htmlAttributes: ' dir="ltr" class="theme-host light-theme"',
    head: shell().head,
    bodyAttributes: ` class="light-theme" jscontroller="${hex(ctx.rng, 6)}"`,
    body,
  });
}

export const gemini: ModelRenderer = {
  fragments,
  fanouts: () => [],
  page(ctx, parts) {
    const { open, close } = shell();
    return document(ctx, `${open}${parts.prompt}${parts.completion}${close}${parts.sources}`);
  },
  raw(ctx) {
    const { open, close } = shell();
    const { conversation, answer, rng } = ctx;
    const data = [
      [`c_${hex(rng, 16)}`, `r_${hex(rng, 16)}`],
      null,
      [[conversation.prompt], 1, null, 0],
      [
        [
          [
            `rc_${hex(rng, 16)}`,
            [answer.markdown],
            [],
            answer.sources.map((s) => [s.url, s.title, s.siteName, s.snippet]),
          ],
        ],
      ],
    ];
    return document(
      ctx,
      `${open}${close}<script nonce="">AF_initDataCallback({key: 'ds:1', hash: '${rng.int(1, 9)}', data:${scriptJson(data)}, sideChannel: {}});</script>`,
    );
  },
};
