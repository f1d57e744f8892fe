import type { Faker } from '@faker-js/faker';
import type { Rng } from '../random.ts';
import type { Topic } from './topic.ts';
import {
  capitalize,
  itemName,
  MONTHS,
  mdText,
  price,
  REFERENCE_YEAR,
  secondPerson,
  wordsFor,
} from './vocabulary.ts';

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

type Writer = (ctx: ProseContext) => string[];

const HEADING_EMOJI = ['', '', '🔎 ', '✅ ', '💡 ', '📌 ', '⭐ '];

function heading(ctx: ProseContext, text: string): string {
  return `### ${ctx.rng.pick(HEADING_EMOJI)}${text}`;
}

function subjectOf(ctx: ProseContext): string {
  return mdText(ctx.topic.subject);
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

function closing(ctx: ProseContext, options: readonly string[]): string {
  return ctx.rng.pick(options);
}

function names(ctx: ProseContext, count: number): string[] {
  const seen = new Set<string>();
  for (let i = 0; seen.size < count && i < count * 4; i++)
    seen.add(mdText(itemName(ctx.topic, ctx.rng, ctx.faker)));
  return [...seen];
}

const GENERIC_CONS = [
  'pricier than rivals',
  'limited availability',
  'mixed long-term reviews',
  'fewer options than competitors',
];
const CONS: Partial<Record<Topic['category'], readonly string[]>> = {
  footwear: [
    'runs a little small',
    'limited colorways',
    'takes time to break in',
    'outsole wears fast outdoors',
  ],
  electronics: [
    'average battery life',
    'no charger in the box',
    'pricier than rivals',
    'heavier than it looks',
  ],
  software: ['fewer integrations', 'steeper learning curve', 'paid tiers add up', 'limited offline use'],
};

const RATINGS = ['Excellent', 'Very good', 'Good', 'Solid', 'Average', 'Class-leading', 'Decent'];

const recommendation: Writer = (ctx) => {
  const { rng, topic } = ctx;
  const subject = subjectOf(ctx);
  const year = yearOf(ctx);
  const words = wordsFor(topic.category);
  const qualifier = topic.qualifier ? ` ${mdText(topic.qualifier)}` : '';
  const picks = names(ctx, rng.int(4, 6));
  const criteria = rng.sample(words.criteria, 4);
  const audiences = rng.sample(words.audiences, picks.length);
  const intro = rng.pick([
    `Here are some of the best ${subject}${qualifier} for ${year}, based on recent reviews, testing and what buyers keep recommending.${ctx.cite.maybe(0.8)}`,
    `If you're shopping for ${subject}${qualifier} in ${year}, a handful of options stand out for ${criteria[0]} and ${criteria[1]}.${ctx.cite.maybe(0.8)} The right pick depends mostly on how you'll use it.`,
    `Great question — the "best" ${subject} really depends on your priorities, but these are the ones reviewers rate highest right now.${ctx.cite.maybe(0.8)}`,
  ]);
  const criteriaList = criteria.map(
    (criterion) =>
      `- **${capitalize(criterion)}:** ${rng.pick([
        `the biggest difference between a good and a great choice`,
        `worth checking in hands-on reviews, not just spec sheets`,
        `matters more than brand name for most people`,
        `easy to overlook, but you'll notice it after a few weeks`,
      ])}.${ctx.cite.maybe(0.3)}`,
  );
  const follow = closing(ctx, [
    `If you tell me your budget and how you plan to use them, I can narrow this down to one or two picks.`,
    `Want me to compare two of these side by side, or focus on a specific price range?`,
    `**Tip:** prices drop often around major sales, so it's worth setting a price alert before you buy.${ctx.cite.maybe(0.4)}`,
  ]);
  const layout = rng.int(0, 2);
  if (layout === 0) {
    const items = picks.map((name, i) =>
      [
        `${i + 1}. **${name}** — best for ${audiences[i] ?? 'most people'}`,
        `   - **Why it stands out:** ${rng.pick(['strong', 'excellent', 'well-balanced', 'impressive'])} ${criteria[i % criteria.length]} and ${rng.pick(['consistent', 'reliable', 'great'])} ${criteria[(i + 1) % criteria.length]}.${ctx.cite.maybe()}`,
        `   - **Price:** around ${price(topic, rng)}`,
      ].join('\n'),
    );
    return [
      intro,
      heading(ctx, `Top picks for ${year}`),
      items.join('\n'),
      heading(ctx, 'What to look for'),
      criteriaList.join('\n'),
      follow,
    ];
  }
  if (layout === 1) {
    const sections = picks
      .slice(0, 4)
      .flatMap((name, i) => [
        heading(ctx, `Best for ${audiences[i] ?? 'most people'}: ${name}`),
        `${rng.pick([
          `A reliable all-rounder with ${criteria[i % criteria.length]} that holds up well over time.`,
          `Reviewers consistently praise its ${criteria[i % criteria.length]}, and it's priced fairly for what you get.`,
          `It isn't the flashiest option, but it gets the fundamentals right, especially ${criteria[(i + 2) % criteria.length]}.`,
        ])}${ctx.cite.maybe()}`,
        [
          `- **Pros:** ${criteria[(i + 1) % criteria.length]}, ${criteria[(i + 3) % criteria.length]}`,
          `- **Cons:** ${rng.pick(CONS[topic.category] ?? GENERIC_CONS)}`,
          `- **Typical price:** ${price(topic, rng)}`,
        ].join('\n'),
      ]);
    return [intro, ...sections, heading(ctx, 'Quick buying tips'), criteriaList.join('\n'), follow];
  }
  return [
    intro,
    heading(ctx, 'Quick comparison'),
    table(
      ['Pick', 'Best for', 'Price', 'Standout'],
      picks.map((name, i) => [
        name,
        capitalize(audiences[i] ?? 'most people'),
        price(topic, rng),
        capitalize(criteria[i % criteria.length] ?? 'value'),
      ]),
    ),
    `${rng.pick(['Overall', 'For most people', 'If you only want one'])}, **${picks[0]}** is the safest choice, while **${picks[1] ?? picks[0]}** is the better value.${ctx.cite.maybe(0.7)}`,
    heading(ctx, 'Before you buy'),
    criteriaList.join('\n'),
    follow,
  ];
};

const definition: Writer = (ctx) => {
  const { rng, topic, faker } = ctx;
  const subject = subjectOf(ctx);
  const field = {
    software: 'software and AI',
    electronics: 'consumer technology',
    finance: 'personal finance',
    health: 'health and medicine',
    travel: 'travel',
    food: 'cooking',
    footwear: 'sports gear',
    other: rng.pick(['technology', 'business', 'everyday language', 'science']),
  }[topic.category];
  if (/^who\b/i.test(topic.clause)) {
    const job = faker.person.jobTitle().toLowerCase();
    const born = rng.int(1930, 1995);
    return [
      `**${subject}** is best known as ${/^[aeiou]/i.test(job) ? 'an' : 'a'} ${job} whose work has been widely covered since the early ${born + 25 - ((born + 25) % 10)}s.${ctx.cite.maybe(0.9)}`,
      heading(ctx, 'Quick facts'),
      [
        `- **Born:** ${born}, in ${faker.location.city()}${ctx.cite.maybe(0.4)}`,
        `- **Known for:** leading work on ${faker.company.buzzNoun()} and ${faker.company.buzzNoun()}`,
        `- **Notable role:** ${faker.person.jobTitle()} at ${faker.company.name()}${ctx.cite.maybe(0.5)}`,
      ].join('\n'),
      heading(ctx, 'Why people talk about them'),
      `${subject} gained wider attention after a series of interviews and public talks, and is often cited as an influence by others in the field.${ctx.cite.maybe()} Coverage tends to focus on their early career and their more recent projects.`,
      closing(ctx, [
        `Is there a particular part of ${subject}'s career you'd like to know more about?`,
        `If you meant a different ${subject}, let me know a bit more context and I'll look again.`,
      ]),
    ];
  }
  const intro = rng.pick([
    `**${subject}** is a term most often used in ${field} for a way of ${rng.pick(['organizing', 'connecting', 'describing', 'managing'])} ${rng.pick(['information', 'systems', 'resources', 'processes'])} so that different parts work together predictably.${ctx.cite.maybe(0.9)}`,
    `In ${field}, **${subject}** usually refers to a ${rng.pick(['standard', 'concept', 'method', 'framework'])} that helps people and tools ${rng.pick(['share context', 'stay consistent', 'avoid duplicated effort', 'make better decisions'])}.${ctx.cite.maybe(0.9)}`,
    `"${subject}" can mean a few things depending on context, but today it most commonly refers to a ${rng.pick(['widely adopted', 'fast-growing', 'well-established'])} idea in ${field}.${ctx.cite.maybe(0.9)}`,
  ]);
  const points = [
    `- **What it does:** gives a shared, predictable way to handle ${rng.pick(['data', 'requests', 'tasks', 'decisions'])} related to ${subject}.${ctx.cite.maybe()}`,
    `- **Where you'll see it:** ${rng.pick(['product docs', 'industry reports', 'online courses', 'news coverage'])} and everyday ${field} discussions.`,
    `- **Why it matters:** it reduces ${rng.pick(['friction', 'guesswork', 'one-off workarounds', 'costs'])} and makes results easier to compare.${ctx.cite.maybe()}`,
    `- **Origin:** the term gained traction around ${rng.int(1995, REFERENCE_YEAR - 1)}.${ctx.cite.maybe(0.4)}`,
  ];
  const matters = [
    heading(ctx, rng.pick(['Why it matters', 'Why people care', 'The bigger picture'])),
    `${rng.pick(['Before', 'Without'])} something like ${subject}, ${rng.pick(['every team', 'each vendor', 'most people'])} had to ${rng.pick(['build their own workaround', 'reinvent the same steps', 'guess how things fit together'])}.${ctx.cite.maybe()} ${rng.pick([`With it, results are easier to compare and reuse, which is why adoption has grown quickly.`, `Having a shared approach saves time and makes mistakes easier to spot.`, `That consistency is the main reason ${subject} keeps coming up in ${field} discussions.`])}`,
    `${rng.pick(['In practice', 'Day to day', 'For most people'])}, you'll run into ${subject} when ${rng.pick(['setting up new tools', 'reading documentation', 'comparing options', 'following industry news'])}, even if it isn't named explicitly.${ctx.cite.maybe(0.4)}`,
  ];
  const layout = rng.int(0, 2);
  if (layout === 0) {
    return [
      intro,
      ...matters,
      heading(ctx, 'Key points'),
      rng.sample(points, 3).join('\n'),
      heading(ctx, 'How it works'),
      [
        `1. **Input:** something is described in a consistent format.`,
        `2. **Processing:** the rules of ${subject} decide how it is handled.${ctx.cite.maybe()}`,
        `3. **Result:** the outcome can be reused, shared or checked by others.`,
      ].join('\n'),
      `**Simple analogy:** think of ${subject} as a ${rng.pick(['universal adapter', 'shared language', 'recipe everyone follows', 'map with agreed symbols'])} — one common approach instead of many custom ones.`,
      closing(ctx, [
        `Want a more technical explanation, or a real-world example of ${subject} in use?`,
        `If you had a different meaning of ${subject} in mind, tell me the context and I'll adjust.`,
      ]),
    ];
  }
  if (layout === 1) {
    return [
      intro,
      heading(ctx, 'In simple terms'),
      `${capitalize(subject)} is about making ${rng.pick(['things', 'tools', 'teams', 'systems'])} work together without reinventing the basics each time.${ctx.cite.maybe()} That is why it shows up so often in ${field} conversations.`,
      ...matters,
      heading(ctx, 'Common uses'),
      rng
        .sample(
          [
            `- Connecting ${rng.pick(['apps', 'services', 'devices'])} that were not built together`,
            `- Standardizing how ${rng.pick(['teams', 'vendors', 'researchers'])} describe their work${ctx.cite.maybe(0.4)}`,
            `- Teaching newcomers a shared vocabulary`,
            `- Making results easier to audit and repeat`,
          ],
          3,
        )
        .join('\n'),
      heading(ctx, 'Related terms'),
      `- ${capitalize(faker.company.buzzNoun())}\n- ${capitalize(faker.company.buzzNoun())}\n- ${capitalize(faker.hacker.noun())}`,
      closing(ctx, [
        `Would you like an example, or a comparison with similar ideas?`,
        `I can also explain how ${subject} is used in practice, if that helps.`,
      ]),
    ];
  }
  return [
    intro,
    heading(ctx, `${capitalize(subject)} at a glance`),
    table(
      ['Aspect', 'Details'],
      [
        ['Field', capitalize(field)],
        ['First used', `Around ${rng.int(1995, REFERENCE_YEAR - 2)}`],
        ['Main benefit', capitalize(rng.pick(['consistency', 'interoperability', 'speed', 'clarity']))],
        [
          'Typical users',
          capitalize(rng.pick(['developers', 'analysts', 'consumers', 'researchers', 'businesses'])),
        ],
      ],
    ),
    rng.sample(points, 2).join('\n'),
    ...matters,
    closing(ctx, [
      `Anything specific about ${subject} you'd like me to dig into?`,
      `Want me to go deeper on any of these points?`,
    ]),
  ];
};

