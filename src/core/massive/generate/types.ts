import type { Completion } from '../conversation.ts';

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

/** A completion with both HTML forms of its page: `completion.html` is `format=rendered`. */
export interface RenderedConversation {
  completion: Completion;
  /** The page as the chatbot sends it before rendering (`format=raw`). */
  raw: string;
}
