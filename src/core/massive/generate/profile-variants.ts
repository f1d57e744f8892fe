import { type Category, PROFILES, type Profile, TIERS } from './profiles.ts';
import type { PickKind } from './topic.ts';

/** Shoes for running or everyday wear are judged and sold differently from shoes for the court. */
const COURT_SHOES: Profile = {
  ...PROFILES.footwear,
  criteria: [
    'cushioning',
    'traction',
    'lockdown',
    'court feel',
    'durability',
    'support',
    'weight',
    'breathability',
  ],
  audiences: ['guards', 'big men', 'outdoor courts', 'wide feet', 'beginners', 'ankle support'],
  siteWords: ['courtside', 'hoopgear', 'kicks', 'solereview', 'footfall', 'gearlab'],
};
const RUNNING_SHOES: Profile = {
  ...PROFILES.footwear,
  criteria: [
    'cushioning',
    'stability',
    'fit',
    'durability',
    'breathability',
    'weight',
    'arch support',
    'grip',
  ],
  audiences: ['beginners', 'flat feet', 'long runs', 'wide feet', 'daily training', 'race day'],
  siteWords: ['runlab', 'footfall', 'runnersnotes', 'miles', 'pacelog', 'gearlab'],
};

/** Health covers skincare, supplements and workout gear, which are judged on different things. */
const SKINCARE: Profile = {
  ...PROFILES.health,
  criteria: [
    'gentleness',
    'protection',
    'texture',
    'ingredients',
    'value',
    'design',
    'fragrance',
    'ease of use',
  ],
  audiences: ['sensitive skin', 'dry skin', 'oily skin', 'daily use', 'outdoor sports', 'budget shoppers'],
};
const SUPPLEMENTS: Profile = {
  ...PROFILES.health,
  criteria: [
    'ingredients',
    'third-party testing',
    'taste',
    'value',
    'dosage',
    'mixability',
    'design',
    'digestibility',
  ],
  audiences: ['beginners', 'athletes', 'older adults', 'busy schedules', 'vegetarians', 'budget shoppers'],
};
const WORKOUT_GEAR: Profile = {
  ...PROFILES.health,
  criteria: [
    'grip',
    'cushioning',
    'durability',
    'comfort',
    'value',
    'portability',
    'design',
    'ease of cleaning',
  ],
  audiences: ['beginners', 'hot yoga', 'home workouts', 'travel', 'tall people', 'budget shoppers'],
  cons: ['a little heavy', 'strong smell at first', 'shows marks easily', 'slippery when new'],
};

/** Electronics covers headphones, routers and watches, which are judged on different things. */
const AUDIO: Profile = {
  ...PROFILES.electronics,
  criteria: [
    'sound quality',
    'noise cancelling',
    'comfort',
    'battery life',
    'call quality',
    'build quality',
    'value for money',
    'connectivity',
  ],
  audiences: ['commuters', 'travelers', 'workouts', 'home office', 'music lovers', 'budget shoppers'],
  prices: [49, 449],
};
const NETWORKING: Profile = {
  ...PROFILES.electronics,
  criteria: [
    'coverage',
    'speed',
    'setup',
    'security features',
    'reliability',
    'ports',
    'value for money',
    'app',
  ],
  audiences: ['large homes', 'gamers', 'apartments', 'home offices', 'families', 'budget shoppers'],
  prices: [79, 499],
  cons: ['bulky', 'app needs an account', 'few wired ports', 'pricier than rivals'],
};
const WEARABLES: Profile = {
  ...PROFILES.electronics,
  criteria: [
    'battery life',
    'fitness tracking',
    'comfort',
    'display',
    'app',
    'build quality',
    'value for money',
    'water resistance',
  ],
  audiences: ['runners', 'swimmers', 'everyday wear', 'sleep tracking', 'beginners', 'budget shoppers'],
  prices: [79, 799],
};
const DISPLAYS: Profile = {
  ...PROFILES.electronics,
  criteria: [
    'picture quality',
    'refresh rate',
    'brightness',
    'ports',
    'stand',
    'value for money',
    'build quality',
    'HDR',
  ],
  audiences: ['gamers', 'creators', 'office work', 'movie nights', 'small rooms', 'budget shoppers'],
  prices: [149, 1499],
};
const GADGETS: Profile = {
  ...PROFILES.electronics,
  criteria: [
    'battery life',
    'build quality',
    'ease of use',
    'value for money',
    'portability',
    'app',
    'reliability',
    'display quality',
  ],
  prices: [39, 399],
};
const COMPUTING: Profile = {
  ...PROFILES.electronics,
  criteria: [
    'battery life',
    'display quality',
    'performance',
    'build quality',
    'software updates',
    'value for money',
    'ports',
    'portability',
  ],
};

