import { bullets, type Writer } from './context.ts';

/** A prompt with nothing to answer ("?!", "hi"): what a chatbot says back. */
export const clarify: Writer = ({ rng }) => [
  rng.pick([
    `It looks like your message didn't come through fully — could you tell me a bit more about what you're looking for?`,
    `Hi! What can I help you with today?`,
    `Happy to help. What would you like to know?`,
  ]),
  `Here are a few things I can help with:`,
  bullets(
    rng.sample(
      [
        '**Answering questions** on almost any topic',
        '**Recommendations** for products, places or tools',
        '**Step-by-step help** with tasks and how-tos',
        '**Comparisons** between two options',
      ],
      4,
    ),
  ),
  rng.pick([
    `Just type your question and I'll take it from there.`,
    `Ask away, in as much or as little detail as you like.`,
  ]),
];
