import type { Faker } from '@faker-js/faker';
import type { Rng } from '../random.ts';
import { slugify } from './sources.ts';
import type { Topic } from './topic.ts';
import type { Ad } from './types.ts';
import { brandName, capitalize, itemName, price } from './vocabulary.ts';

/** Sponsored results: only commercial prompts get them, and even then not always. */
export function makeAds(topic: Topic, rng: Rng, faker: Faker): Ad[] {
  if (!topic.commercial || !topic.subject || rng.chance(0.15)) return [];
  const subject = topic.subject;
  return Array.from({ length: rng.int(1, 3) }, () => {
    const advertiser = brandName(rng, faker);
    const product = itemName(topic, rng, faker);
    const domain = `${slugify(advertiser)}${rng.pick(['', 'store', 'shop', 'official'])}.com`;
    return {
      title: rng.pick([
        `${product} — ${capitalize(subject)}`,
        `Shop ${capitalize(subject)} at ${advertiser}`,
        `${product} | Official Site`,
      ]),
      url: `https://www.${domain}/${rng.pick(['p', 'shop', 'collections'])}/${encodeURIComponent(slugify(`${product}`) || 'deals')}`,
      advertiser,
      description: rng.pick([
        `Free shipping on orders over $${rng.int(3, 10) * 10}. ${rng.pick(['Easy returns.', 'New arrivals weekly.', 'Members save more.'])}`,
        `Top-rated ${subject} with a ${rng.int(1, 3)}-year warranty. Order today.`,
        `Save up to ${rng.int(10, 40)}% on ${subject}. Limited-time offer.`,
      ]),
      price: rng.chance(0.8) ? price(topic, rng) : null,
    };
  });
}