/** Apps people use day to day, judged unlike developer tools. */
const APPS: Profile = {
  ...PROFILES.software,
  criteria: [
    'ease of use',
    'features',
    'price',
    'privacy',
    'sync across devices',
    'design',
    'support',
    'offline use',
  ],
  audiences: ['beginners', 'families', 'students', 'busy schedules', 'power users', 'budget shoppers'],
  cons: [
    'best features need a subscription',
    'ads in the free tier',
    'fewer integrations',
    'limited offline use',
  ],
};

/** Food you buy in a shop (beans, tea, oil) has brands; dishes and restaurants do not. */
const GROCERIES: Profile = {
  ...PROFILES.food,
  criteria: ['flavor', 'freshness', 'roast level', 'value', 'origin', 'consistency', 'packaging', 'aroma'],
  audiences: ['espresso', 'pour-over', 'everyday drinking', 'gifting', 'beginners', 'budget shoppers'],
  pickStyle: 'named',
  priceLabel: 'Price per bag',
  lines: [],
};

/** Places and activities (trails, museums, hobbies): judged on what a visit is like, never priced. */
const OUTINGS: Profile = {
  ...PROFILES.travel,
  kinds: ['place', 'activity'],
  criteria: [
    'scenery',
    'crowds',
    'accessibility',
    'getting there',
    'the best season',
    'facilities',
    'atmosphere',
    'variety',
  ],
  audiences: ['families', 'first-timers', 'couples', 'solo visitors', 'kids', 'groups of friends', 'locals'],
  lines: TIERS,
};

/**
 * The profile an answer draws on: its category's, or a narrower one where the prompt's words
 * show a kind of thing that is judged differently (running shoes, apps, audio, places to go).
 */
export function profileFor(
  category: Category,
  keywords: readonly string[],
  pick: PickKind = 'product',
): Profile {
  if (category === 'travel' && (pick === 'place' || pick === 'activity')) return OUTINGS;
  if (
    category === 'food' &&
    keywords.some((word) => /^(?:beans|tea|teas|olive|oil|matcha|chocolate|coffee)$/.test(word)) &&
    !keywords.some((word) => /^(?:restaurants?|places|shops?|cafes?)$/.test(word))
  )
    return GROCERIES;
  if (
    category === 'software' &&
    keywords.some((word) => /^(?:apps?|vpns?|password|budgeting|note)$/.test(word))
  )
    return APPS;
  if (category === 'electronics') {
    const words = keywords.join(' ');
    if (/\b(?:headphones?|earbuds?|speakers?|soundbars?|airpods|audio)\b/.test(words)) return AUDIO;
    if (/\b(?:routers?|mesh|wi-?fi|networks?)\b/.test(words)) return NETWORKING;
    if (/\b(?:smartwatch(?:es)?|watch(?:es)?|trackers?|wearables?)\b/.test(words)) return WEARABLES;
    if (/\b(?:monitors?|tvs?|televisions?|projectors?)\b/.test(words)) return DISPLAYS;
    if (
      /\b(?:e-?readers?|kindle|kobo|dash|cams?|chargers?|power|keyboards?|mouse|mice|webcams?)\b/.test(words)
    )
      return GADGETS;
    return COMPUTING;
  }
  if (category === 'health') {
    const words = keywords.join(' ');
    if (/\b(?:skin|skincare|sunscreen|moisturi[sz]er|serum|spf)\b/.test(words)) return SKINCARE;
    if (/\b(?:vitamins?|protein|creatine|supplements?|electrolytes|magnesium|powder)\b/.test(words))
      return SUPPLEMENTS;
    if (/\b(?:mats?|weights?|dumbbells?|bands?|bikes?|treadmills?|rollers?)\b/.test(words))
      return WORKOUT_GEAR;
  }
  if (category !== 'footwear') return PROFILES[category];
  const words = new Set(keywords);
  if (['basketball', 'court', 'hoops'].some((word) => words.has(word))) return COURT_SHOES;
  if (['running', 'run', 'runners', 'trail', 'marathon', 'jogging'].some((word) => words.has(word)))
    return RUNNING_SHOES;
  return PROFILES.footwear;
}
