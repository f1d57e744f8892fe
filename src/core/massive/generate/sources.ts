import type { Rng } from '../../kernel/random.ts';
import { capitalize, titleCase } from './english.ts';
import type { Profile } from './profiles.ts';
import type { Topic } from './topic.ts';
import type { Source } from './types.ts';
import { REFERENCE_YEAR } from './writers/context.ts';
import { FACT_QUESTION, factSubject } from './writers/factual.ts';
import { QUESTION, quoted } from './writers/question.ts';

/** Where cited pages live: `reserved` domains (`.example`, RFC 2606) can never reach a real site. */
export type DomainStyle = 'reserved' | 'public';

/** General publications of our own, to mix with the field's sites as real answers mix big and small ones. */
const PUBLICATIONS: ReadonlyArray<readonly [string, string]> = [
  ['The Review Desk', 'thereviewdesk'],
  ['Everyday Explainer', 'everydayexplainer'],
  ['Open Reference', 'openreference'],
  ["The Buyer's Brief", 'buyersbrief'],
  ['Signal & Noise', 'signalnoise'],
  ['HowTo Harbor', 'howtoharbor'],
  ['Metro Chronicle', 'metrochronicle'],
  ['The Tech Almanac', 'techalmanac'],
  ['Consumer Compass', 'consumercompass'],
  ['Learnly', 'learnly'],
  ['Field Notes Weekly', 'fieldnotesweekly'],
  ['Daily Ledger', 'dailyledger'],
];

const PUBLIC_TLDS = ['com', 'com', 'com', 'net', 'org', 'co'];

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

/** A host for a site's name part: `runlab.example` by default, `runlab.com` for public-looking ones. */
export function hostFor(name: string, rng: Rng, style: DomainStyle): string {
  return `${name}.${style === 'reserved' ? 'example' : rng.pick(PUBLIC_TLDS)}`;
}

type Title = (t: string, year: number, n: number) => string;

const TITLES: Record<Topic['intent'] | 'tips' | 'person' | 'question', readonly Title[]> = {
  question: [
    (t) => `${t} Here's What Experts Say`,
    (t) => `${t} The Honest Answer`,
    (t) => `${t} What the Evidence Shows`,
    (t) => `Ask the Experts: ${t}`,
    (t) => `${t} It Depends — Here's How to Decide`,
    (t) => `Reader Question: ${t}`,
    (t, y) => `${t} (${y} Update)`,
    (t) => `We Looked Into It: ${t}`,
  ],
  person: [
    (t) => `${t}: Biography and Career`,
    (t) => `${t} — Profile`,
    (t) => `Who Is ${t}?`,
    (t, y) => `${t}: Key Moments (Updated ${y})`,
    (t) => `${t} in Their Own Words`,
    (t) => `Interview: ${t}`,
    (t) => `${t}: Fast Facts`,
    (t) => `The Story of ${t}`,
  ],
  recommendation: [
    (t, y, n) => `The ${n} Best ${t} of ${y}, Tested and Reviewed`,
    (t, y) => `Best ${t} (${y}): Our Top Picks`,
    (t, y) => `${t} Buying Guide: What to Look For in ${y}`,
    (t) => `We Tested Dozens of ${t}. These Are Worth It`,
    (t, y) => `${t} ${y}: Expert Picks for Every Budget`,
    (t) => `How We Test ${t}`,
    (t) => `${t}: Reader Favourites and Long-Term Reviews`,
    (t, _, n) => `${n} ${t} Our Editors Actually Use`,
  ],
  definition: [
    (t) => `What Is ${t}? A Beginner's Guide`,
    (t) => `${t}: Definition, History and Uses`,
    (t) => `${t} Explained`,
    (t) => `${t}, in Plain English`,
    (t) => `Understanding ${t}: Key Concepts`,
    (t, y) => `${t} (${y} Guide)`,
    (t) => `A Short Introduction to ${t}`,
    (t) => `${t}: Frequently Asked Questions`,
  ],
  howto: [
    (t) => `How to ${t}: Step-by-Step Guide`,
    (t, _, n) => `How to ${t} in ${n} Simple Steps`,
    (t) => `The Easiest Way to ${t}`,
    (t) => `How to ${t} (Without the Usual Mistakes)`,
    (t, y) => `How to ${t}: A ${y} Guide for Beginners`,
    (t) => `I Tried to ${t}. Here's What Worked`,
    (t) => `${t}: Common Problems and Fixes`,
    (t) => `A Beginner's Checklist: ${t}`,
  ],
  tips: [
    (t) => `${t} Tips: What Beginners Should Know`,
    (t, _, n) => `${n} ${t} Tips That Actually Work`,
    (t) => `The Complete ${t} Guide`,
    (t) => `${t}: Mistakes to Avoid`,
    (t, y) => `${t} in ${y}: What's Changed`,
    (t) => `Getting Started with ${t}`,
    (t) => `${t}, Explained for Beginners`,
    (t) => `Ask an Expert: ${t}`,
  ],
  comparison: [
    (t) => `${t}: Which Should You Choose?`,
    (t, y) => `${t}: Full Comparison (${y})`,
    (t) => `${t}: Key Differences Explained`,
    (t) => `${t}, Head to Head`,
    (t) => `${t}: Pros, Cons and Verdict`,
    (t) => `We Compared ${t} So You Don't Have To`,
    (t, y) => `${t} in ${y}: What's Actually Different`,
    (t) => `${t}: Reader Questions Answered`,
  ],
  news: [
    (t) => `${t}: Latest News and Updates`,
    (t) => `${t}: What We Know So Far`,
    (t) => `Live Updates: ${t}`,
    (t, y) => `${t} in ${y}: A Timeline`,
    (t) => `${t}: What Happens Next`,
    (t) => `Analysis: What ${t} Means`,
    (t) => `${t}: The Week in Review`,
    (t) => `${t}: Key Questions Answered`,
  ],
  general: [
    (t) => `${t}: Everything You Need to Know`,
    (t) => `A Complete Guide to ${t}`,
    (t) => `${t}: Overview and Key Facts`,
    (t) => `${t}, Explained`,
    (t) => `The Basics of ${t}`,
    (t, y) => `${t}: A ${y} Primer`,
    (t) => `${t}: Common Questions Answered`,
    (t) => `What to Know About ${t}`,
  ],
};