const STEP_LEADS = [
  ['Get ready', 'Gather what you need and set aside some uninterrupted time before you start.'],
  ['Check the basics', 'Make sure you understand what the end result should look like.'],
  ['Start with the first step', 'Take it slowly the first time; speed comes with repetition.'],
  ['Follow a clear order', "Don't skip ahead — each step depends on the one before it."],
  ['Check your progress', 'Compare what you have with what you expected and adjust if needed.'],
  ['Fix common issues', 'If something looks off, undo the last change and try again.'],
  [
    'Finish and review',
    'Once you are done, double-check the result and note what to do differently next time.',
  ],
];

const TECH_STEPS = [
  ['Back up first', 'Save anything important so nothing is lost if you need to start over.'],
  [
    'Open Settings',
    'Go to **Settings** and look for the relevant section (often under **General** or **System**).',
  ],
  ['Update', 'Install any pending updates; many problems disappear on the latest version.'],
  ['Restart', 'Restart and confirm the change took effect.'],
];

const howto: Writer = (ctx) => {
  const { rng, topic } = ctx;
  const task = mdText(secondPerson(topic.subject));
  const bank =
    topic.category === 'electronics' || topic.category === 'software'
      ? [...TECH_STEPS, ...STEP_LEADS]
      : STEP_LEADS;
  const steps = rng.sample(bank, rng.int(4, 6));
  const intro = rng.pick([
    `Here's a clear, step-by-step way to ${task}.${ctx.cite.maybe(0.7)}`,
    `Learning to ${task} is easier than it looks once you break it into a few steps.${ctx.cite.maybe(0.7)}`,
    `Sure! Here's how to ${task}, plus a few tips to avoid the usual mistakes.`,
  ]);
  const tips = [
    `- **Go slowly the first time:** most mistakes come from rushing.${ctx.cite.maybe(0.4)}`,
    `- **Keep notes:** writing down what worked makes the next attempt faster.`,
    `- **Use good references:** official guides are usually more reliable than forum posts.${ctx.cite.maybe(0.5)}`,
    `- **Ask for help early:** a second pair of eyes saves time.`,
  ];
  const follow = closing(ctx, [
    `If you tell me what you're working with, I can tailor these steps to your exact situation.`,
    `Did that help? If you get stuck on a specific step, tell me where and I'll walk you through it.`,
    `Want a printable checklist version of these steps?`,
  ]);
  if (rng.chance(0.5)) {
    return [
      intro,
      heading(ctx, "What you'll need"),
      `- ${rng.pick(['About 15–30 minutes', 'An hour or so', 'A bit of patience'])}\n- ${rng.pick(['The right tools or account access', 'A quiet place to work', 'Any materials listed in the official guide'])}${ctx.cite.maybe(0.4)}`,
      heading(ctx, 'Step-by-step'),
      steps.map(([lead, text], i) => `${i + 1}. **${lead}:** ${text}${ctx.cite.maybe(0.45)}`).join('\n'),
      heading(ctx, 'Tips'),
      rng.sample(tips, 3).join('\n'),
      follow,
    ];
  }
  return [
    intro,
    ...steps
      .slice(0, 4)
      .flatMap(([lead, text], i) => [
        `### ${i + 1}. ${lead}`,
        `${text}${ctx.cite.maybe(0.5)} ${rng.pick(['This is where most people go wrong.', 'It only takes a minute.', 'Take your time here.', ''])}`.trim(),
      ]),
    heading(ctx, 'Common mistakes to avoid'),
    rng.sample(tips, 3).join('\n'),
    `${rng.pick(['Most people get it right within one or two tries.', 'Once you have done it once, the next time takes a fraction of the effort.', 'If the result is not what you expected, repeat the last two steps before starting over.'])}${ctx.cite.maybe(0.4)}`,
    follow,
  ];
};

