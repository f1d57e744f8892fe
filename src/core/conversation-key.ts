import type { Conversation } from './generate/types.ts';

/**
 * The cache key of a conversation: everything the answer depends on, and nothing about how it is
 * delivered (`format`, `mode`) or kept (`expiration`). The prompt is kept as typed: the live
 * chatbots answer "Shoes" and "shoes " differently.
 */
export function conversationKey(conversation: Conversation): string {
  const { prompt, model, device, country, subdivision, city, language, display } = conversation;
  return JSON.stringify([model, device, country, subdivision, city, language, display, prompt]);
}
