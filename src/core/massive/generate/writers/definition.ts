import { a, capitalize, plural, thirdPerson, upper } from '../english.ts';
import {
  bullets,
  type Forms,
  forms,
  heading,
  para,
  type ProseContext,
  table,
  type Writer,
} from './context.ts';
import { factual } from './factual.ts';
import { whoIs } from './who-is.ts';

/** Kinds of thing that are built and used, for which "how it works" means parts and steps. */
const MADE = new Set(['tool', 'device', 'system', 'appliance', 'technology', 'feature', 'financial product']);

/** How a made thing works, in steps true of any tool: one need, parts in sequence, a checkable result. */
function workings(ctx: ProseContext, f: Forms): string[] {
  const { rng } = ctx;
  const does = (verb: string): string => (f.plural ? verb : thirdPerson(verb));
  return [
    heading(ctx, `How ${f.name} ${does('work')}`),
    bullets(
      [
        rng.pick([
          `**The starting point:** ${f.name} ${f.be} built around one clear need, which most introductions to ${f.many} explain first.`,
          `**The basic principle:** most of what matters about ${f.name} follows from one simple idea.`,
        ]),
        rng.pick([
          `**The main parts:** a few components work together in ${f.name}; the details vary between versions, but the principle stays the same.${ctx.cite.maybe()}`,
          `**How it runs:** the parts of ${f.name} work in sequence, each one handing over to the next.${ctx.cite.maybe()}`,
        ]),
        rng.pick([
          `**The result:** a predictable outcome, which is what people who use ${f.name} are after.`,
          `**The outcome:** results you can check and compare, which is what makes ${f.name} useful in practice.`,
        ]),
      ],
      true,
    ),
    `**Simple analogy:** think of ${f.name} as ${rng.pick(['a universal adapter', 'a shared language', 'a recipe everyone follows', 'a map with agreed symbols'])}, one common approach instead of many custom ones.`,
  ];
}

/** What is true of any term, however abstract: where it comes from, how it's used, where to read. */
function usage(ctx: ProseContext, f: Forms, field: string | null): string[] {
  const { rng } = ctx;
  const inField = field ? ` in ${field}` : '';
  return [
    heading(ctx, 'The core idea'),
    para(ctx, [
      `Most explanations of ${f.name} start from one core idea and then add detail, so a good introduction${inField} states it in a sentence or two.`,
      rng.pick([
        `The finer points of ${f.name} are where sources differ, which is why the definition you read depends on who wrote it.`,
        `Examples help more than definitions here: seeing ${f.name} in a few real situations makes the idea stick.`,
      ]),
    ]),
  ];
}

/** The first paragraph: what kind of thing it is, for made things; how sources use the term, for the rest. */
function opening(
  ctx: ProseContext,
  f: Forms,
  { made, field, aKind }: { made: boolean; field: string | null; aKind: string },
): string {
  const { rng } = ctx;
  return made
    ? rng.pick([
        para(
          ctx,
          [
            `**${f.Name}** ${f.be} ${aKind} you'll meet mostly in ${field}.`,
            `The idea behind ${f.name} is simple, even if the details can get technical.`,
          ],
          0.9,
        ),
        para(
          ctx,
          [
            `In ${field}, **${f.name}** ${f.be} ${aKind} that ${f.plural ? 'solve' : 'solves'} one specific, recurring problem in a consistent way.`,
            `That narrow focus is why ${f.name} ${f.be} mentioned so often in guides on ${field}.`,
          ],
          0.9,
        ),
      ])
    : para(
        ctx,
        [
          field
            ? `**${f.Name}** ${f.plural ? 'come' : 'comes'} up often in ${field}, and most sources describe ${f.itObject} in much the same way.`
            : `**${f.Name}** can mean slightly different things depending on who is using the term, so here is the general sense most sources share.`,
          `Where definitions of ${f.name} differ, it's usually in the details rather than the core idea.`,
        ],
        0.9,
      );
}

/**
 * "What is X": the field X belongs to, what most sources agree on and where to read more. Only
 * for things that are built and used (a tool, a device) does it say how they work; it never
 * claims a fact about X that would need a source.
 */
export const definition: Writer = (ctx) => {
  const { rng, topic, profile } = ctx;
  if (/^who\b/i.test(topic.clause)) return whoIs(ctx);
  if (/^(?:the )?(?:capital|population|height|size|age|area|currency|president|ceo)\b/i.test(topic.subject))
    return factual(ctx);
  const f = forms(topic);
  const known = topic.category !== 'other';
  const field = known ? rng.pick(profile.fields) : null;
  const kind = rng.pick(profile.kinds);
  const made = known && MADE.has(kind);
  const aKind = f.plural ? plural(kind) : a(kind);
  const intro = opening(ctx, f, { made, field, aKind });
  const points = bullets(
    rng.sample(
      [
        `**Where you'll see it:** ${rng.pick(['guides', 'reports', 'courses', 'news coverage'])} that touch on ${f.many}, often without explaining the term.${ctx.cite.maybe()}`,
        `**Why people ask:** ${f.name} ${f.plural ? 'come' : 'comes'} up in everyday decisions${field ? ` in ${field}` : ''}, so a clear definition helps.`,
        `**Common confusion:** ${f.name} ${f.be} sometimes mixed up with related terms, so check how a source defines ${f.itObject}.${ctx.cite.maybe()}`,
        `**Going deeper:** technical sources on ${f.many} add detail that the basic definition leaves out.`,
        `**Common misconception:** that ${f.name} ${f.be} only for experts; the basics of ${f.many} are easy to pick up.`,
      ],
      3,
    ),
  );
  const read = para(
    ctx,
    [
      `A well-edited encyclopedia entry or an introductory guide${field ? ` to ${field}` : ''} is the quickest reliable way to learn more about ${f.name}.`,
    ],
    0.6,
  );
  const follow = rng.pick([
    `Want a more technical explanation, or a real-world example of ${f.name}?`,
    `If you had a different meaning of ${f.subject} in mind, tell me the context and I'll adjust.`,
    `I can also compare ${f.name} with related ${plural(kind)}, if that helps.`,
  ]);
  const body = made ? workings(ctx, f) : usage(ctx, f, field);
  if (rng.chance(0.5))
    return [
      intro,
      ...body,
      heading(ctx, 'Key points'),
      points,
      heading(ctx, 'Where to learn more'),
      read,
      follow,
    ];
  return [
    intro,
    heading(ctx, `${upper(f.subject)} at a glance`),
    table(
      ['Aspect', 'Details'],
      [
        ['Field', capitalize(field ?? 'General use')],
        ['Type', capitalize(made ? kind : 'term')],
        [
          'Good first source',
          capitalize(rng.pick(['an encyclopedia entry', 'an introductory guide', 'a glossary'])),
        ],
      ],
    ),
    points,
    ...body,
    follow,
  ];
};
