import { capitalize, mdText, upper } from '../english.ts';
import { heading, para, type ProseContext, table, type Writer } from './context.ts';

/** Best first: a comparison's "who wins" reads off these positions. */
const RATINGS = ['Class-leading', 'Excellent', 'Very good', 'Good', 'Solid', 'Decent', 'Average'];

type Row = readonly [string, string, string];

/** The ratings table, and each side's strengths read off it, so the prose agrees with the table. */
function scorecard(ctx: ProseContext) {
  const { rng, profile } = ctx;
  const criteria = rng.sample(profile.criteria, rng.int(4, 6));
  const rows: Row[] = criteria.map((criterion) => {
    const [x = 'Good', y = 'Good'] = rng.sample(RATINGS, 2);
    return [capitalize(criterion), x, y];
  });
  const margin = (row: Row): number => RATINGS.indexOf(row[2]) - RATINGS.indexOf(row[1]);
  const byMargin = [...rows].sort((x, y) => Math.abs(margin(y)) - Math.abs(margin(x)));
  const winsA = byMargin.filter((row) => margin(row) > 0);
  const winsB = byMargin.filter((row) => margin(row) < 0);
  const strongA = (winsA[0] ?? rows[0])?.[0].toLowerCase() ?? 'value';
  const strongB =
    (winsB[0] ?? rows.find((row) => row[0].toLowerCase() !== strongA))?.[0].toLowerCase() ?? 'value';
  return { rows, margin, widest: byMargin[0], closest: byMargin.at(-1), strongA, strongB };
}

export const comparison: Writer = (ctx) => {
  const { rng, topic } = ctx;
  const [a0 = 'the first option', b0 = 'the second option'] = topic.options.map(mdText);
  const { rows, margin, widest, closest, strongA, strongB } = scorecard(ctx);
  const favourite = rng.chance(0.5) ? a0 : b0;
  const gap = widest && margin(widest) !== 0 ? widest : undefined;
  const differences = para(ctx, [
    gap
      ? `The biggest gap between ${a0} and ${b0} is in ${gap[0].toLowerCase()}, where ${margin(gap) > 0 ? a0 : b0} is clearly ahead.`
      : `${upper(a0)} and ${b0} are rated alike on most of these points.`,
    closest && closest !== gap
      ? `On ${closest[0].toLowerCase()}, ${a0} and ${b0} are close enough that it shouldn't decide things for you.`
      : '',
  ]);
  const intro = rng.pick([
    para(ctx, [`Both **${a0}** and **${b0}** are strong choices, but they suit different needs.`], 0.8),
    para(ctx, [`Here's how **${a0}** and **${b0}** compare on the things that matter most.`], 0.8),
    para(
      ctx,
      [
        `Short answer: **${favourite}** is the better fit for most people, but the choice between ${a0} and ${b0} depends on what you value.`,
      ],
      0.8,
    ),
  ]);
  const overview = para(ctx, [
    `${upper(a0)} is usually praised for its ${strongA}, while ${b0} tends to win on ${strongB}.`,
    rng.pick([
      `Neither is a bad choice; the gap between ${a0} and ${b0} is smaller than online debates suggest.`,
      `Whether ${a0} or ${b0} suits you depends mostly on how you plan to use it.`,
      `Many people end up trying both ${a0} and ${b0} before settling on one.`,
    ]),
  ]);
  const chooseA = `- You care most about ${strongA}\n- You want ${rng.pick(['the more established option', 'a simpler experience', 'better long-term support'])}${ctx.cite.maybe(0.4)}`;
  const chooseB = `- You prioritize ${strongB}\n- You want ${rng.pick(topic.category === 'software' ? ['more flexibility', 'a bigger ecosystem', 'the newer approach'] : ['more flexibility', 'a lower price', 'the newer approach'])}${ctx.cite.maybe(0.4)}`;
  const comparisonTable = table(
    ['Feature', upper(a0.replace(/\\/g, '')), upper(b0.replace(/\\/g, ''))],
    rows,
  );
  const verdict = `**Bottom line:** ${rng.pick([
    `pick ${a0} for ${strongA}, and ${b0} if ${strongB} matters more.`,
    `you can't really go wrong, but ${favourite} edges ahead for most everyday use.`,
    `${a0} is the safer default; ${b0} rewards people who know exactly what they need from it.`,
  ])}${ctx.cite.maybe(0.5)}`;
  const follow = rng.pick([
    `What will you mainly use ${a0} or ${b0} for? With that, I can say whether ${a0} or ${b0} fits you better.`,
    `If you share your budget or use case, I'll tell you whether I'd pick ${a0} or ${b0}.`,
  ]);
  return layout(ctx, {
    a0,
    b0,
    strongA,
    strongB,
    intro,
    overview,
    differences,
    chooseA,
    chooseB,
    verdict,
    follow,
    comparisonTable,
  });
};

interface Parts {
  a0: string;
  b0: string;
  strongA: string;
  strongB: string;
  intro: string;
  overview: string;
  differences: string;
  chooseA: string;
  chooseB: string;
  verdict: string;
  follow: string;
  comparisonTable: string;
}

/** Two layouts: a table first, or one section per option with the table after. */
function layout(ctx: ProseContext, parts: Parts): string[] {
  const { rng } = ctx;
  const {
    a0,
    b0,
    strongA,
    strongB,
    intro,
    overview,
    differences,
    chooseA,
    chooseB,
    verdict,
    follow,
    comparisonTable,
  } = parts;
  if (rng.chance(0.5)) {
    return [
      intro,
      overview,
      heading(ctx, 'Quick comparison'),
      comparisonTable,
      differences,
      heading(ctx, `Choose ${a0} if…`),
      chooseA,
      heading(ctx, `Choose ${b0} if…`),
      chooseB,
      verdict,
      follow,
    ];
  }
  return [
    intro,
    overview,
    heading(ctx, a0),
    para(ctx, [
      `${rng.pick(['Known for', 'Standing out for', 'Most praised for'])} its ${strongA}, ${a0} is the pick for people who value that above all.`,
    ]),
    chooseA,
    heading(ctx, b0),
    para(ctx, [
      `${upper(b0)} ${rng.pick(['is best known for', 'stands out for', 'is most praised for'])} its ${strongB}, and it has a loyal following for that reason.`,
    ]),
    chooseB,
    heading(ctx, 'Side by side'),
    comparisonTable,
    differences,
    verdict,
    follow,
  ];
}
