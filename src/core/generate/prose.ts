import type { Faker } from '@faker-js/faker';
import type { Rng } from '../random.ts';
import type { Category, Topic } from './topic.ts';
import { capitalize, itemName, MONTHS, mdText, price, REFERENCE_YEAR, wordsFor } from './vocabulary.ts';

/** Everything a writer draws on; `cite` hands out `[n]` markers over the answer's sources. */
export interface ProseContext {
  topic: Topic;
  rng: Rng;
  faker: Faker;
  /** Where the asker is, for local answers (weather, "near me"); null when unknown. */
  city: string | null;
  cite: Citer;
}

export interface Citer {
  /** A ` [n]` marker, or '' when this sentence goes uncited (chatbots do not cite every line). */
  maybe(probability?: number): string;
}

/** Walks the sources in a shuffled order so that every one of them ends up cited. */
export function createCiter(sourceCount: number, rng: Rng): Citer {
  const order = rng.sample(
    Array.from({ length: sourceCount }, (_, i) => i + 1),
    sourceCount,
  );
  let next = 0;
  const take = (): number => order[next++ % order.length] ?? 1;
  return {
    maybe(probability = 0.55) {
      if (sourceCount === 0 || !rng.chance(probability)) return '';
      const first = take();
      return rng.chance(0.15) && sourceCount > 1 ? ` [${first}][${take()}]` : ` [${first}]`;
    },
  };
}

/**
 * A writer returns the answer's blocks (paragraphs, lists, headings, tables). Conventions every
 * writer keeps: a citation only ever ends a paragraph or a list item (never mid-paragraph, where a
 * citation pill would read as a stray line); a heading is always followed by its content; ordered
 * lists keep their logical order; no sentence is written twice in one answer.
 */
type Writer = (ctx: ProseContext) => string[];

const HEADING_EMOJI = ['', '', '🔎 ', '✅ ', '💡 ', '📌 ', '⭐ '];

function heading(ctx: ProseContext, text: string): string {
  return `### ${ctx.rng.pick(HEADING_EMOJI)}${text}`;
}

/** Upper-cases a sentence's first letter, leaving brand casing ("iPhone") alone. */
function upper(text: string): string {
  return /^\p{Ll}\p{Lu}/u.test(text) ? text : capitalize(text);
}

/** "a" or "an" before a word. */
function a(word: string): string {
  return `${/^(?:[aeio]|u(?!ni|se|sa|ser)|hour|honest)/i.test(word) ? 'an' : 'a'} ${word}`;
}

/** Sentences joined into one paragraph, with at most one citation, at its end. */
function para(ctx: ProseContext, sentences: readonly string[], probability = 0.55): string {
  return `${sentences.filter(Boolean).join(' ')}${ctx.cite.maybe(probability)}`;
}

/** The subject's written forms, Markdown-escaped, ready to drop into sentences. */
interface Forms {
  /** As asked: "heat pump", "laptops". */
  subject: string;
  /** With the article it needs in a sentence: "a heat pump", "the tallest buildings", "MCP". */
  name: string;
  /** `name` at the start of a sentence. */
  Name: string;
  /** The short phrase sentences weave in (see Topic.focus). */
  focus: string;
  /** For how-tos, what to do: "start running"; '' when the prompt names a thing, not a task. */
  task: string;
  /** The qualifier with a leading space ("for students"), or ''. */
  qualifier: string;
  plural: boolean;
}

function forms(ctx: ProseContext): Forms {
  const { topic } = ctx;
  const subject = mdText(topic.subject);
  const name = topic.article ? `${topic.article} ${subject}` : subject;
  const plural =
    /^(?:what|who)\s+(?:are|were)\b/i.test(topic.clause) ||
    (!/^(?:an?)$/i.test(topic.article) && isPlural(topic.subject));
  return {
    subject,
    name,
    Name: upper(name),
    focus: mdText(topic.focus || topic.subject),
    task: mdText(topic.task),
    qualifier: topic.qualifier ? ` ${mdText(topic.qualifier)}` : '',
    plural,
  };
}

