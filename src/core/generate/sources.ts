import type { Faker } from '@faker-js/faker';
import type { Rng } from '../random.ts';
import type { Topic } from './topic.ts';
import type { Source } from './types.ts';
import { brandName, capitalize, REFERENCE_YEAR, wordsFor } from './vocabulary.ts';

/** Publication-style names of our own, to mix with made-up ones as real answers mix big and small sites. */
const PUBLICATIONS: ReadonlyArray<readonly [string, string]> = [
  ['The Review Desk', 'thereviewdesk.com'],
  ['Everyday Explainer', 'everydayexplainer.org'],
  ['OpenWikiPedia', 'openwikipedia.org'],
  ["The Buyer's Brief", 'buyersbrief.com'],
  ['Signal & Noise', 'signalnoise.news'],
  ['HowTo Harbor', 'howtoharbor.com'],
  ['Metro Chronicle', 'metrochronicle.com'],
  ['The Tech Almanac', 'techalmanac.net'],
  ['Consumer Compass', 'consumercompass.org'],
  ['Learnly', 'learnly.io'],
  ['Field Notes Weekly', 'fieldnotesweekly.com'],
  ['Daily Ledger', 'dailyledger.com'],
];

/** A URL path segment from any script: letters and digits kept, the rest folded to hyphens. */
export function slugify(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
}

const MINOR_WORDS = new Set([
  'a',
  'an',
  'the',
  'and',
  'or',
  'of',
  'for',
  'to',
  'in',
  'on',
  'vs',
  'with',
  'at',
  'by',
]);

function titleCase(text: string): string {
  return text
    .split(' ')
    .map((word, i) =>
      i > 0 && MINOR_WORDS.has(word.toLowerCase())
        ? word.toLowerCase()
        : /\p{Lu}/u.test(word.slice(1))
          ? word
          : capitalize(word),
    )
    .join(' ');
}

function titleFor(topic: Topic, subject: string, rng: Rng, year: number): string {
  const title = titleCase(subject);
  switch (topic.intent) {
    case 'recommendation':
      return rng.pick([
        `The ${rng.int(5, 15)} Best ${title} of ${year}, Tested and Reviewed`,
        `Best ${title} (${year}): Our Top Picks`,
        `${title} Buying Guide: What to Look For in ${year}`,
      ]);
    case 'definition':
      return rng.pick([
        `What Is ${title}? A Beginner's Guide`,
        `${title} — Definition, History and Uses`,
        `${title} Explained`,
      ]);
    case 'howto':
      if (!topic.task)
        return rng.pick([
          `${title} Tips: What Beginners Should Know`,
          `${rng.int(7, 15)} ${title} Tips That Actually Work`,
          `The Complete ${title} Guide`,
        ]);
      return rng.pick([
        `How to ${title}: Step-by-Step Guide`,
        `${title}: ${rng.int(5, 12)} Tips That Actually Work`,
        `The Easiest Way to ${title}`,
      ]);
    case 'comparison':
      return rng.pick([
        `${title}: Which Should You Choose?`,
        `${title} — Full Comparison (${year})`,
        `${title}: Key Differences Explained`,
      ]);
    case 'news':
      return rng.pick([
        `${title}: Latest News and Updates`,
        `${title} — What We Know So Far`,
        `Live Updates: ${title}`,
      ]);
    default:
      return rng.pick([
        `${title}: Everything You Need to Know`,
        `A Complete Guide to ${title}`,
        `${title} — Overview and Key Facts`,
      ]);
  }
}

function snippetFor(subject: string, rng: Rng): string {
  return rng.pick([
    `We looked at ${subject} from every angle, from the basics to the details most guides skip.`,
    `Everything you need to know about ${subject}, updated regularly by our editors.`,
    `Our experts break down ${subject}, with practical advice and answers to common questions.`,
    `A clear, up-to-date look at ${subject}, including what has changed recently.`,
    `${capitalize(subject)}: key facts, comparisons and tips from people who have tried it.`,
  ]);
}

/** 3 to 8 publisher pages about the topic, on plausible domains whose slugs come from the topic. */
export function makeSources(topic: Topic, rng: Rng, faker: Faker): Source[] {
  const subject = topic.subject || 'getting started';
  const year = topic.year ?? REFERENCE_YEAR;
  const slug =
    slugify(
      topic.intent === 'definition'
        ? `what is ${subject}`
        : topic.intent === 'howto'
          ? topic.task
            ? `how to ${subject}`
            : `${subject} tips`
          : subject,
    ) || 'guide';
  const count = rng.int(3, 8);
  const published = rng.sample(PUBLICATIONS, rng.int(1, Math.min(4, count)));
  const words = wordsFor(topic.category, topic).siteWords;
  const sites: Array<readonly [string, string]> = [...published];
  while (sites.length < count) {
    const brand = brandName(rng, faker);
    const word = rng.pick(words);
    sites.push([
      `${brand} ${capitalize(word)}`,
      `${slugify(brand)}${word}.${rng.pick(['com', 'com', 'com', 'net', 'org', 'co'])}`,
    ]);
  }
  return rng.sample(sites, count).map(([siteName, domain]) => {
    const section = rng.pick(['', 'guides/', 'reviews/', 'blog/', 'news/', 'learn/', `${year}/`]);
    const query = rng.chance(0.15) ? `?ref=${rng.pick(['search', 'nav', 'home'])}` : '';
    return {
      title: titleFor(topic, subject, rng, year),
      url: `https://${rng.chance(0.6) ? 'www.' : ''}${domain}/${section}${encodeURIComponent(slug)}${query}`,
      siteName,
      snippet: snippetFor(subject, rng),
    };
  });
}
