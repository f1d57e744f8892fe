import { priceText } from '../catalog.ts';
import { capitalize, mdText, upper } from '../english.ts';
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

/** What a kind of pick is like, for recommendations of places, dishes or books, which get no made-up names. */
const TRAITS: ReadonlyArray<(subject: string, criterion: string) => string> = [
  (s, c) => `the ${s} most guides agree on, known for ${c}`,
  (s, c) => `cheaper ${s} that are still decent on ${c}`,
  (s, c) => `pricier ${s} that justify it on ${c}`,
  (s, c) => `the ${s} regulars go back to, mostly for ${c}`,
  (s, c) => `less obvious ${s}, worth a look for ${c}`,
  (s, c) => `${s} that suit a first try, with no surprises on ${c}`,
  (s, c) => `${s} locals recommend first, often for ${c}`,
  (s, c) => `${s} for people who know exactly what they want on ${c}`,
];

function where(ctx: ProseContext): string {
  const place = placeOf(ctx);
  return place ? ` in ${mdText(place)}` : '';
}

/**
 * Recommendations whose picks would be real places, dishes, books or shows: inventing names would
 * invent places, so the answer sorts the options by kind and says how to choose between them.
 */
export const guide: Writer = (ctx) => {
  const { rng, topic, profile, items } = ctx;
  const f = forms(topic);
  const at = where(ctx);
  const year = yearOf(topic);
  const criteria = rng.sample(profile.criteria, 4);
  const criterion = (i: number): string => criteria[i % criteria.length] ?? 'value';
  const audiences = rng.sample(
    profile.audiences.filter((a) => a !== topic.audience),
    items.length,
  );
  if (topic.audience) audiences.unshift(mdText(topic.audience));
  const priced = items.some((item) => item.price !== null);
  // Places and activities are never priced, so no pick is "cheaper" or "pricier" than another.
  const traits = rng.sample(priced ? TRAITS : TRAITS.filter((_, i) => i !== 1 && i !== 2), items.length);
  const trait = (i: number): string =>
    (traits[i % traits.length] ?? TRAITS[0] ?? String)(f.subject, criterion(i));
  const intro = para(
    ctx,
    [
      rng.pick([
        `The best ${f.subject}${at} depend a lot on what you want from them, so here's how the options break down in ${year}.`,
        `There's no single answer for the best ${f.subject}${at} in ${year}, but the good options fall into a few clear types.`,
      ]),
      topic.audience
        ? `Since you mentioned ${mdText(topic.audience)}, I've put the ${f.subject} that suit them first.`
        : '',
      topic.budget !== null
        ? `Everything here can be found under your ${priceText({ name: '', brand: null, price: topic.budget })} budget.`
        : '',
    ],
    0.8,
  );
  const kinds = bullets(
    items.map(
      (item, i) =>
        `**${item.name}${i === 0 && topic.audience ? ` for ${mdText(topic.audience)}` : ''}:** ${trait(i)}.${ctx.cite.maybe(0.4)}`,
    ),
    true,
  );
  const choose = bullets(
    criteria.map(
      (c) =>
        `**${capitalize(c)}:** ${rng.pick(['check recent reviews of', 'compare', 'ask about'])} ${c} before you settle on ${f.subject}${at}.`,
    ),
  );
  return [
    intro,
    heading(ctx, `Types of ${f.subject}${at}`),
    kinds,
    heading(ctx, 'At a glance'),
    table(
      ['Type', 'Good for', ...(priced ? ['Typical cost'] : []), 'Look for'],
      items.map((item, i) => [
        item.name,
        capitalize(audiences[i] ?? 'most people'),
        ...(priced ? [priceText(item)] : []),
        capitalize(criterion(i)),
      ]),
    ),
    heading(ctx, `How to choose ${f.subject}${at}`),
    choose,
    para(ctx, [
      `${upper(rng.pick(['recent reviews', 'local recommendations', 'up-to-date listings']))} are the most reliable way to turn these types of ${f.subject} into a shortlist${at}.`,
    ]),
    rng.pick([
      `Tell me your dates, budget or tastes, and I'll narrow these ${f.subject}${at} down.`,
      `Want me to focus on one type of ${f.subject}${at}, such as ${items[1]?.name.toLowerCase() ?? 'the budget-friendly pick'}?`,
    ]),
  ];
};
