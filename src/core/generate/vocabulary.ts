import type { Faker } from '@faker-js/faker';
import type { Rng } from '../random.ts';
import type { Category, Topic } from './topic.ts';

/**
 * The year answers are written in when the prompt names none. Content must not depend on the
 * clock (same seed, same bytes), and the emulated service is the 2026 one.
 */
export const REFERENCE_YEAR = 2026;

export const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
] as const;

interface CategoryWords {
  /** What reviewers judge things of this kind on. */
  criteria: readonly string[];
  /** Who the answer can tailor picks to. */
  audiences: readonly string[];
  /** Typical price range, in whole currency units. */
  prices: readonly [number, number];
  /** Words publishers of this field put in their domain names. */
  siteWords: readonly string[];
}

const WORDS: Record<Category, CategoryWords> = {
  footwear: {
    criteria: [
      'cushioning',
      'traction',
      'lockdown and fit',
      'court feel',
      'durability',
      'breathability',
      'support',
      'weight',
    ],
    audiences: [
      'guards',
      'big men',
      'outdoor courts',
      'wide feet',
      'beginners',
      'budget shoppers',
      'ankle support',
    ],
    prices: [70, 220],
    siteWords: ['kicks', 'runlab', 'solereview', 'stride', 'courtside', 'gear'],
  },
  electronics: {
    criteria: [
      'battery life',
      'display quality',
      'performance',
      'build quality',
      'camera',
      'software updates',
      'value for money',
      'ports',
    ],
    audiences: ['students', 'creators', 'gamers', 'travelers', 'professionals', 'budget shoppers'],
    prices: [99, 1499],
    siteWords: ['techbench', 'gadget', 'digital', 'reviewed', 'labs', 'circuit'],
  },
  software: {
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
    siteWords: ['devhub', 'stack', 'codecraft', 'cloudnotes', 'bytes', 'engineering'],
  },
  travel: {
    criteria: [
      'location',
      'cost',
      'things to do',
      'food scene',
      'getting around',
      'best time to go',
      'safety',
      'crowds',
    ],
    audiences: ['families', 'couples', 'solo travelers', 'budget travelers', 'first-timers', 'foodies'],
    prices: [80, 900],
    siteWords: ['travel', 'wanderer', 'atlas', 'passport', 'journeys', 'nomad'],
  },
  food: {
    criteria: [
      'flavor',
      'prep time',
      'ingredients',
      'texture',
      'difficulty',
      'nutrition',
      'cost',
      'leftovers',
    ],
    audiences: ['weeknights', 'beginners', 'meal prep', 'families', 'vegetarians', 'entertaining'],
    prices: [8, 45],
    siteWords: ['kitchen', 'eats', 'recipes', 'table', 'pantry', 'foodie'],
  },
  health: {
    criteria: [
      'evidence',
      'safety',
      'consistency',
      'intensity',
      'recovery',
      'cost',
      'time commitment',
      'side effects',
    ],
    audiences: [
      'beginners',
      'older adults',
      'busy schedules',
      'athletes',
      'home workouts',
      'people with injuries',
    ],
    prices: [10, 120],
    siteWords: ['health', 'wellness', 'clinic', 'fit', 'medical', 'care'],
  },
  finance: {
    criteria: [
      'fees',
      'returns',
      'risk',
      'liquidity',
      'tax treatment',
      'minimums',
      'flexibility',
      'customer service',
    ],
    audiences: [
      'beginners',
      'long-term investors',
      'retirees',
      'high earners',
      'students',
      'small businesses',
    ],
    prices: [0, 95],
    siteWords: ['money', 'invest', 'finance', 'wallet', 'capital', 'ledger'],
  },
  home: {
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
    siteWords: ['home', 'house', 'living', 'garden', 'fixit', 'energy'],
  },
  science: {
    criteria: [
      'accuracy',
      'depth',
      'clarity',
      'evidence',
      'recent findings',
      'visual explanations',
      'sources',
      'accessibility',
    ],
    audiences: ['curious beginners', 'students', 'teachers', 'families', 'enthusiasts', 'researchers'],
    prices: [10, 60],
    siteWords: ['science', 'space', 'discover', 'lab', 'cosmos', 'nature'],
  },
  other: {
    criteria: [
      'quality',
      'value',
      'reliability',
      'ease of use',
      'reviews',
      'availability',
      'support',
      'longevity',
    ],
    audiences: ['beginners', 'everyday use', 'budget shoppers', 'enthusiasts', 'families', 'professionals'],
    prices: [20, 300],
    siteWords: ['guide', 'insider', 'review', 'daily', 'hub', 'report'],
  },
};

