import type { Rng } from '../../kernel/random.ts';
import { drawPrice, type Item } from './catalog.ts';
import { capitalize, money } from './english.ts';
import type { Profile } from './profiles.ts';
import { type DomainStyle, hostFor, slugify } from './sources.ts';
import type { Topic } from './topic.ts';
import type { Ad } from './types.ts';

/**
 * Sponsored results: only commercial prompts get them, and even then not always. An ad sells one
 * of the answer's own picks under the same name and price; unnamed picks (places, dishes) get a
 * shop's ad for the subject instead.
 */
export function makeAds(
  topic: Topic,
  profile: Profile,
  items: readonly Item[],
  rng: Rng,
  style: DomainStyle,
): Ad[] {
  if (!topic.commercial || !topic.subject || rng.chance(0.15)) return [];
  const subject = topic.subject;
  const count = rng.int(1, 3);
  const named = items.filter((item) => item.brand !== null);
  if (named.length > 0) {
    return rng.sample(named, count).map((item) => {
      const advertiser = item.brand ?? '';
      return {
        title: rng.pick([
          `${item.name} — ${capitalize(subject)}`,
          `${item.name} | Official Site`,
          `Shop the ${item.name}`,
        ]),
        url: `https://www.${hostFor(slugify(advertiser).replace(/-/g, ''), rng, style)}/${rng.pick(['p', 'shop', 'products'])}/${encodeURIComponent(slugify(item.name))}`,
        advertiser,
        description: rng.pick([
          `Free shipping on orders over $${rng.int(3, 10) * 10}. ${rng.pick(['Easy returns.', 'New arrivals weekly.', 'Members save more.'])}`,
          `The ${item.name}, with a ${rng.int(1, 3)}-year warranty. Order today.`,
          `Compare the ${item.name} with the rest of the ${advertiser} range.`,
        ]),
        price: item.price === null ? null : money(item.price),
      };
    });
  }
  return rng.sample(profile.brands, count).map((advertiser) => ({
    title: rng.pick([
      `Shop ${capitalize(subject)} at ${advertiser}`,
      `${capitalize(subject)} | ${advertiser}`,
    ]),
    url: `https://www.${hostFor(slugify(advertiser).replace(/-/g, ''), rng, style)}/${rng.pick(['deals', 'shop', 'search'])}/${encodeURIComponent(slugify(subject) || 'deals')}`,
    advertiser,
    description:
      topic.category === 'travel'
        ? `Compare prices on ${subject} and book with free cancellation on most options.`
        : `Compare ${subject} and order online for pickup or delivery.`,
    price: rng.chance(0.6) ? `From ${money(drawPrice(profile, topic, rng))}` : null,
  }));
}
