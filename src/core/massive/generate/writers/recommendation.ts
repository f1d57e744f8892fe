import { priceText } from '../catalog.ts';
import { capitalize, list, mdText, money, numberWord, upper } from '../english.ts';
import {
  bullets,
  forms,
  heading,
  para,
  placeOf,
  type ProseContext,
  table,
  type Writer,
  yearOf,
} from './context.ts';

/** "near me" said back as the place it means. */
function localQualifier(ctx: ProseContext, qualifier: string): string {
  const place = placeOf(ctx);
  return qualifier.replace(/\bnear (?:me|here|by)\b/i, place ? `near ${mdText(place)}` : 'near you');
}

/** What every part of a recommendation says the same way: its picks, their audiences, the criteria. */
interface Picks {
  ctx: ProseContext;
  things: string;
  what: string;
  year: number;
  names: string[];
  first: string;
  second: string;
  criteria: string[];
  criterion: (i: number) => string;
  audience: (i: number) => string;
  count: number;
}

function picksOf(ctx: ProseContext): Picks {
  const { rng, topic, profile, items } = ctx;
  const f = forms(topic);
  // Sentences speak of the picks in the plural: "camping gear" becomes "camping gear options".
  const things = f.plural ? f.subject : `${f.subject} options`;
  const what = `${things}${localQualifier(ctx, f.qualifier)}`;
  const year = yearOf(topic);
  const names = items.map((item) => mdText(item.name));
  const first = names[0] ?? f.subject;
  const second = names[1] ?? first;
  const criteria = rng.sample(profile.criteria, 4);
  const criterion = (i: number): string => criteria[i % criteria.length] ?? 'value';
  // The prompt's own audience goes to the top pick; the others get the field's usual ones.
  const audiences = rng.sample(
    profile.audiences.filter((a) => a !== topic.audience),
    items.length,
  );
  if (topic.audience) audiences.unshift(mdText(topic.audience));
  const audience = (i: number): string => audiences[i] ?? `everyday ${things}`;
  const count = items.length;
  return { ctx, things, what, year, names, first, second, criteria, criterion, audience, count };
}

/** The opening paragraph, with the budget or audience the prompt set. */
function opening(p: Picks): string {
  const { ctx, things, what, year, count, criterion } = p;
  const { rng, topic } = ctx;
  const f = forms(topic);
  const budget = topic.budget === null ? '' : money(topic.budget);
  const constraint = [
    budget
      ? rng.pick([
          `Every pick below comes in under ${budget}, so you can choose on fit and features rather than price.`,
          `All ${numberWord(count)} of these ${things} stay under your ${budget} budget at their usual prices.`,
        ])
      : '',
    topic.audience && !budget
      ? `I've weighted this list toward ${mdText(topic.audience)}, since that changes which ${things} make sense.`
      : '',
  ];
  return rng.pick([
    para(
      ctx,
      [
        `Here are ${numberWord(count)} of the best ${what} in ${year}, based on recent reviews, hands-on testing and what owners recommend.`,
        ...constraint,
        `Prices for ${things} move often, so treat the figures below as a guide.`,
      ],
      0.8,
    ),
    para(
      ctx,
      [
        `If you're shopping for ${what} in ${year}, ${numberWord(count)} options stand out for ${criterion(0)} and ${criterion(1)}.`,
        ...constraint,
        `The right pick among these ${things} mostly depends on how you'll use ${f.itObject}.`,
      ],
      0.8,
    ),
    para(
      ctx,
      [
        `The best ${what} depend on your priorities, but these ${numberWord(count)} are the ones reviewers rate highest in ${year}.`,
        ...constraint,
      ],
      0.8,
    ),
  ]);
}

/** What to look for, one line per criterion. */
function lookFor(p: Picks): string {
  const { ctx, things, criteria } = p;
  const { rng } = ctx;
  const explain = rng.sample(
    [
      () => `often the biggest difference between good and great ${things}`,
      () => `worth checking in hands-on reviews of ${things}, not just on spec sheets`,
      () => `matters more than the brand name when you compare ${things}`,
      (c: string) =>
        `easy to overlook in a shop, but ${c} is what you notice after a few weeks with new ${things}`,
      () => `the first thing owners of ${things} mention in long-term reviews`,
      () => `where cheaper ${things} usually cut corners first`,
    ],
    criteria.length,
  );
  return bullets(
    criteria.map((c, i) => `**${capitalize(c)}:** ${explain[i]?.(c) ?? c}.${ctx.cite.maybe(0.3)}`),
  );
}

