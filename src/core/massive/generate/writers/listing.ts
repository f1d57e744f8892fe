import { mdText, numberWord, upper } from '../english.ts';
import { bullets, forms, para, type Writer } from './context.ts';
import { LIST_ITEMS } from '../list-items.ts';

const DEFAULT_ITEMS = 5;

/** "7 tips for learning spanish", "give me 6 ideas for a rainy day": exactly that many items, and nothing about the asking. */
export const listing: Writer = (ctx) => {
  const { rng, topic } = ctx;
  const f = forms(topic);
  const kind = topic.ask.list ?? 'tips';
  const pool = LIST_ITEMS[kind];
  const count = Math.min(topic.ask.count ?? DEFAULT_ITEMS, pool.length);
  const noun = mdText(topic.ask.noun || kind);
  const about = topic.ask.about ? ` ${mdText(topic.ask.about)}` : '';
  // What the sentences weave in: "learning Spanish", "a rainy day", or, with no "for ...", the list's own noun.
  const theme = topic.ask.about ? `${f.focus}${f.qualifier}` : noun;
  const items = rng
    .sample(pool, count)
    .map(
      ([lead, line], i) =>
        `**${lead}${/\?$/.test(lead) ? '' : ':'}** ${upper(line(theme))}${i === 0 ? ctx.cite.maybe(1) : i % 3 === 0 ? ctx.cite.maybe(0.4) : ''}`,
    );
  const intro = rng.pick([
    `Here are ${numberWord(count)} ${noun}${about}:`,
    `Sure, here are ${numberWord(count)} ${noun}${about}.`,
    `${upper(numberWord(count))} ${noun}${about}, in no particular order:`,
  ]);
  const close = rng.pick([
    `Want me to expand on any of these ${noun}${about}?`,
    `I can tailor these ${noun}${about} if you tell me a bit more about your situation.`,
  ]);
  return [para(ctx, [intro], 0.5), bullets(items, true), close];
};
