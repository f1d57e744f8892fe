/** The chatbots the API can ask. */
export const MODELS = ['chatgpt', 'gemini', 'perplexity', 'copilot'] as const;
export type Model = (typeof MODELS)[number];

/**
 * A validated, normalised conversation request: what the answer depends on. Geo and device values
 * are canonical (country upper-case, device in its catalogue spelling); `null` means not given.
 */
export interface Conversation extends Locale {
  prompt: string;
  model: Model;
}

/** Where a call is made from and in what language: the parameters the three services share. */
export interface Locale {
  device: string | null;
  country: string | null;
  subdivision: string | null;
  city: string | null;
  language: string | null;
  display: string | null;
}

/** The Completion object of the API (the May revision's keys; each revision's presenter maps it to its own). */
export interface Completion extends Locale {
  model: Model;
  query: string;
  html: string;
  prompt: string;
  completion: string;
  sources: string;
  ads: string;
  fanouts: string[];
}

/**
 * The cache key of a conversation: everything the answer depends on, and nothing about how it is
 * delivered (`format`, `mode`) or kept (`expiration`). The prompt is kept as typed: the live
 * chatbots answer "Shoes" and "shoes " differently.
 */
export function conversationKey(conversation: Conversation): string {
  const { prompt, model, device, country, subdivision, city, language, display } = conversation;
  return JSON.stringify([model, device, country, subdivision, city, language, display, prompt]);
}
