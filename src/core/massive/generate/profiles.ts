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

export const TIERS = [
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
