/**
 * Everything an answer says differently by field, in one typed table: every category fills every
 * field, so adding a category is adding one entry here (and its words in topic.ts).
 */

/** The broad field a subject belongs to, which decides the vocabulary of the answer. */
export type Category =
  | 'footwear'
  | 'electronics'
  | 'software'
  | 'travel'
  | 'food'
  | 'health'
  | 'finance'
  | 'home'
  | 'science'
  | 'media'
  | 'vehicles'
  | 'pets'
  | 'other';

/**
 * How a recommendation names its picks: `model` "Brand Line 4", `named` "Brand Dog Food" (the
 * subject's own noun), `app` one coined word, `tier` no name at all ("The budget-friendly pick"),
 * for fields where a made-up name would be a made-up place or book.
 */
export type PickStyle = 'model' | 'named' | 'app' | 'tier';

export interface Profile {
  /** The field a definition places a term in: "software development". */
  fields: readonly string[];
  /** What a term of this field usually is: "tool", "technique". */
  kinds: readonly string[];
  /** What reviewers judge things of this kind on. */
  criteria: readonly string[];
  /** Who the answer can tailor picks to. */
  audiences: readonly string[];
  /** Typical price range, in whole dollars. */
  prices: readonly [number, number];
  /** Words publishers of this field put in their domain names. */
  siteWords: readonly string[];
  /** Weak points reviewers note. */
  cons: readonly string[];
  pickStyle: PickStyle;
  /** What a pick's price is: "Price", "Annual fee", "Price per month". */
  priceLabel: string;
  /** Fictional brands, never real trademarks: one answer reuses the ones it picks. */
  brands: readonly string[];
  /** Product-line words for `model` picks, or the labels of `tier` picks. */
  lines: readonly string[];
}

const TIERS = [
  'The all-round favourite',
  'The budget-friendly pick',
  'The premium choice',
  'The crowd-pleaser',
  'The hidden gem',
  'The easy first choice',
  'The local favourite',
  'The one for enthusiasts',
];