/** A rough plural test on a noun phrase's head word: "buildings", "flights", but not "glass" or "MCP". */
function isPlural(phrase: string): boolean {
  return /[^su'’]s$/i.test(phrase) && !/(?:^|\s)[A-Z0-9]+s$/.test(phrase);
}

function yearOf(ctx: ProseContext): number {
  return ctx.topic.year ?? REFERENCE_YEAR;
}

function cell(text: string): string {
  return text.replace(/\|/g, '\\|');
}

function table(head: readonly string[], rows: ReadonlyArray<readonly string[]>): string {
  const line = (cells: readonly string[]): string => `| ${cells.map(cell).join(' | ')} |`;
  return [line(head), line(head.map(() => '---')), ...rows.map(line)].join('\n');
}

function names(ctx: ProseContext, count: number): string[] {
  const seen = new Set<string>();
  for (let i = 0; seen.size < count && i < count * 4; i++)
    seen.add(mdText(itemName(ctx.topic, ctx.rng, ctx.faker)));
  return [...seen];
}

// ---------------------------------------------------------------------------------------------
// Recommendation

const GENERIC_CONS = [
  'pricier than rivals',
  'limited availability',
  'mixed long-term reviews',
  'fewer options than competitors',
];
const CONS: Partial<Record<Category, readonly string[]>> = {
  footwear: [
    'runs a little small',
    'limited colorways',
    'takes a few wears to break in',
    'outsole wears fast on rough surfaces',
  ],
  electronics: [
    'average battery life',
    'no charger in the box',
    'pricier than rivals',
    'heavier than it looks',
  ],
  software: ['fewer integrations', 'steeper learning curve', 'paid tiers add up', 'limited offline use'],
  home: ['installation costs extra', 'louder than some rivals', 'bulky', 'limited warranty'],
};

/** Best first: a comparison's "who wins" reads off these positions. */
const RATINGS = ['Class-leading', 'Excellent', 'Very good', 'Good', 'Solid', 'Decent', 'Average'];

const recommendation: Writer = (ctx) => {
  const { rng, topic } = ctx;
  const f = forms(ctx);
  const what = `${f.subject}${f.qualifier}`;
  const year = yearOf(ctx);
  const words = wordsFor(topic.category, topic);
  const picks = names(ctx, rng.int(4, 6));
  const criteria = rng.sample(words.criteria, 4);
  const criterion = (i: number): string => criteria[i % criteria.length] ?? 'value';
  const audiences = rng.sample(words.audiences, picks.length);
  const audience = (i: number): string => audiences[i] ?? 'most people';
  const intro = rng.pick([
    para(
      ctx,
      [
        `Here are some of the best ${what} in ${year}, based on recent reviews, hands-on testing and what owners keep recommending.`,
        `Prices move often, so treat the figures below as a guide.`,
      ],
      0.8,
    ),
    para(
      ctx,
      [
        `If you're shopping for ${what} this year, a handful of options stand out for ${criterion(0)} and ${criterion(1)}.`,
        `The right pick mostly depends on how you'll use it.`,
      ],
      0.8,
    ),
    para(
      ctx,
      [
        `The right choice of ${what} depends on your priorities, but these are the ones reviewers rate highest right now.`,
        `Each one is strong in a different way.`,
      ],
      0.8,
    ),
  ]);
  const explain = rng.sample(
    [
      `often the biggest difference between good and great ${f.subject}`,
      `worth checking in hands-on reviews, not just spec sheets`,
      `matters more than the brand name for most people`,
      `easy to overlook, but you'll notice it after a few weeks`,
      `the first thing owners mention in long-term reviews`,
    ],
    criteria.length,
  );
  const criteriaList = criteria
    .map((c, i) => `- **${capitalize(c)}:** ${explain[i]}.${ctx.cite.maybe(0.3)}`)
    .join('\n');
  const why = (i: number): string =>
    [
      `stands out for its ${criterion(i)}, and its ${criterion(i + 1)} is among the best in this group`,
      `a well-rounded pick with excellent ${criterion(i)} and dependable ${criterion(i + 1)}`,
      `reviewers single out its ${criterion(i)}, and its ${criterion(i + 1)} holds up well too`,
    ][i % 3] ?? '';
  const follow = rng.pick([
    `If you tell me your budget and how you plan to use them, I can narrow this down to one or two ${f.subject}.`,
    `Want me to compare two of these side by side, or focus on a specific price range?`,
    `**Tip:** prices on ${f.subject} drop often around major sales, so it's worth setting a price alert before you buy.`,
  ]);
  const layout = rng.int(0, 2);
  if (layout === 0) {
    const items = picks.map((name, i) =>
      [
        `${i + 1}. **${name}** — best for ${audience(i)}`,
        `   - **Why it stands out:** ${upper(why(i))}.${ctx.cite.maybe()}`,
        `   - **Price:** around ${price(topic, rng)}`,
      ].join('\n'),
    );
    return [
      intro,
      heading(ctx, `Top picks for ${year}`),
      items.join('\n'),
      heading(ctx, `What to look for in ${f.subject}`),
      criteriaList,
      follow,
    ];
  }
  if (layout === 1) {
    const blurbs = rng.sample(
      [
        (i: number) =>
          `A reliable all-rounder whose ${criterion(i)} holds up well over time, which is rarer than it should be among ${f.subject}.`,
        (i: number) =>
          `Reviewers consistently praise its ${criterion(i)}, and it's priced fairly for what you get.`,
        (i: number) =>
          `It isn't the flashiest option, but it gets the fundamentals right, especially ${criterion(i + 2)}.`,
        (i: number) =>
          `If ${criterion(i)} is your top priority, this is the one most testers would point you to.`,
      ],
      4,
    );
    const cons = rng.sample(CONS[topic.category] ?? GENERIC_CONS, 4);
    const sections = picks
      .slice(0, 4)
      .flatMap((name, i) => [
        heading(ctx, `Best for ${audience(i)}: ${name}`),
        para(ctx, [blurbs[i]?.(i) ?? '']),
        [
          `- **Pros:** ${criterion(i + 1)}, ${criterion(i + 3)}`,
          `- **Cons:** ${cons[i] ?? 'few, for the price'}`,
          `- **Typical price:** ${price(topic, rng)}`,
        ].join('\n'),
      ]);
    return [intro, ...sections, heading(ctx, 'Quick buying tips'), criteriaList, follow];
  }
  return [
    intro,
    heading(ctx, 'Quick comparison'),
    table(
      ['Pick', 'Best for', 'Price', 'Standout'],
      picks.map((name, i) => [name, capitalize(audience(i)), price(topic, rng), capitalize(criterion(i))]),
    ),
    para(
      ctx,
      [
        `${rng.pick(['Overall', 'For most people', 'If you only want one'])}, **${picks[0]}** is the safest choice, while **${picks[1] ?? picks[0]}** is the better value.`,
        `Both are easy to find, and neither asks you to compromise much on ${criterion(0)}.`,
      ],
      0.7,
    ),
    heading(ctx, 'Before you buy'),
    criteriaList,
    follow,
  ];
};

// ---------------------------------------------------------------------------------------------
// Definition and who-is

const FIELD: Record<Category, readonly string[]> = {
  software: ['software development', 'computing'],
  electronics: ['consumer technology'],
  finance: ['personal finance'],
  health: ['health and fitness'],
  travel: ['travel'],
  food: ['cooking'],
  footwear: ['sports gear'],
  home: ['home improvement', 'home energy'],
  science: ['science', 'physics and earth science'],
  other: ['technology', 'business', 'everyday language'],
};

const KIND: Record<Category, readonly string[]> = {
  software: ['standard', 'tool', 'technology'],
  electronics: ['device', 'technology', 'feature'],
  finance: ['financial product', 'concept', 'strategy'],
  health: ['practice', 'approach', 'concept'],
  travel: ['destination', 'option', 'service'],
  food: ['technique', 'ingredient', 'dish'],
  footwear: ['design', 'technology', 'type of shoe'],
  home: ['system', 'appliance', 'technology'],
  science: ['process', 'phenomenon', 'concept'],
  other: ['concept', 'term', 'idea'],
};

const PEOPLE: ReadonlyArray<readonly [string, string]> = [
  ['mathematics', 'mathematician'],
  ['computing', 'computing pioneer'],
  ['literature', 'writer'],
  ['science', 'scientist'],
  ['music', 'musician'],
  ['business', 'entrepreneur'],
  ['film', 'filmmaker'],
  ['politics', 'political figure'],
];

const whoIs: Writer = (ctx) => {
  const { rng } = ctx;
  const f = forms(ctx);
  const who = `**${f.Name}**`;
  const [field, role] = rng.pick(PEOPLE);
  const decade = rng.int(184, 201) * 10;
  const intro = rng.pick([
    para(
      ctx,
      [
        `${who} is best known as ${a(role)} whose work in ${field} is still widely discussed.`,
        `Most accounts focus on what ${f.Name} achieved from the ${decade}s onward.`,
      ],
      0.9,
    ),
    para(
      ctx,
      [
        `${who} is ${a(role)} and one of the names that comes up most often in discussions of ${field}.`,
        `Interest in ${f.Name}'s work has grown steadily since the ${decade}s.`,
      ],
      0.9,
    ),
  ]);
  const facts = rng
    .sample(
      [
        `- **Field:** ${capitalize(field)}`,
        `- **Active from:** the ${decade}s${ctx.cite.maybe(0.4)}`,
        `- **Known for:** influential work in ${field} that later generations built on${ctx.cite.maybe(0.5)}`,
        `- **Often mentioned alongside:** other ${role}s of the same period`,
        `- **Legacy:** ${f.Name} is regularly cited in books, courses and articles on ${field}`,
      ],
      4,
    )
    .join('\n');
  return [
    intro,
    heading(ctx, 'Quick facts'),
    facts,
    heading(ctx, rng.pick(['Why people talk about them', 'Why they matter'])),
    para(ctx, [
      `${f.Name} gained wider attention as the importance of their work became clearer, and is often described as an influence by later ${role}s.`,
      rng.pick([
        `Coverage tends to focus on their early work and how it shaped ${field}.`,
        `Biographies usually stress how far ahead of their time some of their ideas were.`,
      ]),
    ]),
    heading(ctx, 'Where to learn more'),
    para(
      ctx,
      [
        `A good biography or an encyclopedia entry on ${f.Name} is the best place to start, followed by their own writing if it is available.`,
        `Documentaries and museum collections on ${field} often cover ${f.Name} as well.`,
      ],
      0.6,
    ),
    rng.pick([
      `Is there a particular part of ${f.Name}'s life or work you'd like to know more about?`,
      `If you meant a different ${f.Name}, give me a bit more context and I'll look again.`,
    ]),
  ];
};

const definition: Writer = (ctx) => {
  const { rng, topic } = ctx;
  if (/^who\b/i.test(topic.clause)) return whoIs(ctx);
  const f = forms(ctx);
  const field = rng.pick(FIELD[topic.category]);
  const kind = rng.pick(KIND[topic.category]);
  const be = f.plural ? 'are' : 'is';
  const aKind = f.plural ? `${kind}s` : a(kind);
  const it = f.plural ? 'they' : 'it';
  const intro = rng.pick([
    para(
      ctx,
      [
        `**${f.Name}** ${be} ${aKind} used in ${field}.`,
        `In plain terms, ${it} ${f.plural ? 'take' : 'takes'} a job that used to be handled case by case and ${f.plural ? 'make' : 'makes'} it repeatable and predictable.`,
      ],
      0.9,
    ),
    para(
      ctx,
      [
        `In ${field}, **${f.name}** ${f.plural ? 'are' : 'is'} ${aKind} that ${f.plural ? 'solve' : 'solves'} one specific, recurring problem in a reliable way.`,
        `That focus is why the term comes up so often.`,
      ],
      0.9,
    ),
    para(
      ctx,
      [
        `Put simply, **${f.name}** ${be} ${aKind} from ${field}.`,
        `The idea behind ${it === 'it' ? 'it' : 'them'} is simple, even if the details can get technical.`,
      ],
      0.9,
    ),
  ]);
  const how = [
    rng.pick([
      `1. **The starting point:** ${f.name} ${be} built around one clear need, which most guides explain first.`,
      `1. **The basic principle:** everything about ${f.name} follows from one simple idea.`,
    ]),
    rng.pick([
      `2. **The main parts:** a few components or rules work together; the details vary, but the principle stays the same.${ctx.cite.maybe()}`,
      `2. **How it runs:** the parts of ${f.name} work in a fixed sequence, each one handing over to the next.${ctx.cite.maybe()}`,
    ]),
    rng.pick([
      `3. **The result:** you get a predictable outcome that is easy to check and compare.`,
      `3. **The outcome:** the end result is consistent, which is what makes ${f.name} useful in practice.`,
    ]),
  ].join('\n');
  const points = rng
    .sample(
      [
        `- **What it does:** ${f.name} ${f.plural ? 'give' : 'gives'} a dependable way to handle one specific job.${ctx.cite.maybe()}`,
        `- **Where you'll see it:** ${rng.pick(['product guides', 'industry reports', 'online courses', 'news coverage'])} and everyday ${field} discussions.`,
        `- **Why it matters:** it cuts down on ${rng.pick(['guesswork', 'one-off workarounds', 'wasted effort', 'costs'])} and makes results easier to compare.${ctx.cite.maybe()}`,
        `- **Main trade-off:** ${f.name} ${f.plural ? 'work' : 'works'} best when set up properly, and less well when corners are cut.`,
        `- **Common misconception:** that ${f.name} ${f.plural ? 'are' : 'is'} only for experts — the basics are easy to pick up.`,
      ],
      3,
    )
    .join('\n');
  const matters = [
    heading(ctx, rng.pick(['Why it matters', 'Why people care', 'The bigger picture'])),
    para(ctx, [
      `${rng.pick(['Before', 'Without'])} ${f.name}, ${rng.pick(['the same job took more time, effort or money', 'people had to make do with older, less efficient options', 'most people had to piece together their own workaround'])}.`,
      rng.pick([
        `With ${it === 'it' ? 'it' : 'them'}, results are easier to compare and reuse, which is why adoption has grown quickly.`,
        `That's the main reason ${f.name} keeps coming up in ${field}.`,
      ]),
    ]),
  ];
  const analogy = `**Simple analogy:** think of ${f.name} as ${rng.pick(['a universal adapter', 'a shared language', 'a recipe everyone follows', 'a map with agreed symbols'])} — one common approach instead of many custom ones.`;
  const practice = para(
    ctx,
    [
      `${rng.pick(['In practice', 'Day to day', 'For most people'])}, you'll run into ${f.name} when ${rng.pick(['setting up something new', 'reading product documentation', 'comparing options', 'following industry news'])}, even if it isn't named explicitly.`,
    ],
    0.4,
  );
  const follow = rng.pick([
    `Want a more technical explanation, or a real-world example of ${f.name} in use?`,
    `If you had a different meaning of ${f.subject} in mind, tell me the context and I'll adjust.`,
    `I can also compare ${f.name} with similar ${kind}s, if that helps.`,
  ]);
  const layout = rng.int(0, 2);
  if (layout === 0) {
    return [
      intro,
      ...matters,
      heading(ctx, 'Key points'),
      points,
      heading(ctx, 'How it works'),
      how,
      analogy,
      follow,
    ];
  }
  if (layout === 1) {
    return [
      intro,
      heading(ctx, 'How it works'),
      how,
      ...matters,
      practice,
      heading(ctx, 'Key points'),
      points,
      follow,
    ];
  }
  return [
    intro,
    heading(ctx, `${upper(f.subject)} at a glance`),
    table(
      ['Aspect', 'Details'],
      [
        ['Field', capitalize(field)],
        ['Type', capitalize(kind)],
        ['Main benefit', capitalize(rng.pick(['consistency', 'efficiency', 'reliability', 'clarity']))],
        ['Typical users', capitalize(rng.pick(['professionals', 'households', 'beginners', 'businesses']))],
      ],
    ),
    points,
    ...matters,
    analogy,
    follow,
  ];
};

// ---------------------------------------------------------------------------------------------
// How-to

/** The words a step can use; `activity` is set when the focus is a gerund ("running"). */
interface StepWords {
  task: string;
  focus: string;
  activity: string | null;
}
type Step = (w: StepWords) => readonly [string, string];
/** Steps by phase, in the order they happen: prepare → begin → do → check → finish. */
interface StepBank {
  prepare: readonly Step[];
  begin: readonly Step[];
  work: readonly Step[];
  check: readonly Step[];
  finish: readonly Step[];
  need: readonly string[];
  tips: readonly ((w: StepWords) => string)[];
}

const FITNESS: StepBank = {
  prepare: [
    (w) => [
      w.activity ? `Get the right gear for ${w.activity}` : 'Get comfortable gear',
      `Supportive shoes and breathable clothes are all you need to ${w.task} without aches.`,
    ],
    (w) => [
      'Check in with your body',
      `If you have any health concerns, talk to a doctor before you ${w.task}; otherwise, a quick self-check is enough.`,
    ],
  ],
  begin: [
    (w) => [
      w.activity ? `Start with short ${w.activity} sessions` : 'Start with short sessions',
      `Begin with 15–20 minutes, two or three times a week; taking walking or rest breaks is normal when you first ${w.task}.`,
    ],
    (w) => [
      'Warm up every time',
      `Five minutes of easy movement before each session prepares your muscles and makes it easier to ${w.task} safely.`,
    ],
  ],
  work: [
    (w) => [
      w.activity ? `Build your ${w.activity} routine gradually` : 'Build the habit gradually',
      `Add a little time or distance each week (about 10% is a common rule of thumb) so your body can adapt to ${w.focus}.`,
    ],
    (w) => [
      'Keep an easy pace',
      `Most sessions should feel conversational; going too hard too soon is the main reason people give up on ${w.focus}.`,
    ],
    (w) => [
      'Stay consistent',
      `Regular, moderate sessions do more than the occasional big effort when you want to ${w.task}.`,
    ],
  ],
  check: [
    (w) => [
      'Listen to your body',
      `Some soreness is normal, but sharp or lingering pain means it's time to rest before you get back to ${w.focus}.`,
    ],
    (w) => [
      'Track your progress',
      `Log each session so you can see how far you've come since you decided to ${w.task}.`,
    ],
  ],
  finish: [
    (w) => [
      'Set your next goal',
      `Once your routine feels easy, pick a new target, like a longer session or a local event, to keep ${w.focus} interesting.`,
    ],
    (w) => [
      'Make recovery part of the plan',
      `Rest days, sleep and stretching are what let you keep up ${w.focus} for the long term.`,
    ],
  ],
  need: [
    'Comfortable, supportive shoes',
    'Breathable clothes for the weather',
    'A water bottle',
    'A simple way to log your sessions',
    'About 20–30 minutes, a few times a week',
  ],
  tips: [
    (w) =>
      `- **Go slower than you think:** a pace you could talk at is the right one when you start ${w.focus}.`,
    () => `- **Rest counts too:** recovery days are when your body actually adapts.`,
    (w) => `- **Find a buddy or a group:** it's easier to keep up ${w.focus} with company.`,
    () => `- **Don't skip the warm-up:** a few minutes of easy movement prevents most early aches.`,
  ],
};

const FOOD: StepBank = {
  prepare: [
    (w) => [
      'Read the recipe through',
      `Before you ${w.task}, read the whole method once so nothing surprises you halfway.`,
    ],
    (w) => [
      'Gather your ingredients',
      `Weigh and lay out everything for ${w.focus} first; it makes the rest of the process calm and quick.`,
    ],
  ],
  begin: [
    (w) => [
      'Prep before you start',
      `Chop, measure and preheat as needed, so each stage of ${w.focus} can follow straight on.`,
    ],
  ],
  work: [
    (w) => [
      'Follow the method in order',
      `Mix, rest and cook in the order the recipe gives; with ${w.focus}, timing matters more than speed.`,
    ],
    (w) => [
      'Watch the heat and the timing',
      `Keep an eye on temperature and time, since they affect ${w.focus} more than small changes to the ingredients.`,
    ],
  ],
  check: [
    (w) => [
      'Check and adjust',
      `Near the end, check the texture and flavor of ${w.focus} and adjust the timing or seasoning if needed.`,
    ],
  ],
  finish: [
    (w) => [
      'Rest, serve and store',
      `Let ${w.focus} rest or cool as the recipe says before serving, and store any leftovers airtight.`,
    ],
    (w) => [
      'Note what to tweak next time',
      `Jot down what you'd change, so the next time you ${w.task} goes even better.`,
    ],
  ],
  need: [
    'A reliable recipe',
    'A kitchen scale for accurate measuring',
    'All the ingredients, measured before you start',
    'An hour or so of unhurried time',
  ],
  tips: [
    () => `- **Measure by weight:** it's far more consistent than cups and spoons.`,
    (w) => `- **Don't rush the resting times:** they make a real difference to ${w.focus}.`,
    () => `- **Taste as you go:** small adjustments are easier than fixing things at the end.`,
    () => `- **Keep notes:** writing down what worked makes the next attempt faster.`,
  ],
};

const TECH: StepBank = {
  prepare: [
    (w) => [
      'Back up first',
      `Before you ${w.task}, save anything important so nothing is lost if you need to start over.`,
    ],
    (w) => [
      'Check power and connection',
      `A stable connection and enough battery avoid interruptions while you ${w.task}.`,
    ],
  ],
  begin: [
    (w) => [
      'Install pending updates',
      `Many problems disappear on the latest version, so update before you ${w.task}.`,
    ],
    (w) => [
      'Open the right settings',
      `Go to **Settings** and look under **General** or **System**; that's usually where you ${w.task}.`,
    ],
  ],
  work: [
    (w) => [
      'Follow the on-screen steps',
      `Read each prompt carefully as you ${w.task}, and don't interrupt the process once it has started.`,
    ],
  ],
  check: [
    (w) => [
      'Restart and confirm',
      `Restart, then check that the change took effect and that ${w.focus} works as expected.`,
    ],
  ],
  finish: [
    (w) => [
      'Restore your data and settings',
      `Bring back your backup and preferences, and note what you did in case you need to ${w.task} again.`,
    ],
  ],
  need: [
    'A recent backup',
    'Your account password or passcode',
    'A charger or power outlet',
    'A stable Wi-Fi connection',
    'About 15–30 minutes',
  ],
  tips: [
    () => `- **Back up before anything else:** it's the one step you can't redo later.`,
    () => `- **Use the official guide:** it's usually more reliable than forum posts.`,
    (w) => `- **Write down error messages:** they're the fastest way to get help if you can't ${w.task}.`,
    () => `- **Be patient with progress bars:** interrupting an update or reset causes most problems.`,
  ],
};

const GENERIC_STEPS: StepBank = {
  prepare: [
    (w) => [
      'Be clear about your goal',
      `Decide what a good result looks like before you ${w.task}; it keeps every later step focused.`,
    ],
    (w) => [
      'Gather what you need',
      `Collect the tools, information or materials you'll need for ${w.focus} before you begin.`,
    ],
  ],
  begin: [
    (w) => [
      'Start small',
      `Begin with the simplest version, so you can ${w.task} without feeling overwhelmed.`,
    ],
    (w) => [
      'Learn the basics first',
      `A short beginner's guide to ${w.focus} will save you from the most common early mistakes.`,
    ],
  ],
  work: [
    (w) => [
      'Work through it step by step',
      `Tackle one part of ${w.focus} at a time and finish it before moving on.`,
    ],
    (w) => [
      'Practice regularly',
      `Short, regular sessions beat one long attempt when you want to ${w.task}.`,
    ],
  ],
  check: [
    (w) => [
      'Check your progress',
      `Compare where you are with your goal, and change your approach to ${w.focus} if something isn't working.`,
    ],
  ],
  finish: [
    (w) => ['Review and refine', `Once you're done, note what worked so it's easier to ${w.task} next time.`],
    (w) => [
      'Keep it going',
      `Set a simple routine for ${w.focus}, so the results last instead of fading after a few weeks.`,
    ],
  ],
  need: [
    'A clear goal',
    'An hour or so to get started',
    'A reliable beginner guide',
    'Any tools or materials the guide lists',
    'A notebook to track what works',
  ],
  tips: [
    () => `- **Go slowly the first time:** most mistakes come from rushing.`,
    (w) => `- **Keep notes:** writing down what worked makes it easier to ${w.task} the next time.`,
    () => `- **Use good references:** official guides are usually more reliable than forum posts.`,
    () => `- **Ask for help early:** a second pair of eyes saves time.`,
  ],
};

function stepBank(category: Category): StepBank {
  if (category === 'health') return FITNESS;
  if (category === 'food') return FOOD;
  if (category === 'electronics' || category === 'software') return TECH;
  return GENERIC_STEPS;
}

/** 4 to 6 steps, one or two per phase, always in the order they happen. */
function chooseSteps(rng: Rng, bank: StepBank, words: StepWords): Array<readonly [string, string]> {
  const phases: Array<readonly Step[]> = [
    rng.chance(0.35) && bank.prepare.length > 1 ? bank.prepare : [rng.pick(bank.prepare)],
    [rng.pick(bank.begin)],
    rng.sample(bank.work, rng.int(1, Math.min(2, bank.work.length))),
    rng.chance(0.75) ? [rng.pick(bank.check)] : [],
    [rng.pick(bank.finish)],
  ];
  // Several picks from one phase keep the bank's order too.
  const steps = phases.flatMap((phase, i) => {
    const pool = [bank.prepare, bank.begin, bank.work, bank.check, bank.finish][i] ?? [];
    return [...phase].sort((x, y) => pool.indexOf(x) - pool.indexOf(y));
  });
  // Trim to six at most by dropping from the middle, never the first or last step.
  while (steps.length > 6) steps.splice(rng.int(1, steps.length - 2), 1);
  return steps.map((step) => step(words));
}

const howto: Writer = (ctx) => {
  const { rng, topic } = ctx;
  const f = forms(ctx);
  const tipsOnly = !f.task;
  const task = f.task || `get started with ${f.focus}`;
  const words: StepWords = {
    task,
    focus: f.focus,
    activity: /^\p{L}+ing$/u.test(f.focus) ? f.focus : null,
  };
  const bank = stepBank(topic.category);
  const steps = chooseSteps(rng, bank, words);
  const goal = `${task}${f.qualifier}`;
  const intro = tipsOnly
    ? rng.pick([
        para(
          ctx,
          [`Here are practical tips for ${f.focus}${f.qualifier}, in the order you'll need them.`],
          0.7,
        ),
        para(
          ctx,
          [
            `Getting good results with ${f.focus} is mostly about a few habits.`,
            `Here they are, from getting set up to keeping things going.`,
          ],
          0.7,
        ),
      ])
    : rng.pick([
        para(ctx, [`Here's a clear, step-by-step way to ${goal}.`], 0.7),
        para(
          ctx,
          [
            `Learning to ${goal} is easier than it looks once you break it into a few steps.`,
            `Here's the order that works for most beginners.`,
          ],
          0.7,
        ),
        para(ctx, [`Sure! Here's how to ${goal}, plus a few tips to avoid the usual mistakes.`], 0.7),
      ]);
  const tips = rng
    .sample(bank.tips, 3)
    .map((tip, i) => `${tip(words)}${i === 0 ? ctx.cite.maybe(0.5) : ''}`)
    .join('\n');
  const follow = rng.pick([
    `If you tell me more about your situation, I can tailor these steps to it.`,
    `Did that help? If you get stuck on a specific step, tell me where and I'll walk you through it.`,
    `Want a printable checklist version of these steps?`,
  ]);
  if (rng.chance(0.5)) {
    return [
      intro,
      heading(ctx, "What you'll need"),
      rng
        .sample(bank.need, 3)
        .map((need) => `- ${need}`)
        .join('\n'),
      heading(ctx, tipsOnly ? 'Step by step' : 'Step-by-step'),
      steps.map(([lead, text], i) => `${i + 1}. **${lead}:** ${text}${ctx.cite.maybe(0.45)}`).join('\n'),
      heading(ctx, 'Tips'),
      tips,
      follow,
    ];
  }
  return [
    intro,
    ...steps.flatMap(([lead, text], i) => [`### ${i + 1}. ${lead}`, para(ctx, [text], 0.5)]),
    heading(ctx, 'Common mistakes to avoid'),
    tips,
    para(
      ctx,
      [
        rng.pick([
          'Most people get the hang of it within a few tries.',
          'Once you have done it once, the next time takes a fraction of the effort.',
          'If the result is not what you expected, go back one step rather than starting over.',
        ]),
      ],
      0.4,
    ),
    follow,
  ];
};

// ---------------------------------------------------------------------------------------------
// Comparison

const comparison: Writer = (ctx) => {
  const { rng, topic } = ctx;
  const [a0 = 'the first option', b0 = 'the second option'] = topic.options.map(mdText);
  const criteria = rng.sample(wordsFor(topic.category, topic).criteria, rng.int(4, 6));
  const rows = criteria.map((criterion) => {
    const [x = 'Good', y = 'Good'] = rng.sample(RATINGS, 2);
    return [capitalize(criterion), x, y];
  });
  const better = (row: readonly string[]): boolean =>
    RATINGS.indexOf(row[1] ?? '') < RATINGS.indexOf(row[2] ?? '');
  const margin = (row: readonly string[]): number =>
    Math.abs(RATINGS.indexOf(row[1] ?? '') - RATINGS.indexOf(row[2] ?? ''));
  // Each side's strength is where it leads by the most, so the prose agrees with the table.
  const winsA = rows.filter(better).sort((x, y) => margin(y) - margin(x));
  const winsB = rows.filter((row) => !better(row)).sort((x, y) => margin(y) - margin(x));
  const strength = (list: readonly string[][], fallback: number): string =>
    (list[0]?.[0] ?? capitalize(criteria[fallback] ?? 'value')).toLowerCase();
  const strongA = strength(winsA, 0);
  const strongB = strength(winsB, 1) === strongA ? (criteria[1] ?? 'value') : strength(winsB, 1);
  const favourite = rng.chance(0.5) ? a0 : b0;
  const widest = [...rows].sort((x, y) => margin(y) - margin(x))[0] ?? rows[0] ?? ['Value'];
  const closest = [...rows].sort((x, y) => margin(x) - margin(y))[0] ?? widest;
  const differences = para(ctx, [
    `The biggest gap is in ${(widest[0] ?? 'value').toLowerCase()}, where ${better(widest) ? a0 : b0} is clearly ahead.`,
    closest === widest
      ? `Elsewhere the two are closer than the marketing suggests.`
      : `On ${(closest[0] ?? 'value').toLowerCase()}, the two are close enough that it shouldn't decide things for you.`,
  ]);
  const intro = rng.pick([
    para(ctx, [`Both **${a0}** and **${b0}** are strong choices, but they suit different needs.`], 0.8),
    para(ctx, [`Here's how **${a0}** and **${b0}** compare on the things that matter most.`], 0.8),
    para(
      ctx,
      [`Short answer: **${favourite}** is the better fit for most people, but it depends on what you value.`],
      0.8,
    ),
  ]);
  const overview = para(ctx, [
    `${upper(a0)} is usually praised for its ${strongA}, while ${b0} tends to win on ${strongB}.`,
    rng.pick([
      `Neither is a bad choice; the gap is smaller than online debates suggest.`,
      `Which one suits you depends mostly on how you plan to use it.`,
      `Many people end up trying both before settling on one.`,
    ]),
    `Both are well established, so you'll find plenty of guides and reviews whichever you choose.`,
  ]);
  const chooseA = `- You care most about ${strongA}\n- You want ${rng.pick(['the more established option', 'a simpler experience', 'better long-term support'])}${ctx.cite.maybe(0.4)}`;
  const chooseB = `- You prioritize ${strongB}\n- You want ${rng.pick(topic.category === 'software' ? ['more flexibility', 'a bigger ecosystem', 'the newer approach'] : ['more flexibility', 'a lower price', 'the newer approach'])}${ctx.cite.maybe(0.4)}`;
  const comparisonTable = table(['Feature', a0.replace(/\\/g, ''), b0.replace(/\\/g, '')], rows);
  const verdict = `**Bottom line:** ${rng.pick([
    `pick ${a0} for ${strongA}, and ${b0} if ${strongB} matters more.`,
    `you can't really go wrong, but ${favourite} edges ahead for most everyday use.`,
    `${a0} is the safer default; ${b0} rewards people who know exactly what they need.`,
  ])}${ctx.cite.maybe(0.5)}`;
  const follow = rng.pick([
    `What will you mainly use it for? I can give a more specific recommendation.`,
    `If you share your budget or use case, I'll tell you which one I'd pick.`,
  ]);
  if (rng.chance(0.5)) {
    return [
      intro,
      overview,
      heading(ctx, 'Quick comparison'),
      comparisonTable,
      differences,
      heading(ctx, `Choose ${a0} if…`),
      chooseA,
      heading(ctx, `Choose ${b0} if…`),
      chooseB,
      verdict,
      follow,
    ];
  }
  return [
    intro,
    overview,
    heading(ctx, a0),
    para(ctx, [
      `${rng.pick(['Known for', 'Stands out for', 'Most praised for'])} its ${strongA}, ${a0} is the pick for people who value that above all.`,
    ]),
    chooseA,
    heading(ctx, b0),
    para(ctx, [
      `${upper(b0)} ${rng.pick(['is best known for', 'stands out for', 'is most praised for'])} its ${strongB}, and it has a loyal following for that reason.`,
    ]),
    chooseB,
    heading(ctx, 'Side by side'),
    comparisonTable,
    differences,
    verdict,
    follow,
  ];
};

// ---------------------------------------------------------------------------------------------
// News and weather

const weather: Writer = (ctx) => {
  const { rng, topic } = ctx;
  const place = mdText(/\bin\s+(.+)$/i.exec(topic.subject)?.[1] ?? ctx.city ?? 'your area');
  const base = rng.int(2, 28);
  const days = ['Today', 'Tomorrow', rng.pick(['Saturday', 'Sunday', 'Monday', 'Tuesday'])];
  return [
    para(ctx, [`Here's the current weather outlook for **${place}**.`], 0.9),
    table(
      ['Day', 'Conditions', 'High', 'Low'],
      days.map((day) => {
        const high = base + rng.int(0, 6);
        return [
          day,
          rng.pick(['☀️ Sunny', '⛅ Partly cloudy', '🌧️ Showers', '☁️ Overcast', '🌦️ Scattered showers']),
          `${high}°C`,
          `${high - rng.int(5, 10)}°C`,
        ];
      }),
    ),
    `- **Wind:** ${rng.pick(['light', 'moderate', 'gusty'])}, ${rng.int(5, 35)} km/h\n- **Humidity:** ${rng.int(35, 90)}%\n- **Chance of rain:** ${rng.int(0, 90)}%${ctx.cite.maybe(0.5)}`,
    heading(ctx, 'What to expect'),
    para(
      ctx,
      [
        `${rng.pick(['Mornings start cool', 'Expect a mild start', 'It will feel fresh early on'])} in ${place}, with temperatures climbing through the afternoon.`,
        rng.pick([
          'A light jacket is a good idea for the evening.',
          'Keep an umbrella handy if you are out late.',
          'It should be a good few days for being outside.',
        ]),
        `Forecasts beyond three days are less reliable, so the weekend outlook may still shift.`,
      ],
      0.5,
    ),
    `Conditions can change quickly, so check a local forecast before heading out. Want an hourly breakdown?`,
  ];
};

