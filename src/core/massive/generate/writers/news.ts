import { bullets, forms, heading, para, type Writer, yearOf } from './context.ts';
import { weather } from './weather.ts';

/**
 * Latest news on a subject: the generator has no news, so it invents no event, figure or
 * quote. It says what coverage of the subject is about and how to follow it, with citations.
 */
export const news: Writer = (ctx) => {
  const { rng, topic } = ctx;
  if (/\b(weather|forecast)\b/i.test(topic.clause)) return weather(ctx);
  const f = forms(topic);
  const subject = f.subject;
  const year = yearOf(topic);
  const angles = bullets(
    rng
      .sample(
        [
          `**Official updates:** announcements from the organisations involved in ${subject} are where changes show up first.`,
          `**Analysis:** commentators are weighing what the latest developments in ${subject} mean for the rest of ${year}.`,
          `**Data:** new figures on ${subject} tend to move coverage the most, so check when each was released.`,
          `**Reactions:** responses from the public and from people who work on ${subject} vary widely.`,
          `**Open questions:** several points about ${subject} are still unresolved, and reports differ on the timing.`,
        ],
        rng.int(3, 4),
      )
      .map((line) => `${line}${ctx.cite.maybe(0.7)}`),
  );
  return [
    rng.pick([
      para(
        ctx,
        [
          `Here's a roundup of what recent coverage of **${subject}** focuses on, with sources to read the details.`,
        ],
        0.6,
      ),
      para(
        ctx,
        [
          `News on **${subject}** moves quickly, so rather than a single headline, here are the threads most ${year} coverage follows.`,
        ],
        0.6,
      ),
    ]),
    heading(ctx, `What coverage of ${subject} focuses on`),
    angles,
    heading(ctx, 'Why it matters'),
    para(ctx, [
      `For anyone following ${subject}, the main question is how the latest changes play out over the coming months.`,
      rng.pick([
        `Early reports on ${subject} are often revised, so a second source is worth checking.`,
        `Headlines about ${subject} can run ahead of the details, which usually arrive in official statements.`,
      ]),
    ]),
    heading(ctx, `How to follow ${subject}`),
    para(ctx, [
      `Set an alert for ${subject} on a news app you trust, and prefer reports that link to their primary sources.`,
    ]),
    rng.pick([
      `Would you like me to focus on one angle of ${subject}, such as the numbers or the official statements?`,
      `News on ${subject} moves fast; tell me which part you care about and I'll dig into it.`,
    ]),
  ];
};
