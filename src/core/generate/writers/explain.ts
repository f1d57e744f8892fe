import { isPlural } from '../english.ts';
import { bullets, forms, heading, para, type Writer } from './context.ts';

/** Answers "why is the sky blue", "how do tides work": an explanation in plain steps. */
export const explain: Writer = (ctx) => {
  const { rng, topic, profile } = ctx;
  const f = forms(topic);
  const question = f.subject; // "why the sky is blue"
  const about = f.focus; // "the sky"
  const many = isPlural(about);
  const field = rng.pick(profile.fields);
  const intro = rng.pick([
    para(
      ctx,
      [
        `Here's ${question}, in plain terms.`,
        `The short version: ${about} ${many ? 'come' : 'comes'} down to a few basic principles of ${field}.`,
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
      `**Start with the basics:** ${about} ${rng.pick(many ? ['follow', 'are governed by'] : ['follows', 'is governed by'])} the same rules as everything around ${many ? 'them' : 'it'}; the key is knowing which ones matter here.${ctx.cite.maybe(0.5)}`,
      `**The main cause:** one effect does most of the work, and ${rng.pick(['small changes to it', 'the conditions around it'])} explain most of what you notice about ${about}.`,
      `**The details:** secondary effects explain the exceptions, such as why ${about} can look or behave differently at certain times.${ctx.cite.maybe(0.4)}`,
    ],
    true,
  );
  const misconceptions = bullets(
    rng.sample(
      [
        `**"It's just one thing":** several effects combine in ${about}, even if one dominates.`,
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
    heading(ctx, 'A simple way to picture it'),
    para(ctx, [
      `Imagine ${rng.pick(['a filter', 'a funnel', 'a set of gears'])} sitting between the cause and what you observe in ${about}: it lets some effects through and holds others back.`,
      `That picture gets you most of the way to understanding ${question}.`,
    ]),
    heading(ctx, 'Common misconceptions'),
    misconceptions,
    rng.pick([
      `Want a more detailed explanation of ${question}, or a simple experiment you can try at home?`,
      `I can go deeper into what's behind ${about} if you're curious.`,
    ]),
  ];
};