const news: Writer = (ctx) => {
  const { rng, topic, faker } = ctx;
  if (/\b(weather|forecast)\b/i.test(topic.clause)) return weather(ctx);
  const f = forms(ctx);
  const subject = f.subject;
  const month = rng.int(0, 11);
  const monthName = MONTHS[month] ?? 'May';
  const year = yearOf(ctx);
  const templates = rng.sample(
    [
      () => `${faker.company.name()} announced changes affecting ${subject}.`,
      () => `New figures on ${subject} came in ${rng.pick(['above', 'below', 'close to'])} expectations.`,
      () => `A spokesperson said more details on ${subject} would follow "in the coming weeks."`,
      () => `Officials in ${faker.location.city()} answered questions about ${subject}.`,
      () => `Analysts reported ${rng.pick(['growing', 'slowing', 'mixed'])} momentum around ${subject}.`,
      () => `A new report on ${subject} drew wide attention from experts and the public.`,
    ],
    rng.int(4, 5),
  );
  const days = rng.sample(
    Array.from({ length: 28 }, (_, i) => i + 1),
    templates.length,
  );
  const updates = templates
    .map((write, i) => ({ day: days[i] ?? 1, text: write() }))
    .sort((x, y) => y.day - x.day)
    .map(({ day, text }) => `- **${monthName} ${day}:** ${text}${ctx.cite.maybe(0.7)}`);
  return [
    rng.pick([
      para(ctx, [`Here's the latest on **${subject}** as of ${monthName} ${year}, most recent first.`], 0.6),
      para(
        ctx,
        [
          `There have been a few notable developments on **${subject}** recently; here they are, newest first.`,
        ],
        0.6,
      ),
    ]),
    heading(ctx, 'Key developments'),
    updates.join('\n'),
    heading(ctx, 'Background'),
    para(ctx, [
      `Coverage of ${subject} has been building ${rng.pick(['for several months', `since early ${year}`, 'on and off for years'])}, and the latest news follows ${rng.pick(['earlier announcements', 'a long-running debate', 'last quarter’s figures'])}.`,
      rng.pick([
        'Reactions so far have been mixed.',
        'Most observers expected some movement, though not this quickly.',
        'Commentators are split on what it means in the long run.',
      ]),
    ]),
    heading(ctx, 'Why it matters'),
    para(ctx, [
      `For anyone following ${subject}, the main question is how these changes play out over the coming months.`,
      `Early signs point to ${rng.pick(['steady progress', 'a slower timeline than first planned', 'renewed interest', 'a busy year ahead'])}, though plans can still change.`,
    ]),
    heading(ctx, 'What to watch next'),
    para(ctx, [
      `Attention is now on ${rng.pick(['the next official update', 'upcoming data releases', 'how the public reacts', 'follow-up announcements'])} about ${subject}, expected ${rng.pick(['later this month', 'in the next few weeks', `before the end of ${year}`])}.`,
    ]),
    `News on this topic moves fast — would you like me to focus on a specific angle or source?`,
  ];
};

