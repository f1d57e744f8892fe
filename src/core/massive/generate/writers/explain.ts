import { bullets, forms, heading, para, type Writer } from './context.ts';

/** Answers "why is the sky blue", "how do tides work": an explanation in plain steps. */
export const explain: Writer = (ctx) => {
  const { rng, topic, profile } = ctx;
  const f = forms(topic);
  const question = f.subject; // "why the sky is blue"
  const about = f.focus; // "the sky"
  const field = rng.pick(profile.fields);
  const intro = rng.pick([
    para(
      ctx,
      [
        `Here's ${question}, in plain terms.`,
        `The short version: it comes down to a few basic principles of ${field}.`,
      ],
      0.8,
    ),
    para(
      ctx,
      [`Good question! Explaining ${question} takes only a few ideas, and they fit together neatly.`],
      0.8,
    ),
  ]);
  const steps = bullets(
    [
      `**Start with the basics:** the explanation of ${question} rests on a few well-understood ideas, which good sources set out first.${ctx.cite.maybe(0.5)}`,
      `**The main cause:** one factor does most of the work, and most of what you notice about ${about} follows from it.`,
      `**The details:** smaller effects explain the exceptions, such as why ${about} can be different at certain times.${ctx.cite.maybe(0.4)}`,
    ],
    true,
  );
  const misconceptions = bullets(
    rng.sample(
      [
        `**"It's just one thing":** several factors combine in ${question}, even if one dominates.`,
        `**"It's always the same":** conditions change what you see with ${about}.`,
        `**"Nobody really knows":** the core explanation of ${question} is well established; only the fine details are still studied.${ctx.cite.maybe(0.5)}`,
      ],
      2,
    ),
  );
  return [
    intro,
    heading(ctx, 'Step by step'),
    steps,
    heading(ctx, 'Where to read more'),
    para(ctx, [
      `A well-sourced explainer or an encyclopedia entry on ${question} shows the evidence behind each step.`,
      rng.pick([
        `Diagrams help a lot with ${about}, so look for a source that has them.`,
        `Short videos on ${question} are a good complement to a written explanation.`,
      ]),
    ]),
    heading(ctx, 'Common misconceptions'),
    misconceptions,
    rng.pick([
      `Want a more detailed explanation of ${question}, or a simple experiment you can try at home?`,
      `I can go deeper into what's behind ${about} if you're curious.`,
    ]),
  ];
};
