import { createRng, deriveSeed } from '../../kernel/random.ts';
import { makeAds } from './ads.ts';
import { makeItems } from './catalog.ts';
import { makeFanouts } from './fanouts.ts';
import { labelLang, labelsFor, pageLang } from './labels.ts';
import { answerLanguage } from './locale.ts';
import { chatgpt } from './models/chatgpt.ts';
import { copilot } from './models/copilot.ts';
import { gemini } from './models/gemini.ts';
import { perplexity } from './models/perplexity.ts';
import { profileFor } from './profile-variants.ts';
import { expandChrome } from './shell.ts';
import type { ModelRenderer, RenderContext } from './render.ts';
import { type DomainStyle, makeSources } from './sources.ts';
import { analyzePrompt } from './topic.ts';
import type { Completion, Conversation, Model } from '../conversation.ts';
import type { Answer, RenderedConversation } from './types.ts';
import { createCiter, writeMarkdown } from './writers/index.ts';

export { analyzePrompt, type Intent, type Topic } from './topic.ts';
export type { DomainStyle } from './sources.ts';
export type { Completion, Conversation, Model } from '../conversation.ts';
export type { Ad, Answer, RenderedConversation, Source } from './types.ts';

const RENDERERS: Record<Model, ModelRenderer> = { chatgpt, gemini, perplexity, copilot };

export interface GenerateOptions {
  /**
   * Where cited pages and ads point: `reserved` (the default) uses `.example` domains, which no
   * crawler can reach by accident; `public` gives realistic `.com`-style ones.
   */
  domains?: DomainStyle;
}

/**
 * What the chatbot answers to the conversation's prompt: Markdown about the prompt's topic with
 * `[n]` citations, the sources cited, the searches run and, for shopping prompts, ads. Each part
 * draws from its own stream of the seed, so changing how one is written leaves the others alone.
 */
export function generateAnswer(
  conversation: Conversation,
  seed: number,
  options: GenerateOptions = {},
): Answer {
  const topic = analyzePrompt(conversation.prompt);
  const profile = profileFor(topic.category, topic.keywords, topic.pick);
  const domains = options.domains ?? 'reserved';
  // A poem or a sum cites nothing: chatbots answer those without searching.
  const computed = topic.fact?.kind === 'conversion' || topic.fact?.kind === 'arithmetic';
  const sources =
    topic.subject && !topic.ask.piece && !computed
      ? makeSources(topic, profile, createRng(deriveSeed(seed, 'sources')), domains)
      : [];
  const items =
    topic.intent === 'recommendation' ? makeItems(topic, profile, createRng(deriveSeed(seed, 'items'))) : [];
  const rng = createRng(deriveSeed(seed, 'prose'));
  const markdown = writeMarkdown({
    topic,
    profile,
    items,
    rng,
    city: conversation.city,
    language: answerLanguage(conversation),
    cite: createCiter(sources.length, rng),
  });
  return {
    markdown,
    sources,
    fanouts: makeFanouts(topic, conversation.city, createRng(deriveSeed(seed, 'fanouts'))),
    ads: makeAds(topic, profile, items, createRng(deriveSeed(seed, 'ads')), domains),
  };
}

/** The conversation as the chatbot's page shows it: the API Completion, and the page as sent before rendering. */
export function renderConversation(
  conversation: Conversation,
  answer: Answer,
  seed: number,
): RenderedConversation {
  const { completion, raw } = renderMarked(conversation, answer, seed);
  const { model } = conversation;
  return {
    completion: { ...completion, html: expandChrome(model, completion.html) },
    raw: expandChrome(model, raw),
  };
}

/**
 * A rendered conversation whose raw page is made when first read. A class, not an object literal
 * with a getter: such literals kept what they held alive past the young collections (a page's
 * worth of garbage promoted with each; see ExactContext in http/openapi-router.ts).
 */
class MarkedConversation implements RenderedConversation {
  readonly completion: Completion;
  readonly #makeRaw: () => string;
  #raw: string | undefined;
  constructor(makeRaw: () => string, completion: Completion) {
    this.#makeRaw = makeRaw;
    this.completion = completion;
  }
  get raw(): string {
    return (this.#raw ??= this.#makeRaw());
  }
}

/**
 * renderConversation with the pages' chrome marked, not written out (see chromeShell): what a
 * reply encodes, splicing in the chrome's ready bytes. The raw page is made when first read:
 * only `format=raw` sends it.
 */
export function renderMarked(conversation: Conversation, answer: Answer, seed: number): RenderedConversation {
  const renderer = RENDERERS[conversation.model];
  const lang = pageLang(conversation);
  const context = (stream: string): RenderContext => ({
    conversation,
    answer,
    rng: createRng(deriveSeed(seed, stream, conversation.model)),
    lang,
    labels: labelsFor(labelLang(conversation, lang)),
  });
  const fragments = renderer.fragments(context('fragments'));
  return new MarkedConversation(() => renderer.raw(context('raw')), {
    model: conversation.model,
    query: conversation.prompt,
    html: renderer.page(context('page'), fragments),
    prompt: fragments.prompt,
    completion: fragments.completion,
    sources: fragments.sources,
    ads: fragments.ads,
    fanouts: renderer.fanouts(answer),
    device: conversation.device,
    country: conversation.country,
    subdivision: conversation.subdivision,
    city: conversation.city,
    language: conversation.language,
    display: conversation.display,
  });
}