// ---------------------------------------------------------------------------------------------
// General and explanations

const clarify: Writer = () => [
  `It looks like your message didn't come through fully — could you tell me a bit more about what you're looking for?`,
  `Here are a few things I can help with:`,
  `- **Answering questions** on almost any topic\n- **Recommendations** for products, places or tools\n- **Step-by-step help** with tasks and how-tos\n- **Comparisons** between two options`,
  `Just type your question and I'll take it from there.`,
];

/** Answers "why is the sky blue", "how do tides work": an explanation in plain steps. */
const explain: Writer = (ctx) => {
  const { rng, topic } = ctx;
  const f = forms(ctx);
  const question = f.subject; // "why the sky is blue"
  const about = f.focus; // "the sky"
  const many = isPlural(about);
  const field = rng.pick(FIELD[topic.category]);
  const intro = rng.pick([
    para(
      ctx,
      [
        `Here's ${question}, in plain terms.`,
        `The short version: it comes down to a few basic principles of ${field}.`,
      ],
      0.8,
    ),
    para(
      ctx,
      [`Good question! Explaining ${question} takes only a few ideas, and they fit together neatly.`],
      0.8,
    ),
  ]);
  const steps = [
    `1. **Start with the basics:** ${about} ${rng.pick(many ? ['follow', 'are governed by'] : ['follows', 'is governed by'])} the same physical rules as everything around ${many ? 'them' : 'it'}; the key is knowing which ones matter here.${ctx.cite.maybe(0.5)}`,
    `2. **The main cause:** one effect does most of the work, and ${rng.pick(['small changes to it', 'the conditions around it'])} explain most of what you notice about ${about}.`,
    `3. **The details:** secondary effects explain the exceptions, such as why things look or behave differently at certain times or places.${ctx.cite.maybe(0.4)}`,
  ];
  const misconceptions = rng
    .sample(
      [
        `- **"It's just one thing":** several effects combine, even if one dominates.`,
        `- **"It's always the same":** conditions change what you see with ${about}.`,
        `- **"Scientists aren't sure":** the core explanation is well established; only the fine details are still studied.${ctx.cite.maybe(0.5)}`,
      ],
      2,
    )
    .join('\n');
  return [
    intro,
    heading(ctx, 'Step by step'),
    steps.join('\n'),
    heading(ctx, 'A simple way to picture it'),
    para(ctx, [
      `Imagine ${rng.pick(['a filter', 'a funnel', 'a set of gears'])} sitting between the cause and what you observe: it lets some effects through and holds others back.`,
      `That picture gets you most of the way to understanding ${question}.`,
    ]),
    heading(ctx, 'Common misconceptions'),
    misconceptions,
    rng.pick([
      `Want a more detailed explanation, or a simple experiment you can try at home?`,
      `I can go deeper into the science behind ${about} if you're curious.`,
    ]),
  ];
};

