import type { Writer } from './context.ts';

/** A prompt with nothing to answer ("?!", "hi"): what a chatbot says back. */
export const clarify: Writer = (ctx) => [
  ctx.rng.pick([
    `It looks like your message didn't come through fully — could you tell me a bit more about what you're looking for?`,
    `Hi! What can I help you with today?`,
  ]),
  `Here are a few things I can help with:`,
  `- **Answering questions** on almost any topic\n- **Recommendations** for products, places or tools\n- **Step-by-step help** with tasks and how-tos\n- **Comparisons** between two options`,
  `Just type your question and I'll take it from there.`,
];