const SNIPPETS: ReadonlyArray<(subject: string) => string> = [
  (s) => `We looked at ${s} from every angle, from the basics to the details most guides skip.`,
  (s) => `Everything you need to know about ${s}, updated regularly by our editors.`,
  (s) => `Our experts break down ${s}, with practical advice and answers to common questions.`,
  (s) => `A clear, up-to-date look at ${s}, including what has changed recently.`,
  (s) => `${capitalize(s)}: key facts, comparisons and tips from people who have tried it.`,
  (s) => `Readers asked us about ${s}; here is what we found after weeks of research.`,
  (s) => `The short version on ${s}, with links to the longer explainers.`,
  (s) => `What beginners get wrong about ${s}, and how to get it right.`,
];

/**
 * 3 to 8 publisher pages about the topic: distinct sites, each with its own title and snippet,
 * on reserved `.example` domains unless `public` is asked for.
 */
export function makeSources(topic: Topic, profile: Profile, rng: Rng, style: DomainStyle): Source[] {
  const person = /^who (?:is|was|are)\b/i.test(topic.clause) && topic.intent === 'definition';
  const factualQuestion = FACT_QUESTION.test(topic.clause);
  const asked = topic.intent === 'general' && !factualQuestion && QUESTION.test(topic.clause);
  const subject = (factualQuestion ? factSubject(topic.clause) : topic.subject) || 'getting started';
  const year = topic.year ?? REFERENCE_YEAR;
  const tips = topic.intent === 'howto' && !topic.task;
  const slug =
    slugify(
      topic.intent === 'definition' && !person && !factualQuestion
        ? `what is ${subject}`
        : topic.intent === 'howto'
          ? tips
            ? `${subject} tips`
            : `how to ${subject}`
          : subject,
    ) || 'guide';
  const count = rng.int(3, 8);
  const fieldSites = profile.siteWords.map((word) => [capitalize(word), word] as const);
  const sites = rng.sample([...rng.sample(PUBLICATIONS, rng.int(1, 4)), ...fieldSites], count);
  const kind = person
    ? 'person'
    : asked
      ? 'question'
      : factualQuestion
        ? 'general'
        : tips
          ? 'tips'
          : topic.intent;
  const titles = rng.sample(TITLES[kind], sites.length);
  const snippets = rng.sample(SNIPPETS, sites.length);
  // "What Is a Heat Pump?": a definition's title keeps the article the prompt used.
  const title = asked
    ? titleCase(quoted(topic))
    : titleCase(
        topic.intent === 'definition' && topic.article && !factualQuestion
          ? `${topic.article} ${subject}`
          : subject,
      );
  return sites.map(([siteName, host], i) => {
    const section = rng.pick(['', 'guides/', 'reviews/', 'blog/', 'news/', 'learn/', `${year}/`]);
    const query = rng.chance(0.15) ? `?ref=${rng.pick(['search', 'nav', 'home'])}` : '';
    return {
      title: (titles[i] ?? TITLES.general[0] ?? String)(title, year, rng.int(5, 15)),
      url: `https://${rng.chance(0.6) ? 'www.' : ''}${hostFor(host, rng, style)}/${section}${encodeURIComponent(slug)}${query}`,
      siteName,
      snippet: (snippets[i] ?? String)(subject),
    };
  });
}