/** Shoes for running are judged and sold differently from shoes for the court. */
const RUNNING_SHOES: CategoryWords = {
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
  audiences: [
    'beginners',
    'flat feet',
    'long runs',
    'wide feet',
    'daily training',
    'race day',
    'budget shoppers',
  ],
  prices: [70, 220],
  siteWords: ['runlab', 'stride', 'runner', 'miles', 'pace', 'gear'],
};
const EVERYDAY_SHOES: CategoryWords = {
  criteria: ['comfort', 'fit', 'durability', 'support', 'style', 'breathability', 'weight', 'grip'],
  audiences: ['all-day wear', 'wide feet', 'travel', 'standing at work', 'budget shoppers', 'walking'],
  prices: [50, 200],
  siteWords: ['stride', 'solereview', 'kicks', 'gear', 'footwear', 'style'],
};

export function wordsFor(category: Category, topic?: Pick<Topic, 'keywords'>): CategoryWords {
  if (category === 'footwear' && topic) {
    const keywords = new Set(topic.keywords);
    if (['basketball', 'court', 'hoops'].some((word) => keywords.has(word))) return WORDS.footwear;
    if (['running', 'run', 'runners', 'trail', 'marathon', 'jogging'].some((word) => keywords.has(word)))
      return RUNNING_SHOES;
    return EVERYDAY_SHOES;
  }
  return WORDS[category];
}

const PREFIXES = [
  'Aer',
  'Bri',
  'Cor',
  'Dyn',
  'Ev',
  'Fly',
  'Gal',
  'Hal',
  'Ion',
  'Kor',
  'Lum',
  'Nov',
  'Or',
  'Pyr',
  'Ryn',
];
const SUFFIXES = ['ax', 'ora', 'ex', 'io', 'ant', 'ix', 'ova', 'um', 'enta', 'yx', 'on', 'ara', 'is'];
const MODEL_WORDS = [
  'Pro',
  'Air',
  'Max',
  'Elite',
  'Flex',
  'Lite',
  'Ultra',
  'Nova',
  'Core',
  'Edge',
  'Swift',
  'Prime',
  'One',
];

/** A made-up but pronounceable brand: invented syllables or a surname, never a real trademark list. */
export function brandName(rng: Rng, faker: Faker): string {
  return rng.chance(0.6) ? `${rng.pick(PREFIXES)}${rng.pick(SUFFIXES)}` : faker.person.lastName();
}

/** A name for one pick of a recommendation, shaped by what kind of thing is asked about. */
export function itemName(topic: Topic, rng: Rng, faker: Faker): string {
  switch (topic.category) {
    case 'travel':
      return faker.location.city();
    case 'food':
      return faker.food.dish();
    case 'software':
      return `${brandName(rng, faker)}${rng.pick(['', ' Cloud', ' Studio', ' AI', ' Pro', '.io', ' Desk'])}`;
    case 'finance':
      return `${brandName(rng, faker)} ${rng.pick(['Index Fund', 'Rewards Card', 'High-Yield Savings', 'Growth ETF', 'Brokerage'])}`;
    case 'health':
      return `${brandName(rng, faker)} ${rng.pick(['Program', 'Plan', 'Method', 'Routine'])}`;
    default:
      return `${brandName(rng, faker)} ${rng.pick(MODEL_WORDS)} ${rng.int(2, 9)}`;
  }
}

export function price(topic: Topic, rng: Rng): string {
  const [min, max] = wordsFor(topic.category, topic).prices;
  const value = rng.int(min, max);
  return value === 0 ? 'Free' : `$${value < 30 ? value : Math.round(value / 10) * 10 - 1}`;
}

export function capitalize(text: string): string {
  return text.charAt(0).toLocaleUpperCase() + text.slice(1);
}

/** Escapes what Markdown would read as syntax, so prompt words stay words (and never fake a citation). */
export function mdText(text: string): string {
  return text.replace(/[\\`*_[\]<>|#~]/g, '\\$&');
}

/** Turns the asker's words into the answerer's: "reset my phone" → "reset your phone". */
export function secondPerson(text: string): string {
  const swaps: Record<string, string> = {
    my: 'your',
    i: 'you',
    me: 'you',
    mine: 'yours',
    "i'm": "you're",
    myself: 'yourself',
  };
  return text.replace(/\b(my|i'm|i|me|mine|myself)\b/gi, (word) => swaps[word.toLowerCase()] ?? word);
}
