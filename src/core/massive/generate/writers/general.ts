import type { Category } from '../profiles.ts';
import { upper } from '../english.ts';
import { bullets, type Forms, forms, heading, para, type ProseContext, type Writer } from './context.ts';
import { clarify } from './clarify.ts';
import { explain } from './explain.ts';
import { QUESTION, question } from './question.ts';
import { FACT_QUESTION, factual } from './factual.ts';

type Angle = readonly [string, (f: Forms, name: string) => string];

/** What an overview covers, by field: each a lead and a sentence about the subject. */
const ANGLES: Partial<Record<Category, readonly Angle[]>> & { other: readonly Angle[] } = {
  travel: [
    ['Book ahead, but not too far', (_, n) => `prices for ${n} are usually best one to three months out.`],
    ['Stay flexible', (_, n) => `shifting your dates by a day or two often changes the price of ${n}.`],
    ['Compare more than one site', (_, n) => `booking sites rarely show the same prices for ${n}.`],
    ['Check the total', (_, n) => `fees and extras can turn a bargain on ${n} into an average deal.`],
  ],
  food: [
    ['Start with good ingredients', (_, n) => `they matter more for ${n} than any special equipment.`],
    ['Keep it simple', (_, n) => `the classic versions of ${n} are popular for a reason.`],
    ['Mind the timing', (_, n) => `most problems with ${n} come from rushing a step.`],
    ['Ask locals', (_, n) => `the best places for ${n} are often small ones that never advertise.`],
  ],
  health: [
    ['Start gently', (_, n) => `small, regular changes stick better than big ones when it comes to ${n}.`],
    ['Look at the evidence', (_, n) => `advice on ${n} varies, so favour sources that cite studies.`],
    ['Listen to your body', (_, n) => `what works for one person with ${n} may not suit another.`],
    [
      'Talk to a professional',
      (_, n) => `a doctor or pharmacist can tailor advice on ${n} to your situation.`,
    ],
  ],
  finance: [
    [
      'Know the costs',
      (_, n) => `fees and charges make a bigger difference to ${n} than most people expect.`,
    ],
    ['Think long term', (_, n) => `decisions about ${n} usually pay off over years, not weeks.`],
    ['Understand the risks', (_, n) => `with ${n}, higher returns almost always come with more uncertainty.`],
    ['Check the rules', (_, n) => `the tax treatment of ${n} varies by country and changes over time.`],
  ],
  other: [
    [
      'The basics',
      (f, n) =>
        `most people first want to know what ${n} ${f.be} and why ${f.it} ${f.plural ? 'come' : 'comes'} up so often.`,
    ],
    ['The numbers', (_, n) => `figures on ${n} change over time, so check how recent a source is.`],
    ['Different perspectives', (_, n) => `experts don't always agree about ${n}, and that's normal.`],
    ['Recent changes', (_, n) => `a lot has changed around ${n} in the last few years.`],
    [
      'Where to look',
      (_, n) => `encyclopedias and official sources are the most reliable place to start on ${n}.`,
    ],
  ],
};

interface Overview {
  intro: string;
  context: string;
  factors: string;
  facts: string[];
  follow: string;
}

/** The parts of an overview, drawn in a fixed order so that a seed always gives the same answer. */
function overview(ctx: ProseContext): Overview {
  const { rng, topic } = ctx;
  const f = forms(topic);
  const name = `${f.name}${f.qualifier}`;
  const Name = upper(name);
  const factors = bullets(
    rng
      .sample(ANGLES[topic.category] ?? ANGLES.other, 4)
      .map(([lead, body], i) => `**${lead}:** ${body(f, name)}${i === 1 ? ctx.cite.maybe(0.5) : ''}`),
  );
  const facts = rng.sample(
    [
      `**Background:** a recent, well-sourced overview of ${f.name} answers most of the questions people ask.${ctx.cite.maybe()}`,
      `**Who to trust:** people who work with ${f.name} day to day tend to give the most practical advice.${ctx.cite.maybe(0.4)}`,
      `**Common questions:** most searches about ${f.name} are about costs, risks and where to start.${ctx.cite.maybe(0.6)}`,
      `**Worth knowing:** opinions on ${f.name} shift as new information comes in, so dates matter.${ctx.cite.maybe()}`,
    ],
    3,
  );
  const intro = rng.pick([
    para(ctx, [`Here's an overview of **${name}** and the main things worth knowing.`], 0.8),
    para(
      ctx,
      [`There's a lot to say about **${name}**, so here's a structured summary to get you started.`],
      0.8,
    ),
    para(
      ctx,
      [`Good question! ${Name} comes up a lot, and the short answer is that it depends on a few factors.`],
      0.8,
    ),
  ]);
  const context = para(ctx, [
    `${rng.pick(['Broadly speaking', 'For context', 'To start with'])}, ${name} ${rng.pick(f.plural ? ['cover more ground than they first seem', 'mean different things to different people', 'have changed a lot over the past decade'] : ['covers more ground than it first seems', 'means different things to different people', 'has changed a lot over the past decade'])}.`,
    rng.pick([
      `Most overviews of ${f.subject} start with the basics and then branch into specific areas.`,
      `Looking at ${f.subject} from a few angles gives a more balanced picture.`,
      `The most useful way into ${f.subject} is usually through concrete examples.`,
    ]),
  ]);
  const follow = rng.pick([
    `Would you like me to go deeper into any of these points about ${f.subject}?`,
    `If you have a specific angle on ${f.subject} in mind, let me know and I'll focus on that.`,
    `I can also put together a short reading list on ${f.subject} if that's useful.`,
  ]);
  return { intro, context, factors, facts, follow };
}

export const general: Writer = (ctx) => {
  const { rng, topic } = ctx;
  if (!topic.subject || /^(?:hi|hello|hey|thanks?|thank you|ok)$/i.test(topic.subject)) return clarify(ctx);
  if (FACT_QUESTION.test(topic.clause)) return factual(ctx);
  if (QUESTION.test(topic.clause)) return question(ctx);
  if (/^(why|how)\s/i.test(topic.subject)) return explain(ctx);
  const { intro, context, factors, facts, follow } = overview(ctx);
  const f = forms(topic);
  if (rng.chance(0.5)) {
    return [
      intro,
      context,
      heading(ctx, 'Key things to know'),
      bullets(facts),
      heading(ctx, 'Worth keeping in mind'),
      factors,
      follow,
    ];
  }
  return [
    intro,
    context,
    heading(ctx, 'The main points'),
    factors
      .replace(/^- /gm, '')
      .split('\n')
      .map((line, i) => `${i + 1}. ${line}`)
      .join('\n'),
    heading(ctx, 'Good to know'),
    bullets(facts.slice(0, 2)),
    heading(ctx, 'Practical takeaway'),
    para(
      ctx,
      [
        `Start with ${rng.pick(['a reliable overview', 'the basics', 'one trusted source'])} on ${f.subject}, then go deeper where it matters to you.`,
      ],
      0.4,
    ),
    follow,
  ];
};