type Angle = readonly [string, (f: Forms, name: string) => string];

/** What an overview covers, by field: each a lead and a sentence about the subject. */
const ANGLES: Partial<Record<Category, readonly Angle[]>> & { other: readonly Angle[] } = {
  travel: [
    ['Book ahead, but not too far', (_, n) => `prices for ${n} are usually best one to three months out.`],
    [
      'Stay flexible',
      (f) => `shifting your dates by a day or two often changes what ${f.subject} cost the most.`,
    ],
    [
      'Compare more than one site',
      (f) => `search engines and airline or hotel sites rarely show the same ${f.subject}.`,
    ],
    ['Set alerts', (_, n) => `a price alert for ${n} lets the deals come to you.`],
    ['Check the total', () => `baggage, seat and booking fees can turn a bargain into an average deal.`],
  ],
  food: [
    ['Start with good ingredients', (f) => `they matter more for ${f.subject} than any special equipment.`],
    ['Keep it simple', (f) => `the classic versions of ${f.subject} are popular for a reason.`],
    ['Mind the timing', (_, n) => `most problems with ${n} come from rushing a step.`],
    ['Ask locals', (f) => `the best ${f.subject} are often at small places that never advertise.`],
  ],
  health: [
    [
      'Start gently',
      (f) => `small, regular changes stick better than big ones when it comes to ${f.subject}.`,
    ],
    ['Look at the evidence', (_, n) => `advice on ${n} varies, so favour sources that cite studies.`],
    ['Listen to your body', () => `what works well for one person may not suit another.`],
    ['Talk to a professional', (f) => `a doctor can tailor advice on ${f.subject} to your situation.`],
  ],
  finance: [
    [
      'Know the costs',
      (f) => `fees and charges make a bigger difference to ${f.subject} than most people expect.`,
    ],
    ['Think long term', (_, n) => `decisions about ${n} usually pay off over years, not weeks.`],
    ['Understand the risks', () => `higher returns almost always come with more uncertainty.`],
    ['Check the rules', (f) => `tax treatment of ${f.subject} varies by country and changes over time.`],
  ],
  other: [
    [
      'The basics',
      (f, n) =>
        `most people first want to know what ${n} ${f.plural ? 'are' : 'is'} and why it comes up so often.`,
    ],
    ['The numbers', (_, n) => `figures on ${n} change over time, so check how recent a source is.`],
    ['Different perspectives', (f) => `experts don't always agree about ${f.name}, and that's normal.`],
    ['Recent changes', (f) => `a lot has changed around ${f.name} in the last few years.`],
    [
      'Where to look',
      (f) => `encyclopedias and official sources are the most reliable place to start on ${f.name}.`,
    ],
  ],
};