export const PROFILES: Record<Category, Profile> = {
  footwear: {
    fields: ['sports gear', 'footwear design'],
    kinds: ['design', 'technology', 'type of shoe'],
    criteria: [
      'cushioning',
      'traction',
      'fit',
      'durability',
      'breathability',
      'support',
      'weight',
      'stability',
    ],
    audiences: [
      'beginners',
      'wide feet',
      'daily training',
      'budget shoppers',
      'all-day wear',
      'long sessions',
    ],
    prices: [70, 220],
    siteWords: ['kicks', 'solereview', 'footfall', 'gearlab', 'footnotes', 'laces'],
    cons: [
      'runs a little small',
      'limited colorways',
      'takes a few wears to break in',
      'outsole wears fast on rough surfaces',
    ],
    pickStyle: 'model',
    priceLabel: 'Price',
    brands: ['Stridewell', 'Arcfoot', 'Kestrel', 'Loamline', 'Tempora', 'Northpace', 'Vantrek', 'Pellion'],
    lines: ['Glide', 'Tempo', 'Drift', 'Summit', 'Pace', 'Crest', 'Flux', 'Rally'],
  },
  electronics: {
    fields: ['consumer technology', 'electronics'],
    kinds: ['device', 'technology', 'feature'],
    criteria: [
      'battery life',
      'display quality',
      'performance',
      'build quality',
      'software updates',
      'value for money',
      'ports',
      'sound quality',
    ],
    audiences: ['students', 'creators', 'gamers', 'travelers', 'professionals', 'budget shoppers'],
    prices: [99, 1499],
    siteWords: ['techbench', 'gadgetry', 'circuitlab', 'reviewed', 'signalpath', 'bitsandbolts'],
    cons: ['average battery life', 'no charger in the box', 'pricier than rivals', 'heavier than it looks'],
    pickStyle: 'model',
    priceLabel: 'Price',
    brands: ['Corvex', 'Lumora', 'Halcyn', 'Quillon', 'Veyra', 'Brightforge', 'Nimbral', 'Oltaro'],
    lines: ['Pro', 'Air', 'Max', 'Edge', 'Core', 'Flex', 'Prime', 'Studio'],
  },
  software: {
    fields: ['software development', 'computing'],
    kinds: ['tool', 'technology', 'approach'],
    criteria: [
      'ease of setup',
      'integrations',
      'documentation',
      'pricing',
      'performance',
      'community',
      'security',
      'learning curve',
    ],
    audiences: ['beginners', 'small teams', 'enterprises', 'solo developers', 'data teams', 'startups'],
    prices: [0, 49],
    siteWords: ['devnotes', 'stackguide', 'codecraft', 'cloudnotes', 'bytesized', 'buildlog'],
    cons: ['fewer integrations', 'steeper learning curve', 'paid tiers add up', 'limited offline use'],
    pickStyle: 'app',
    priceLabel: 'Price per month',
    brands: ['Taskwell', 'Notara', 'Fieldkit', 'Cobaltly', 'Planwise', 'Driftdesk', 'Kindling', 'Orbitask'],
    lines: [],
  },
  travel: {
    fields: ['travel'],
    kinds: ['destination', 'option', 'service'],
    criteria: [
      'location',
      'cost',
      'things to do',
      'food scene',
      'getting around',
      'season',
      'safety',
      'crowds',
    ],
    audiences: ['families', 'couples', 'solo travelers', 'budget travelers', 'first-timers', 'foodies'],
    prices: [80, 900],
    siteWords: ['wanderer', 'atlasnotes', 'passport', 'journeys', 'nomadguide', 'roamwell'],
    cons: [
      'busy in peak season',
      'prices climb on weekends',
      'needs advance booking',
      'a bit out of the way',
    ],
    pickStyle: 'tier',
    priceLabel: 'Typical cost',
    brands: ['Skyward Fares', 'Roamwell Travel', 'Atlas & Oar', 'Farewise', 'Waypoint Stays'],
    lines: TIERS,
  },
  food: {
    fields: ['cooking', 'food and drink'],
    kinds: ['technique', 'ingredient', 'dish'],
    criteria: [
      'flavor',
      'prep time',
      'ingredients',
      'texture',
      'difficulty',
      'nutrition',
      'cost',
      'consistency',
    ],
    audiences: ['weeknights', 'beginners', 'meal prep', 'families', 'vegetarians', 'entertaining'],
    prices: [8, 45],
    siteWords: ['kitchen', 'eatwell', 'recipebox', 'tablenotes', 'pantry', 'forkful'],
    cons: ['can sell out early', 'pricier than most', 'small portions', 'long waits at peak times'],
    pickStyle: 'tier',
    priceLabel: 'Typical cost',
    brands: ['Copper & Crumb', 'Larder Lane', 'Mornbrew', 'Saltwell Kitchen', 'Hearthside Foods'],
    lines: TIERS,
  },
  health: {
    fields: ['health and fitness', 'wellness'],
    kinds: ['practice', 'approach', 'concept'],
    criteria: [
      'evidence',
      'safety',
      'ingredients',
      'value',
      'ease of use',
      'consistency',
      'gentleness',
      'design',
    ],
    audiences: ['beginners', 'older adults', 'busy schedules', 'athletes', 'sensitive skin', 'home workouts'],
    prices: [10, 90],
    siteWords: ['wellnotes', 'healthfile', 'clinicnotes', 'fitlab', 'carebase', 'vitalguide'],
    cons: ['pricier than basic options', 'results take a few weeks', 'not for everyone', 'strong scent'],
    pickStyle: 'named',
    priceLabel: 'Price',
    brands: ['Verdana', 'Solace', 'Brightroot', 'Calmera', 'Northwell', 'Purevale', 'Aurel'],
    lines: [],
  },
  finance: {
    fields: ['personal finance', 'investing'],
    kinds: ['financial product', 'concept', 'strategy'],
    criteria: [
      'fees',
      'returns',
      'risk',
      'flexibility',
      'rewards',
      'minimums',
      'customer service',
      'app quality',
    ],
    audiences: [
      'beginners',
      'long-term investors',
      'frequent travelers',
      'students',
      'families',
      'small businesses',
    ],
    prices: [0, 95],
    siteWords: ['moneynotes', 'investguide', 'ledgerly', 'walletwise', 'capitalnotes', 'centsible'],
    cons: ['annual fee', 'limited branch access', 'higher minimums', 'rates can change'],
    pickStyle: 'named',
    priceLabel: 'Annual fee',
    brands: ['Northmark', 'Harbor Trust', 'Keystone & Vale', 'Meridian Bank', 'Fairway Capital', 'Oakline'],
    lines: [],
  },
  home: {
    fields: ['home improvement', 'home energy'],
    kinds: ['system', 'appliance', 'technology'],
    criteria: [
      'efficiency',
      'running costs',
      'installation',
      'noise',
      'reliability',
      'maintenance',
      'warranty',
      'ease of use',
    ],
    audiences: ['small homes', 'renters', 'families', 'older houses', 'tight budgets', 'DIY beginners'],
    prices: [40, 2500],
    siteWords: ['homenotes', 'housewise', 'livingguide', 'fixitfile', 'hearthlab', 'toolshed'],
    cons: ['installation costs extra', 'louder than some rivals', 'bulky', 'shorter warranty'],
    pickStyle: 'model',
    priceLabel: 'Price',
    brands: ['Hearthly', 'Tallbrook', 'Emberline', 'Quietus', 'Homestead Works', 'Clearvane'],
    lines: ['Series', 'Plus', 'Pro', 'Elite', 'Compact', 'Max', 'Select'],
  },
  science: {
    fields: ['science', 'physics and earth science'],
    kinds: ['process', 'phenomenon', 'concept'],
    criteria: [
      'accuracy',
      'depth',
      'clarity',
      'evidence',
      'recent findings',
      'visuals',
      'sources',
      'accessibility',
    ],
    audiences: ['curious beginners', 'students', 'teachers', 'families', 'enthusiasts', 'researchers'],
    prices: [10, 60],
    siteWords: ['sciencenotes', 'cosmoguide', 'discoverlab', 'labnotes', 'naturefile', 'starchart'],
    cons: ['gets technical', 'dense in places', 'few illustrations', 'short'],
    pickStyle: 'tier',
    priceLabel: 'Price',
    brands: ['Starfield Press', 'Lumen Learning Co', 'Orbit Books'],
    lines: TIERS,
  },
  media: {
    fields: ['books and media', 'entertainment'],
    kinds: ['genre', 'format', 'idea'],
    criteria: [
      'storytelling',
      'depth',
      'pacing',
      'world-building',
      'accessibility',
      'design',
      'originality',
      'length',
    ],
    audiences: ['beginners', 'teens', 'families', 'commuters', 'enthusiasts', 'groups'],
    prices: [10, 60],
    siteWords: ['readinglist', 'shelfnotes', 'playguide', 'listenwell', 'pagecount', 'screenlog'],
    cons: ['slow start', 'long', 'niche appeal', 'hard to find in stores'],
    pickStyle: 'tier',
    priceLabel: 'Price',
    brands: ['Shelfwise', 'Pagebound', 'Playhouse Games', 'Wavelength Audio'],
    lines: TIERS,
  },
  vehicles: {
    fields: ['cars and transport', 'electric mobility'],
    kinds: ['vehicle type', 'technology', 'feature'],
    criteria: [
      'range',
      'reliability',
      'running costs',
      'safety',
      'comfort',
      'charging',
      'cargo space',
      'warranty',
    ],
    audiences: [
      'commuters',
      'families',
      'first-time buyers',
      'road trippers',
      'city drivers',
      'budget buyers',
    ],
    prices: [24_000, 60_000],
    siteWords: ['drivenotes', 'motorguide', 'roadtest', 'autofile', 'chargeup', 'torquelab'],
    cons: ['slower charging', 'firm ride', 'small rear seats', 'pricey options'],
    pickStyle: 'model',
    priceLabel: 'Starting price',
    brands: ['Velocar', 'Aston Vale', 'Ridgeway Motors', 'Electra Nord', 'Corsa Lume'],
    lines: ['Aria', 'Volt', 'Terra', 'Cruise', 'Linea', 'Sprint'],
  },
  pets: {
    fields: ['pet care', 'animal health'],
    kinds: ['practice', 'product', 'behaviour'],
    criteria: [
      'ingredients',
      'vet recommendations',
      'value',
      'design',
      'ease of use',
      'odor control',
      'durability',
      'safety',
    ],
    audiences: [
      'puppies',
      'senior pets',
      'sensitive stomachs',
      'multi-pet homes',
      'small breeds',
      'budget shoppers',
    ],
    prices: [10, 80],
    siteWords: ['pawnotes', 'petwise', 'vetfile', 'tailguide', 'whiskerlab', 'fetchlog'],
    cons: ['pricier than store brands', 'strong scent', 'picky eaters may refuse it', 'bulky bags'],
    pickStyle: 'named',
    priceLabel: 'Price',
    brands: ['Pawsome Co', 'Hearth & Hound', 'Whiskerwell', 'Tailwind Pet', 'Barkley & Burr'],
    lines: [],
  },
  other: {
    fields: ['everyday life', 'consumer advice'],
    kinds: ['concept', 'term', 'idea'],
    criteria: [
      'quality',
      'value',
      'reliability',
      'ease of use',
      'design',
      'availability',
      'durability',
      'support',
    ],
    audiences: ['beginners', 'everyday use', 'budget shoppers', 'enthusiasts', 'families', 'gift-giving'],
    prices: [20, 300],
    siteWords: ['guidebook', 'insidernotes', 'reviewhub', 'dailyfind', 'pickwise', 'thebrief'],
    cons: ['pricier than rivals', 'limited availability', 'mixed long-term reviews', 'fewer options'],
    pickStyle: 'named',
    priceLabel: 'Price',
    brands: ['Marlowe', 'Tandem & Co', 'Fernhill', 'Oakridge Goods', 'Brightly', 'Calder', 'Wrenfield'],
    lines: [],
  },
};

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

export function profileFor(category: Category, keywords: readonly string[]): Profile {
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
