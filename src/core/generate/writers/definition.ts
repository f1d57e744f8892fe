import { a, capitalize, plural, thirdPerson, upper } from '../english.ts';
import { bullets, forms, heading, para, table, type Writer } from './context.ts';
import { factual } from './factual.ts';
import { whoIs } from './who-is.ts';

/**
 * "What is X": what kind of thing X is in its field, how it works in general terms, why it
 * matters. For a subject the analysis could not place in a field, it stays with what is true of
 * any term (it is used in different senses) rather than invent a field.
 */
export const definition: Writer = (ctx) => {
  const { rng, topic, profile } = ctx;
  if (/^who\b/i.test(topic.clause)) return whoIs(ctx);
  if (/^(?:the )?(?:capital|population|height|size|age|area|currency|president|ceo)\b/i.test(topic.subject))
    return factual(ctx);
  const f = forms(topic);
  const known = topic.category !== 'other';
  const field = rng.pick(profile.fields);
  const kind = rng.pick(profile.kinds);
  const aKind = f.plural ? plural(kind) : a(kind);
  const does = (verb: string): string => (f.plural ? verb : thirdPerson(verb));
  const intro = known
    ? rng.pick([
        para(
          ctx,
          [
            `**${f.Name}** ${f.be} ${aKind} you'll meet mostly in ${field}.`,
            `In plain terms, ${f.name} ${does('take')} a job that used to be handled case by case and ${does('make')} it repeatable.`,
          ],
          0.9,
        ),
        para(
          ctx,
          [
            `In ${field}, **${f.name}** ${f.be} ${aKind} that ${does('solve')} one specific, recurring problem in a consistent way.`,
            `That narrow focus is why ${f.name} ${f.be} mentioned so often in guides on ${field}.`,
          ],
          0.9,
        ),
        para(
          ctx,
          [
            `Put simply, **${f.name}** ${f.be} ${aKind} from ${field}.`,
            `The idea behind ${f.name} is simple, even if the details can get technical.`,
          ],
          0.9,
        ),
      ])
    : para(
        ctx,
        [
          `**${f.Name}** can mean slightly different things depending on who is using the term, so here is the general sense most sources share.`,
          `Where definitions of ${f.name} differ, it's usually in the details rather than the core idea.`,
        ],
        0.9,
      );
  const how = bullets(
    [
      rng.pick([
        `**The starting point:** ${f.name} ${f.be} built around one clear need, which most introductions to ${f.many} explain first.`,
        `**The basic principle:** most of what matters about ${f.name} follows from one simple idea.`,
      ]),
      rng.pick([
        `**The main parts:** a few components or rules work together in ${f.name}; the details vary, but the principle stays the same.${ctx.cite.maybe()}`,
        `**How it runs:** the parts of ${f.name} work in sequence, each one handing over to the next.${ctx.cite.maybe()}`,
      ]),
      rng.pick([
        `**The result:** a predictable outcome, which is what people who use ${f.name} are after.`,
        `**The outcome:** results you can check and compare, which is what makes ${f.name} useful in practice.`,
      ]),
    ],
    true,
  );
  const points = bullets(
    rng.sample(
      [
        `**What it does:** ${f.name} ${does('give')} a dependable way to handle one specific job.${ctx.cite.maybe()}`,
        `**Where you'll see it:** ${rng.pick(['guides', 'industry reports', 'online courses', 'news coverage'])} that touch on ${f.many}, often without explaining it.`,
        `**Why it matters:** ${f.name} ${does('cut')} down on ${rng.pick(['guesswork', 'one-off workarounds', 'wasted effort'])} and ${does('make')} results easier to compare.${ctx.cite.maybe()}`,
        `**Main trade-off:** ${f.name} ${does('work')} best when set up properly, and less well when corners are cut.`,
        `**Common misconception:** that ${f.name} ${f.be} only for experts; the basics of ${f.many} are easy to pick up.`,
      ],
      3,
    ),
  );
  const matters = [
    heading(
      ctx,
      rng.pick([`Why ${f.name} ${f.plural ? 'matter' : 'matters'}`, 'Why people care', 'The bigger picture']),
    ),
    para(ctx, [
      `${rng.pick(['Before', 'Without'])} ${f.name}, ${rng.pick(['the same job took more time and effort', 'people made do with less consistent options', 'most people pieced together their own workaround'])}, which is the gap ${f.name} ${f.plural ? 'fill' : 'fills'}.`,
      rng.pick([
        `With ${f.name}, results are easier to compare and reuse.`,
        `That's the main reason ${f.name} keeps coming up${known ? ` in ${field}` : ''}.`,
      ]),
    ]),
  ];
  const analogy = `**Simple analogy:** think of ${f.name} as ${rng.pick(['a universal adapter', 'a shared language', 'a recipe everyone follows', 'a map with agreed symbols'])}, one common approach instead of many custom ones.`;
  const practice = para(
    ctx,
    [
      `${rng.pick(['In practice', 'Day to day', 'For most people'])}, you'll run into ${f.name} when ${rng.pick(['setting up something new', 'reading documentation', 'comparing options', 'following the news'])}, even where ${f.it} ${f.plural ? "aren't" : "isn't"} named explicitly.`,
    ],
    0.4,
  );
  const follow = rng.pick([
    `Want a more technical explanation, or a real-world example of ${f.name} in use?`,
    `If you had a different meaning of ${f.subject} in mind, tell me the context and I'll adjust.`,
    `I can also compare ${f.name} with similar ${plural(kind)}, if that helps.`,
  ]);
  const layout = rng.int(0, 2);
  if (layout === 0)
    return [
      intro,
      ...matters,
      heading(ctx, 'Key points'),
      points,
      heading(ctx, `How ${f.name} ${f.plural ? 'work' : 'works'}`),
      how,
      analogy,
      follow,
    ];
  if (layout === 1)
    return [
      intro,
      heading(ctx, `How ${f.name} ${f.plural ? 'work' : 'works'}`),
      how,
      ...matters,
      practice,
      heading(ctx, 'Key points'),
      points,
      follow,
    ];
  return [
    intro,
    heading(ctx, `${upper(f.subject)} at a glance`),
    table(
      ['Aspect', 'Details'],
      [
        ['Field', capitalize(field)],
        ['Type', capitalize(kind)],
        ['Main benefit', capitalize(rng.pick(['consistency', 'efficiency', 'reliability', 'clarity']))],
      ],
    ),
    points,
    ...matters,
    analogy,
    follow,
  ];
};
