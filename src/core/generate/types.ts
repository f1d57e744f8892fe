/** The chatbots the API can ask. */
export const MODELS = ['chatgpt', 'gemini', 'perplexity', 'copilot'] as const;
export type Model = (typeof MODELS)[number];

/**
 * A validated, normalised conversation request: what the answer depends on. Geo and device values
 * are canonical (country upper-case, device in its catalogue spelling); `null` means not given.
 */
export interface Conversation {
  prompt: string;
  model: Model;
  device: string | null;
  country: string | null;
  subdivision: string | null;
  city: string | null;
  language: string | null;
  display: string | null;
}

/** A web page the answer cites. */
export interface Source {
  title: string;
  url: string;
  /** The publisher's display name, e.g. "Runner's World". */
  siteName: string;
  snippet: string;
}

/** A sponsored result, shown by ChatGPT under some commercial answers. */
export interface Ad {
  title: string;
  url: string;
  advertiser: string;
  description: string;
  price: string | null;
}

/**
 * What the chatbot said, independent of how its page shows it. Generated from the prompt, or
 * loaded from a canned fixture; each model's renderer turns it into that chatbot's HTML.
 */
export interface Answer {
  /** The answer in Markdown; `[n]` cites `sources[n - 1]`. */
  markdown: string;
  sources: Source[];
  /** The search queries the model ran; only some models expose them. */
  fanouts: string[];
  ads: Ad[];
}

/** The Completion object of the API (see openapi/ai.yaml). */
export interface Completion {
  model: Model;
  query: string;
  html: string;
  prompt: string;
  completion: string;
  sources: string;
  ads: string;
  fanouts: string[];
  device: string | null;
  country: string | null;
  subdivision: string | null;
  city: string | null;
  language: string | null;
  display: string | null;
}

/** A completion with both HTML forms of its page: `completion.html` is `format=rendered`. */
export interface RenderedConversation {
  completion: Completion;
  /** The page as the chatbot sends it before rendering (`format=raw`). */
  raw: string;
}
