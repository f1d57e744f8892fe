import type { Rng } from '../../../kernel/random.ts';
import { gerund } from '../english.ts';
import { bullets, forms, heading, para, type ProseContext, type Writer } from './context.ts';
import { type Step, STEP_BANKS, type StepBank, stepKind, type StepWords } from './steps.ts';

/** 4 to 6 steps, one or two per phase, always in the order they happen. */
function chooseSteps(rng: Rng, bank: StepBank, words: StepWords): Array<readonly [string, string]> {
  const pools = [bank.prepare, bank.begin, bank.work, bank.check, bank.finish];
  const phases: Array<readonly Step[]> = [
    rng.chance(0.35) && bank.prepare.length > 1 ? bank.prepare : [rng.pick(bank.prepare)],
    [rng.pick(bank.begin)],
    rng.sample(bank.work, rng.int(1, Math.min(2, bank.work.length))),
    rng.chance(0.75) ? [rng.pick(bank.check)] : [],
    [rng.pick(bank.finish)],
  ];
  // Several picks from one phase keep the bank's order too.
  const steps = phases.flatMap((phase, i) => {
    const pool = pools[i] ?? [];
    return [...phase].sort((x, y) => pool.indexOf(x) - pool.indexOf(y));
  });
  while (steps.length < 4) {
    const extra =
      bank.work.find((step) => !steps.includes(step)) ?? bank.check.find((step) => !steps.includes(step));
    if (!extra) break;
    steps.splice(steps.length - 1, 0, extra);
  }
  // Trim to six at most by dropping from the middle, never the first or last step.
  while (steps.length > 6) steps.splice(rng.int(1, steps.length - 2), 1);
  return steps.map((step) => step(words));
}

/** The opening: tips for a thing, or the steps to a task. */
function introduction(
  ctx: ProseContext,
  tipsOnly: boolean,
  { focus, goal, task, qualifier }: { focus: string; goal: string; task: string; qualifier: string },
): string {
  const { rng } = ctx;
  return tipsOnly
    ? rng.pick([
        para(ctx, [`Here are practical tips for ${focus}${qualifier}, in the order you'll need them.`], 0.7),
        para(
          ctx,
          [
            `Getting good results with ${focus} is mostly about a few habits.`,
            `Here they are, from getting set up with ${focus} to keeping it going.`,
          ],
          0.7,
        ),
      ])
    : rng.pick([
        para(ctx, [`Here's a clear, step-by-step way to ${goal}.`], 0.7),
        para(
          ctx,
          [
            `Learning to ${goal} is easier than it looks once you break it into a few steps.`,
            `Here's the order that works for most people who ${task} for the first time.`,
          ],
          0.7,
        ),
        para(
          ctx,
          [`Sure! Here's how to ${goal}, plus a few tips to avoid the usual mistakes with ${focus}.`],
          0.7,
        ),
      ]);
}

export const howto: Writer = (ctx) => {
  const { rng, topic } = ctx;
  const f = forms(topic);
  const tipsOnly = !f.task;
  const task = f.task || `get started with ${f.focus}`;
  // "how to meditate": the task has no object, so sentences talk about "meditating".
  const focus = f.task && f.focus === f.task ? gerund(f.focus) : f.focus;
  const words: StepWords = { task, focus, activity: /^\p{L}+ing$/u.test(focus) ? focus : null };
  const bank = STEP_BANKS[stepKind(task, topic.category)];
  const steps = chooseSteps(rng, bank, words);
  const goal = `${task}${f.qualifier}`;
  const intro = introduction(ctx, tipsOnly, { focus, goal, task, qualifier: f.qualifier });
  const tips = bullets(
    rng.sample(bank.tips, 3).map((tip, i) => `${tip(words)}${i === 0 ? ctx.cite.maybe(0.5) : ''}`),
  );
  const follow = rng.pick([
    `If you tell me more about your situation, I can tailor these steps to ${focus}.`,
    `Did that help? If you get stuck on a specific step with ${focus}, tell me where and I'll walk you through it.`,
    `Want a printable checklist version of these steps to ${task}?`,
  ]);
  if (rng.chance(0.5)) {
    return [
      intro,
      heading(ctx, "What you'll need"),
      bullets(rng.sample(bank.need, 3)),
      heading(ctx, tipsOnly ? 'Step by step' : 'Step-by-step'),
      bullets(
        steps.map(([lead, text]) => `**${lead}:** ${text}${ctx.cite.maybe(0.45)}`),
        true,
      ),
      heading(ctx, 'Tips'),
      tips,
      follow,
    ];
  }
  return [
    intro,
    ...steps.flatMap(([lead, text], i) => [`### ${i + 1}. ${lead}`, para(ctx, [text], 0.5)]),
    heading(ctx, 'Common mistakes to avoid'),
    tips,
    para(
      ctx,
      [
        rng.pick([
          `Most people get the hang of ${focus} within a few tries.`,
          `Once you have done it once, the next time you ${task} takes a fraction of the effort.`,
          `If the result is not what you expected, go back one step rather than starting ${focus} over.`,
        ]),
      ],
      0.4,
    ),
    follow,
  ];
};
