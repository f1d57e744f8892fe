import type { Rng } from '../../kernel/random.ts';
import { money, singular, titleCase } from './english.ts';
import type { Profile } from './profiles.ts';
import type { Topic } from './topic.ts';

/** One thing an answer recommends: the same name in the list, the table, the prose and the ad. */
export interface Item {
  name: string;
  /** The fictional brand behind it; null for unnamed picks ("The budget-friendly pick"). */
  brand: string | null;
  /** In whole dollars, within the prompt's budget; null where a price would mean nothing (a beach). */
  price: number | null;
}

const DEFAULT_PICKS: readonly [number, number] = [4, 6];

/** The prices picks may have: the field's usual range, cut below the prompt's budget. */
export function priceRange(profile: Profile, budget: number | null): readonly [number, number] {
  const [min, max] = profile.prices;
  if (budget === null) return [min, max];
  const top = budget - 1;
  if (top >= max) return [min, max];
  return [Math.min(min, Math.max(1, Math.round(top * 0.55))), top];
}

/** A shelf price ending in 9 (or 99), never above `top`. */
function shelfPrice(value: number, top: number): number {
  if (value < 30) return value;
  const step = value < 1000 ? 10 : 100;
  const price = Math.floor(value / step) * step + step - 1;
  return price <= top ? price : Math.max(1, price - step);
}

export function drawPrice(profile: Profile, topic: Pick<Topic, 'budget'>, rng: Rng): number {
  const [min, max] = priceRange(profile, topic.budget);
  return shelfPrice(rng.int(min, max), max);
}

export function priceText(item: Item): string {
  return item.price === null ? '—' : money(item.price);
}

/** "running shoes" → "Running Shoe", the noun a `named` pick carries. */
function productNoun(subject: string): string {
  const words = subject.split(' ').filter((word) => /^\p{L}/u.test(word));
  const noun = words.slice(-2).join(' ') || 'Pick';
  // Some things are sold in the plural: "Coffee Beans", not "Coffee Bean".
  return titleCase(/\b(?:beans|leaves|pods|oats)$/i.test(noun) ? noun : singular(noun));
}

/**
 * The picks of a recommendation: as many as the prompt asks for (else 4 to 6), each brand used
 * once, prices within the budget.
 */
export function makeItems(topic: Topic, profile: Profile, rng: Rng): Item[] {
  const count = topic.count ?? rng.int(...DEFAULT_PICKS);
  const priced = profile.pickStyle !== 'tier' || topic.commercial;
  const price = (): number | null => (priced ? drawPrice(profile, topic, rng) : null);
  if (profile.pickStyle === 'tier') {
    // Unpriced picks (trails, museums) are not "budget" or "premium": no tier says they cost.
    const labels = priced ? profile.lines : profile.lines.filter((line) => !/budget|premium/i.test(line));
    const tiers = rng.sample(labels, count);
    // A count beyond the tier labels numbers the rest: "Option 9".
    while (tiers.length < count) tiers.push(`Option ${tiers.length + 1}`);
    return tiers.map((name) => ({ name, brand: null, price: price() }));
  }
  const brands = rng.sample(profile.brands, count);
  while (brands.length < count) brands.push(`${rng.pick(profile.brands)} ${brands.length + 1}`);
  const noun = productNoun(topic.subject);
  const lines = rng.sample(profile.lines, count);
  return brands.map((brand, i) => {
    const name =
      profile.pickStyle === 'app'
        ? brand
        : profile.pickStyle === 'named'
          ? `${brand} ${noun}`
          : `${brand} ${lines[i] ?? rng.pick(profile.lines)}${rng.chance(0.6) ? ` ${rng.int(2, 9)}` : ''}`;
    return { name, brand, price: price() };
  });
}
