import { bullets, forms, heading, para, type Writer } from './context.ts';
import { factual } from './factual.ts';

/**
 * "Who is X": nothing about the person is invented (no profession, dates or nationality). The
 * answer says what a good profile of X covers and where to read one, as a careful assistant
 * without a source would.
 */
export const whoIs: Writer = (ctx) => {
  const { rng, topic } = ctx;
  // "who is the ceo of microsoft" asks for a fact, not about a person named in the prompt.
  if (
    /\b(?:ceo|president|founder|owner|prime minister|inventor|author|head|leader|king|queen) of\b/i.test(
      topic.subject,
    )
  )
    return factual(ctx);
  const f = forms(topic);
  const who = f.Name;
  const intro = rng.pick([
    para(
      ctx,
      [
        `Here's a careful overview of **${who}**: what most profiles of ${who} cover, and where to check the details.`,
        `Roles and titles change, so for anything current about ${who}, the most recent official sources are the ones to trust.`,
      ],
      0.9,
    ),
    para(
      ctx,
      [
        `**${who}** is discussed in a lot of places, and the most reliable picture of ${who} comes from sources that are close to the person and recently updated.`,
        `Below is what accounts of ${who} usually include, so you know what to look for.`,
      ],
      0.9,
    ),
  ]);
  const covers = bullets(
    rng.sample(
      [
        `**Background:** where ${who} started out, and what led to the work ${who} is known for.${ctx.cite.maybe(0.4)}`,
        `**Main work:** the roles, projects or achievements most often associated with ${who}.${ctx.cite.maybe(0.5)}`,
        `**Recent news:** what ${who} has been doing lately, which changes faster than any summary.`,
        `**Influence:** how others in the same field describe the impact of ${who}.`,
        `**In their own words:** interviews, talks or writing by ${who}, which often say more than summaries do.`,
      ],
      4,
    ),
  );
  return [
    intro,
    heading(ctx, `What profiles of ${who} usually cover`),
    covers,
    heading(ctx, 'Where to check'),
    para(ctx, [
      `An official biography or website for ${who} is the best first stop, followed by a well-edited encyclopedia entry.`,
      rng.pick([
        `Recent interviews with ${who} are the best way to hear how the work is described first-hand.`,
        `For dates and titles, prefer sources about ${who} that show when they were last updated.`,
      ]),
    ]),
    rng.pick([
      `If you tell me which ${who} you mean, or what you want to know (career, early life, recent news), I can focus on that.`,
      `Is there a particular part of the life or work of ${who} you'd like to know more about?`,
    ]),
  ];
};
