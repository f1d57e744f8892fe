import type { AnswerLanguage } from './locale.ts';

/** The sentences of a data-backed fact answer, per language: each names what it is about. */
export interface FactSentences {
  capital(country: string, capital: string): string;
  currency(country: string, currency: string, code: string): string;
  languages(country: string, names: string): string;
  language(country: string, name: string): string;
  zone(country: string, zone: string, offset: string): string;
  zones(country: string, count: number, sample: string): string;
  continent(country: string, continent: string): string;
  city(city: string, country: string): string;
  conversion: readonly ((from: string, to: string) => string)[];
  /** "(1 mile = 1.609 kilometers)", or the formula for temperatures. */
  rate: readonly ((rate: string) => string)[];
  /** An offer to convert or compute something else, or '' for none. */
  again: readonly ((value: string) => string)[];
  arithmetic: readonly ((equation: string, result: string) => string)[];
  /** Where the data comes from, said once, as chatbots note their source. */
  source: readonly ((country: string) => string)[];
  /** A related fact from the same data, to round the answer off. */
  context(country: string, continent: string, currency: string): string;
  more: readonly ((country: string) => string)[];
}

export const FACT_SENTENCES: Record<AnswerLanguage, FactSentences> = {
  en: {
    capital: (c, x) => `The capital of **${c}** is **${x}**.`,
    currency: (c, x, code) => `**${c}** uses the **${x}** (${code}).`,
    language: (c, x) => `The main language of **${c}** is **${x}**.`,
    languages: (c, x) => `The main languages of **${c}** are **${x}**.`,
    zone: (c, z, o) => `**${c}** uses a single time zone, **${z}**, which is ${o}.`,
    zones: (c, n, s) => `**${c}** has ${n} time zones in the IANA database, including ${s}.`,
    continent: (c, x) => `**${c}** is in **${x}**.`,
    city: (city, c) => `**${city}** is a city in **${c}**.`,
    conversion: [
      (from, to) => `Converted, ${from} is **${to}**.`,
      (from, to) => `That's **${to}** for ${from}.`,
      (from, to) => `The answer is **${to}**: ${from} converts to ${to}.`,
    ],
    rate: [(r) => `That's using ${r}.`, (r) => `The conversion uses ${r}.`, (r) => `For reference, ${r}.`],
    again: [
      () => '',
      (v) => `Need anything else converted or worked out besides ${v}?`,
      (v) => `I can run other numbers too, not just ${v}.`,
    ],
    arithmetic: [
      (e, r) => `The answer is **${r}** (${e}).`,
      (e, r) => `That comes to **${r}**: ${e}.`,
      (e, r) => `It works out to **${r}** (${e}).`,
    ],
    source: [
      (c) => `That answer for ${c} comes from standard reference data on countries.`,
      (c) => `This is the standard reference answer for ${c}, and it rarely changes.`,
    ],
    context: (c, x, m) => `For context, ${c} is in ${x}, and its currency is the ${m}.`,
    more: [
      (c) => `Is there anything else you'd like to know about ${c}?`,
      (c) => `I can also share other basics about ${c} if that helps.`,
      (c) => `Want more facts about ${c}, from the same reference data?`,
      (c) => `Curious about anything else in ${c}? Just ask.`,
    ],
  },
  es: {
    capital: (c, x) => `La capital de **${c}** es **${x}**.`,
    currency: (c, x, code) => `En **${c}** se usa el **${x}** (${code}).`,
    language: (c, x) => `La lengua principal de **${c}** es el **${x}**.`,
    languages: (c, x) => `Las principales lenguas de **${c}** son: **${x}**.`,
    zone: (c, z, o) => `**${c}** tiene un solo huso horario, **${z}**, que corresponde a ${o}.`,
    zones: (c, n, s) => `**${c}** abarca ${n} husos horarios, entre ellos ${s}.`,
    continent: (c, x) => `**${c}** está en **${x}**.`,
    city: (city, c) => `**${city}** es una ciudad de **${c}**.`,
    conversion: [
      (from, to) => `Convertidas las unidades, ${from} equivalen a **${to}**.`,
      (from, to) => `El resultado es **${to}** para ${from}.`,
    ],
    rate: [
      (r) => `El cálculo parte de la equivalencia ${r}.`,
      (r) => `Como referencia, la equivalencia de las unidades es ${r}.`,
    ],
    again: [() => '', (v) => `¿Quieres que calcule algo más, además de ${v}?`],
    arithmetic: [
      (e, r) => `El resultado de la operación es **${r}** (${e}).`,
      (e, r) => `Hecha la cuenta, el resultado es **${r}** (${e}), sin redondeos de por medio.`,
    ],
    source: [(c) => `El dato sobre ${c} procede de las tablas de referencia habituales.`],
    context: (c, x, m) => `Como contexto: ${c} está en ${x} y su moneda es el ${m}.`,
    more: [(c) => `¿Quieres saber algo más sobre ${c}, como sus lenguas o sus husos horarios?`],
  },
  fr: {
    capital: (c, x) => `La capitale de **${c}** est **${x}**.`,
    currency: (c, x, code) => `La monnaie utilisée en **${c}** est : **${x}** (${code}).`,
    language: (c, x) => `La langue principale de **${c}** est : **${x}**.`,
    languages: (c, x) => `Les principales langues de **${c}** sont : **${x}**.`,
    zone: (c, z, o) => `**${c}** n’a qu’un seul fuseau horaire, **${z}**, soit ${o}.`,
    zones: (c, n, s) => `**${c}** compte ${n} fuseaux horaires, dont ${s}.`,
    continent: (c, x) => `**${c}** se trouve en **${x}**.`,
    city: (city, c) => `**${city}** est une ville de ce pays : **${c}**.`,
    conversion: [
      (from, to) => `Une fois convertis, les ${from} font **${to}**.`,
      (from, to) => `Le résultat est de **${to}** pour ${from}.`,
    ],
    rate: [(r) => `Le calcul repose sur ${r}.`, (r) => `Pour référence, l’équivalence est de ${r}.`],
    again: [() => '', (v) => `Voulez-vous que je calcule autre chose que ${v} ?`],
    arithmetic: [
      (e, r) => `Le résultat de l’opération est **${r}** (${e}).`,
      (e, r) => `Le calcul donne **${r}** (${e}), sans arrondi de ma part.`,
    ],
    source: [(c) => `Cette donnée sur ${c} vient des tables de référence habituelles.`],
    context: (c, x, m) => `Pour le contexte : ${c} se trouve en ${x}, et sa monnaie est : ${m}.`,
    more: [(c) => `Voulez-vous en savoir plus sur ${c}, par exemple ses langues ou ses fuseaux horaires ?`],
  },
  de: {
    capital: (c, x) => `Die Hauptstadt von **${c}** ist **${x}**.`,
    currency: (c, x, code) => `In **${c}** zahlt man mit: **${x}** (${code}).`,
    language: (c, x) => `Die wichtigste Sprache von **${c}** ist **${x}**.`,
    languages: (c, x) => `Die wichtigsten Sprachen von **${c}** sind **${x}**.`,
    zone: (c, z, o) => `**${c}** hat nur eine Zeitzone, **${z}**, also ${o}.`,
    zones: (c, n, s) => `**${c}** umfasst ${n} Zeitzonen, darunter ${s}.`,
    continent: (c, x) => `**${c}** liegt in **${x}**.`,
    city: (city, c) => `**${city}** ist eine Stadt in **${c}**.`,
    conversion: [
      (from, to) => `Umgerechnet ist das Ergebnis für ${from} genau **${to}**.`,
      (from, to) => `Das Ergebnis ist **${to}** für ${from}.`,
    ],
    rate: [(r) => `Gerechnet mit ${r}.`, (r) => `Zum Vergleich gilt die Umrechnung ${r}.`],
    again: [() => '', (v) => `Soll ich außer ${v} noch etwas für dich rechnen?`],
    arithmetic: [
      (e, r) => `Das Ergebnis der Rechnung ist **${r}** (${e}).`,
      (e, r) => `Die Rechnung ergibt **${r}** (${e}), und das ohne Rundung.`,
    ],
    source: [(c) => `Die Angabe zu ${c} stammt aus den üblichen Referenzdaten.`],
    context: (c, x, m) => `Zur Einordnung: ${c} liegt in ${x}, die Währung ist ${m}.`,
    more: [(c) => `Möchtest du mehr über ${c} wissen, etwa die Sprachen oder Zeitzonen?`],
  },
};