/** Layout 1: a numbered list of picks, each with why it stands out and its price. */
function numbered(p: Picks, criteriaList: string, follow: string): string[] {
  const { ctx, things, year, names, count, criterion, audience } = p;
  const { rng, profile, items } = ctx;
  const why = (name: string, i: number): string =>
    rng.pick([
      `${name} stands out for its ${criterion(i)}, and its ${criterion(i + 1)} is among the best in this group`,
      `${name} is a well-rounded pick with strong ${criterion(i)} and dependable ${criterion(i + 1)}`,
      `reviewers single out the ${criterion(i)} of ${name}, and its ${criterion(i + 1)} holds up well too`,
      `${name} gets the basics right, especially ${criterion(i + 2)}, without asking much in return`,
    ]);
  const entries = items.map((item, i) =>
    [
      `${i + 1}. **${names[i]}** — best for ${audience(i)}`,
      `   - **Why it stands out:** ${upper(why(names[i] ?? '', i))}.${ctx.cite.maybe()}`,
      ...(item.price === null ? [] : [`   - **${profile.priceLabel}:** around ${priceText(item)}`]),
    ].join('\n'),
  );
  return [
    heading(ctx, `Top ${numberWord(count)} ${things} for ${year}`),
    entries.join('\n'),
    heading(ctx, `What to look for in ${things}`),
    criteriaList,
    follow,
  ];
}

/** Layout 2: a section per pick, with pros, cons and price. */
function sections(p: Picks, intro: string, criteriaList: string, follow: string): string[] {
  const { ctx, things, names, count, criterion, audience } = p;
  const { rng, profile, items } = ctx;
  const blurbs = rng.sample(
    [
      (name: string, i: number) =>
        `${name} is a reliable all-rounder whose ${criterion(i)} holds up well over time, which is rarer than it should be among ${things}.`,
      (name: string, i: number) =>
        `Reviewers consistently praise the ${criterion(i)} of ${name}, and it's priced fairly for ${things} of this kind.`,
      (name: string, i: number) =>
        `${name} isn't the flashiest of these ${things}, but it gets the fundamentals right, especially ${criterion(i + 2)}.`,
      (name: string, i: number) =>
        `If ${criterion(i)} is your top priority in ${things}, ${name} is the one most testers would point you to.`,
      (name: string, i: number) =>
        `Owners of ${name} tend to mention its ${criterion(i + 1)} first, which says a lot in a crowded field of ${things}.`,
    ],
    Math.min(5, count),
  );
  const cons = [
    ...rng.sample(profile.cons, count),
    ...rng.sample(
      [
        'fewer reviews than the others so far',
        'harder to find in stores',
        'plain design',
        'few color options',
        'short warranty',
        'sells out often',
      ],
      count,
    ),
  ];
  // Pairs {i, i + 3} of the field's criteria: no two picks share their pros.
  const all = rng.sample(profile.criteria, profile.criteria.length);
  const pros = (i: number): string =>
    `${all[i % all.length] ?? 'value'}, ${all[(i + 3) % all.length] ?? 'value'}`;
  const sections = items.flatMap((item, i) => [
    heading(ctx, `${i + 1}. Best for ${audience(i)}: ${names[i]}`),
    para(ctx, [blurbs[i % blurbs.length]?.(names[i] ?? '', i) ?? '']),
    bullets([
      `**Pros:** ${pros(i)}`,
      `**Cons:** ${cons[i % cons.length] ?? 'few, for the price'}`,
      ...(item.price === null ? [] : [`**${profile.priceLabel}:** ${priceText(item)}`]),
    ]),
  ]);
  return [intro, ...sections, heading(ctx, `Quick tips for buying ${things}`), criteriaList, follow];
}

/** Layout 3: a table of the picks, then the verdict. */
function glance(p: Picks, intro: string, criteriaList: string, follow: string): string[] {
  const { ctx, things, names, first, second, count, criterion, audience } = p;
  const { rng, profile, items } = ctx;
  const priced = items.some((item) => item.price !== null);
  return [
    intro,
    heading(ctx, `${upper(things)} at a glance`),
    table(
      ['Pick', 'Best for', ...(priced ? [profile.priceLabel] : []), 'Standout'],
      items.map((item, i) => [
        names[i] ?? '',
        capitalize(audience(i)),
        ...(priced ? [priceText(item)] : []),
        capitalize(criterion(i)),
      ]),
    ),
    para(
      ctx,
      [
        `${rng.pick(['Overall', 'For most people', 'If you only want one'])}, **${first}** is the safest choice of these ${things}, while **${second}** is the better value.`,
        count > 2
          ? `${list(names.slice(2).map((name) => `**${name}**`))} ${count > 3 ? 'cover' : 'covers'} more specific needs, so weigh what matters most to you in ${things}, starting with ${criterion(0)}.`
          : '',
      ],
      0.7,
    ),
    heading(ctx, `Before you buy ${things}`),
    criteriaList,
    follow,
  ];
}

export const recommendation: Writer = (ctx) => {
  const p = picksOf(ctx);
  const { things, first, second } = p;
  const intro = opening(p);
  const criteriaList = lookFor(p);
  const follow = ctx.rng.pick([
    `If you tell me your budget and how you plan to use them, I can narrow these ${things} down to one or two.`,
    `Want me to compare ${first} and ${second} side by side, or focus on a specific price range?`,
    `**Tip:** prices on ${things} drop often around major sales, so it's worth setting a price alert before you buy.`,
  ]);
  const layout = ctx.rng.int(0, 2);
  if (layout === 0) return [intro, ...numbered(p, criteriaList, follow)];
  if (layout === 1) return sections(p, intro, criteriaList, follow);
  return glance(p, intro, criteriaList, follow);
};