const comparison: Writer = (ctx) => {
  const { rng, topic } = ctx;
  const [a = 'the first option', b = 'the second option'] = topic.options.map(mdText);
  const criteria = rng.sample(wordsFor(topic.category).criteria, rng.int(4, 6));
  const rows = criteria.map((criterion) => [capitalize(criterion), rng.pick(RATINGS), rng.pick(RATINGS)]);
  const wins = rows.filter((row) => RATINGS.indexOf(row[1] ?? '') < RATINGS.indexOf(row[2] ?? ''));
  const pick = (list: readonly string[][]): string =>
    (list[0]?.[0] ?? capitalize(criteria[0] ?? 'value')).toLowerCase();
  const intro = rng.pick([
    `Both **${a}** and **${b}** are strong choices, but they suit different needs.${ctx.cite.maybe(0.8)}`,
    `Here's how **${a}** and **${b}** compare on the things that matter most.${ctx.cite.maybe(0.8)}`,
    `Short answer: **${rng.chance(0.5) ? a : b}** is the better fit for most people, but it depends on what you value.${ctx.cite.maybe(0.8)}`,
  ]);
  const chooseA = `- You care most about ${pick(wins)}\n- You want ${rng.pick(['the more established option', 'a simpler experience', 'better long-term support'])}${ctx.cite.maybe(0.4)}`;
  const chooseB = `- You prioritize ${pick(rows.filter((row) => !wins.includes(row)))}\n- You want ${rng.pick(['more flexibility', 'a lower price', 'the newer approach'])}${ctx.cite.maybe(0.4)}`;
  const comparisonTable = table(['Feature', a.replace(/\\/g, ''), b.replace(/\\/g, '')], rows);
  const verdict = `**Bottom line:** ${rng.pick([
    `pick ${a} for ${pick(wins)}, ${b} if ${pick(rows.filter((row) => !wins.includes(row)))} matters more.`,
    `you can't really go wrong, but ${b} edges ahead for most everyday use.`,
    `${a} is the safer default; ${b} rewards people who know exactly what they need.`,
  ])}${ctx.cite.maybe(0.5)}`;
  const follow = closing(ctx, [
    `What will you mainly use it for? I can give a more specific recommendation.`,
    `If you share your budget or use case, I'll tell you which one I'd pick.`,
  ]);
  if (rng.chance(0.5)) {
    return [
      intro,
      heading(ctx, 'Quick comparison'),
      comparisonTable,
      heading(ctx, `Choose ${a} if…`),
      chooseA,
      heading(ctx, `Choose ${b} if…`),
      chooseB,
      verdict,
      follow,
    ];
  }
  return [
    intro,
    heading(ctx, a),
    `${rng.pick(['Known for', 'Stands out for', 'Most praised for'])} its ${pick(wins)}.${ctx.cite.maybe()}\n\n${chooseA}`,
    heading(ctx, b),
    `${rng.pick(['Known for', 'Stands out for', 'Most praised for'])} its ${pick(rows.filter((row) => !wins.includes(row)))}.${ctx.cite.maybe()}\n\n${chooseB}`,
    heading(ctx, 'Side by side'),
    comparisonTable,
    verdict,
    follow,
  ];
};

const news: Writer = (ctx) => {
  const { rng, topic, faker } = ctx;
  const subject = subjectOf(ctx);
  const month = rng.int(0, 11);
  const monthName = MONTHS[month] ?? 'May';
  const year = yearOf(ctx);
  if (/\b(weather|forecast)\b/i.test(topic.clause)) {
    const place = mdText(/\bin\s+(.+)$/i.exec(topic.subject)?.[1] ?? ctx.city ?? 'your area');
    const base = rng.int(2, 28);
    const days = ['Today', 'Tomorrow', rng.pick(['Saturday', 'Sunday', 'Monday', 'Tuesday'])];
    return [
      `Here's the current weather outlook for **${place}**.${ctx.cite.maybe(0.9)}`,
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
      `${rng.pick(['Mornings start cool', 'Expect a mild start', 'It will feel fresh early on'])}, with temperatures climbing through the afternoon.${ctx.cite.maybe(0.5)} ${rng.pick(['A light jacket is a good idea for the evening.', 'Keep an umbrella handy if you are out late.', 'It should be a good few days for being outside.'])} Forecasts beyond three days are less reliable, so the weekend outlook may still shift.`,
      `Conditions can change quickly, so check a local forecast before heading out. Want an hourly breakdown?`,
    ];
  }
  const updates = Array.from({ length: rng.int(3, 5) }, () => {
    const day = rng.int(1, 28);
    return `- **${monthName} ${day}:** ${rng.pick([
      `${faker.company.name()} announced changes affecting ${subject}.`,
      `New figures on ${subject} came in ${rng.pick(['above', 'below', 'close to'])} expectations.`,
      `${faker.person.fullName()}, ${faker.person.jobTitle().toLowerCase()}, said more details would follow "in the coming weeks."`,
      `Officials in ${faker.location.city()} responded to questions about ${subject}.`,
      `Analysts flagged ${rng.pick(['rising', 'easing', 'mixed'])} momentum around ${subject}.`,
    ])}${ctx.cite.maybe(0.7)}`;
  });
  return [
    rng.pick([
      `Here's the latest on **${subject}** as of ${monthName} ${year}:${ctx.cite.maybe(0.6)}`,
      `There have been a few notable developments on **${subject}** recently.${ctx.cite.maybe(0.6)}`,
    ]),
    heading(ctx, 'Key developments'),
    updates.join('\n'),
    heading(ctx, 'Background'),
    `${capitalize(subject)} has been in the headlines ${rng.pick(['for several months', `since early ${year}`, 'on and off for years'])}, and recent developments build on ${rng.pick(['earlier announcements', 'a long-running debate', 'last quarter’s figures'])}.${ctx.cite.maybe()} ${rng.pick(['Reactions so far have been mixed.', 'Most observers expected some movement, though not this quickly.', 'Commentators are split on what it means in the long run.'])}`,
    heading(ctx, 'What to watch next'),
    `Attention is now on ${rng.pick(['the next official update', 'upcoming data releases', 'how markets and the public react', 'follow-up announcements'])}, expected ${rng.pick(['later this month', 'in the next few weeks', `before the end of ${year}`])}.${ctx.cite.maybe()}`,
    `News on this topic moves fast — would you like me to focus on a specific angle or source?`,
  ];
};

