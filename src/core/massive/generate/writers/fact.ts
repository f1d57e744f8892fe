import { countries, type TCountryCode } from 'countries-list';
import { continentName, equation, factWords, type FactWords } from '../fact-words.ts';
import type { Fact } from '../facts.ts';
import { tidy } from '../measures.ts';
import type { AnswerLanguage } from '../locale.ts';
import { sentenceCase } from '../english.ts';
import { para, type ProseContext, type Writer } from './context.ts';
import { FACT_SENTENCES, type FactSentences } from '../fact-sentences.ts';

type CountryFact = Extract<Fact, { country: string }>;

/** The one sentence that answers the question. */
function answer(ctx: ProseContext, fact: Fact, words: FactWords, say: FactSentences): string {
  const language: AnswerLanguage = ctx.language;
  switch (fact.kind) {
    case 'capital':
      return say.capital(words.country(fact.country), fact.capital);
    case 'currency':
      return say.currency(
        words.country(fact.country),
        words.currency(fact.currencies[0] ?? ''),
        fact.currencies[0] ?? '',
      );
    case 'languages':
      if (fact.languages.length === 1)
        return say.language(words.country(fact.country), words.language(fact.languages[0] ?? ''));
      return say.languages(words.country(fact.country), words.list(fact.languages.map(words.language)));
    case 'timezones': {
      const [zone = ''] = fact.zones;
      if (fact.zones.length === 1) return say.zone(words.country(fact.country), zone, words.offset(zone));
      const sample = fact.zones.slice(0, 3).map((z) => `${z} (${words.offset(z)})`);
      return say.zones(words.country(fact.country), fact.zones.length, words.list(sample));
    }
    case 'continent':
      return say.continent(words.country(fact.country), continentName(language, fact.continent));
    case 'city':
      return say.city(fact.city, words.country(fact.country));
    case 'conversion':
      return ctx.rng.pick(say.conversion)(
        words.measure(fact.value, fact.from),
        words.measure(fact.result, fact.to),
      );
    case 'arithmetic':
      return ctx.rng.pick(say.arithmetic)(equation(fact, words), words.number(fact.result));
  }
}

/** How a conversion was worked out: the rate for one unit, or the formula for temperatures. */
function rateOf(fact: Extract<Fact, { kind: 'conversion' }>, words: FactWords): string {
  if (fact.from === 'fahrenheit') return '(°F − 32) × 5/9';
  if (fact.from === 'celsius') return '°C × 9/5 + 32';
  const one = fact.value === 0 ? 0 : fact.result / fact.value;
  return `1 ${words.measure(1, fact.from).replace(/^1\s*/, '')} = ${words.measure(tidy(one), fact.to)}`;
}

/** What the same data says about the country around the answer, so it reads like an answer, not a lookup. */
function context(ctx: ProseContext, fact: CountryFact, words: FactWords, say: FactSentences): string {
  const data = countries[fact.country as TCountryCode];
  const name = words.country(fact.country);
  const pieces = [ctx.rng.pick(say.source)(name)];
  if (data && fact.kind !== 'continent' && fact.kind !== 'currency')
    pieces.push(
      say.context(name, continentName(ctx.language, data.continent), words.currency(data.currency[0] ?? '')),
    );
  return para(ctx, pieces, 0.6);
}

/** A question the project's own data answers (a capital, a currency, a conversion): the answer first, then a line of context. */
export const fact: Writer = (ctx) => {
  const found = ctx.topic.fact;
  if (!found) return [];
  const words = factWords(ctx.language);
  const say = FACT_SENTENCES[ctx.language];
  const first = para(ctx, [sentenceCase(answer(ctx, found, words, say))], 0.7);
  const again = ctx.rng.pick(say.again)(
    found.kind === 'conversion'
      ? words.measure(found.result, found.to)
      : found.kind === 'arithmetic'
        ? words.number(found.result)
        : '',
  );
  if (found.kind === 'conversion')
    return [first, ctx.rng.pick(say.rate)(rateOf(found, words)), again].filter(Boolean);
  if (found.kind === 'arithmetic') return [first, again].filter(Boolean);
  if (found.kind === 'city') return [first, ctx.rng.pick(say.more)(words.country(found.country))];
  return [first, context(ctx, found, words, say), ctx.rng.pick(say.more)(words.country(found.country))];
};
