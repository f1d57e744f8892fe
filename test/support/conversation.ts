import type { Conversation, Model } from '../../src/core/massive/conversation.ts';

/** A conversation from Portland, US, with whatever a test changes. */
export function conversation(
  prompt: string,
  model: Model = 'chatgpt',
  extra: Partial<Conversation> = {},
): Conversation {
  return {
    prompt,
    model,
    device: null,
    country: 'US',
    subdivision: null,
    city: 'Portland',
    language: null,
    display: null,
    ...extra,
  };
}