const general: Writer = (ctx) => {
  const { rng, topic, faker } = ctx;
  if (!topic.subject) {
    return [
      `It looks like your message didn't come through fully — could you tell me a bit more about what you're looking for?`,
      `Here are a few things I can help with:`,
      `- **Answering questions** on almost any topic\n- **Recommendations** for products, places or tools\n- **Step-by-step help** with tasks and how-tos\n- **Comparisons** between two options`,
      `Just type your question and I'll take it from there.`,
    ];
  }
  const subject = subjectOf(ctx);
  const facts = [
    `- **Background:** interest in ${subject} has grown steadily since around ${rng.int(1990, REFERENCE_YEAR - 3)}.${ctx.cite.maybe()}`,
    `- **Key idea:** ${rng.pick(['context matters', 'small details add up', 'there is rarely one right answer', 'the basics carry most of the value'])} when it comes to ${subject}.`,
    `- **Common misconception:** that ${subject} is ${rng.pick(['only for experts', 'expensive', 'a recent trend', 'too complicated to start with'])}.${ctx.cite.maybe()}`,
    `- **Who's involved:** people like ${faker.person.fullName()} and organizations such as ${faker.company.name()} have shaped the conversation.${ctx.cite.maybe(0.4)}`,
    `- **Numbers:** estimates put it at roughly ${rng.int(12, 95)}% ${rng.pick(['awareness', 'adoption', 'growth'])} in recent surveys.${ctx.cite.maybe(0.6)}`,
  ];
  const intro = rng.pick([
    `Here's an overview of **${subject}** and the main things worth knowing.${ctx.cite.maybe(0.8)}`,
    `**${capitalize(subject)}** is a broad topic, so here's a structured summary to get you started.${ctx.cite.maybe(0.8)}`,
    `Good question! ${capitalize(subject)} comes up a lot, and the short answer is that it depends on a few factors.${ctx.cite.maybe(0.8)}`,
  ]);
  const follow = closing(ctx, [
    `Would you like me to go deeper into any of these points?`,
    `If you have a specific angle in mind, let me know and I'll focus on that.`,
    `I can also put together a short reading list on ${subject} if that's useful.`,
  ]);
  const context = `${rng.pick(['Broadly speaking', 'For context', 'To start with'])}, ${subject} ${rng.pick(['covers more ground than it first seems', 'means different things to different people', 'has changed a lot over the past decade'])}.${ctx.cite.maybe()} ${rng.pick(['Most overviews start with the basics and then branch into specific areas.', 'Looking at it from a few angles gives a more balanced picture.', 'The most useful way in is usually through concrete examples.'])}`;
  if (rng.chance(0.5)) {
    return [
      intro,
      context,
      heading(ctx, 'Key things to know'),
      rng.sample(facts, 4).join('\n'),
      heading(ctx, 'Why it matters'),
      `${capitalize(subject)} affects ${rng.pick(['everyday decisions', 'how people plan ahead', 'costs and time', 'long-term outcomes'])} more than most people expect.${ctx.cite.maybe()} Understanding the basics makes it much easier to judge new information as it comes out.`,
      follow,
    ];
  }
  return [
    intro,
    `${rng.pick(['At its core', 'Put simply', 'In practice'])}, ${subject} is about ${rng.pick(['trade-offs', 'priorities', 'timing', 'the details'])}.${ctx.cite.maybe()} ${rng.pick(['Experts tend to agree on the fundamentals', 'Opinions differ on the details', 'The picture has changed over the last few years'])}, which is why sources sometimes seem to disagree.`,
    heading(ctx, 'The main points'),
    rng
      .sample(facts, 3)
      .map((fact, i) => fact.replace(/^- /, `${i + 1}. `))
      .join('\n'),
    heading(ctx, 'Practical takeaway'),
    `Start with ${rng.pick(['a reliable overview', 'the basics', 'one trusted source'])}, then go deeper where it matters to you.${ctx.cite.maybe(0.4)}`,
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