const general: Writer = (ctx) => {
  const { rng, topic, faker } = ctx;
  if (!topic.subject) return clarify(ctx);
  if (/^(why|how)\s/i.test(topic.subject)) return explain(ctx);
  const f = forms(ctx);
  const name = `${f.name}${f.qualifier}`;
  const Name = upper(name);
  const factors = rng
    .sample(ANGLES[topic.category] ?? ANGLES.other, 4)
    .map(([lead, body], i) => `- **${lead}:** ${body(f, name)}${i === 1 ? ctx.cite.maybe(0.5) : ''}`);
  const facts = rng.sample(
    [
      `- **Background:** interest in ${name} has grown steadily since around ${rng.int(1990, REFERENCE_YEAR - 3)}.${ctx.cite.maybe()}`,
      `- **Good starting point:** a recent, well-sourced overview of ${f.name} answers most of the questions people ask.${ctx.cite.maybe()}`,
      `- **Who's involved:** researchers, writers and groups like ${faker.company.name()} have shaped how people think about ${f.name}.${ctx.cite.maybe(0.4)}`,
      `- **In numbers:** around ${rng.int(12, 95)}% of people in a recent survey said they had looked into ${f.name} in the past year.${ctx.cite.maybe(0.6)}`,
    ],
    3,
  );
  const intro = rng.pick([
    para(ctx, [`Here's an overview of **${name}** and the main things worth knowing.`], 0.8),
    para(
      ctx,
      [`There's a lot to say about **${name}**, so here's a structured summary to get you started.`],
      0.8,
    ),
    para(
      ctx,
      [`Good question! ${Name} comes up a lot, and the short answer is that it depends on a few factors.`],
      0.8,
    ),
  ]);
  const context = para(ctx, [
    `${rng.pick(['Broadly speaking', 'For context', 'To start with'])}, ${name} ${rng.pick(f.plural ? ['cover more ground than it first seems', 'mean different things to different people', 'have changed a lot over the past decade'] : ['covers more ground than it first seems', 'means different things to different people', 'has changed a lot over the past decade'])}.`,
    rng.pick([
      'Most overviews start with the basics and then branch into specific areas.',
      'Looking at it from a few angles gives a more balanced picture.',
      'The most useful way in is usually through concrete examples.',
    ]),
  ]);
  const follow = rng.pick([
    `Would you like me to go deeper into any of these points?`,
    `If you have a specific angle in mind, let me know and I'll focus on that.`,
    `I can also put together a short reading list on ${f.subject} if that's useful.`,
  ]);
  if (rng.chance(0.5)) {
    return [
      intro,
      context,
      heading(ctx, 'Key things to know'),
      facts.join('\n'),
      heading(ctx, 'Worth keeping in mind'),
      factors.join('\n'),
      follow,
    ];
  }
  return [
    intro,
    context,
    heading(ctx, 'The main points'),
    factors.map((line, i) => line.replace(/^- /, `${i + 1}. `)).join('\n'),
    heading(ctx, 'Good to know'),
    facts.slice(0, 2).join('\n'),
    heading(ctx, 'Practical takeaway'),
    para(
      ctx,
      [
        `Start with ${rng.pick(['a reliable overview', 'the basics', 'one trusted source'])} on ${f.subject}, then go deeper where it matters to you.`,
      ],
      0.4,
    ),
    follow,
  ];
};

const WRITERS: Record<Topic['intent'], Writer> = {
  recommendation,
  definition,
  howto,
  comparison,
  news,
  general,
};

/** Writes the answer's Markdown, with `[n]` citations over `sourceCount` sources. */
export function writeMarkdown(ctx: ProseContext): string {
  return `${WRITERS[ctx.topic.intent](ctx).join('\n\n')}\n`;
}
