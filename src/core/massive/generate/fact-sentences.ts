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
  conversion(from: string, to: string): string;
  /** "(1 mile = 1.609 kilometers)", or the formula for temperatures. */
  rate(rate: string): string;
  arithmetic(equation: string): string;
  /** Where the data comes from, said once, as chatbots note their source. */
  source: readonly string[];
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
    conversion: (from, to) => `${from} is **${to}**.`,
    rate: (r) => `That's using ${r}.`,
    arithmetic: (e) => `**${e}**`,
    source: [
      'That comes from standard reference data on countries and cities.',
      'This is the standard reference answer, and it rarely changes.',
    ],
    context: (c, x, m) => `For context, ${c} is in ${x}, and its currency is the ${m}.`,
    more: [
      (c) => `Is there anything else you'd like to know about ${c}?`,
      (c) => `I can also share other basics about ${c} if that helps.`,
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
    conversion: (from, to) => `${from} equivalen a **${to}**.`,
    rate: (r) => `El cálculo usa ${r}.`,
    arithmetic: (e) => `**${e}**`,
    source: ['El dato procede de las tablas de referencia habituales sobre países y ciudades.'],
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
    conversion: (from, to) => `${from} font **${to}**.`,
    rate: (r) => `Le calcul repose sur ${r}.`,
    arithmetic: (e) => `**${e}**`,
    source: ['Cette donnée vient des tables de référence habituelles sur les pays et les villes.'],
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
    conversion: (from, to) => `${from} sind **${to}**.`,
    rate: (r) => `Gerechnet mit ${r}.`,
    arithmetic: (e) => `**${e}**`,
    source: ['Die Angabe stammt aus den üblichen Referenzdaten zu Ländern und Städten.'],
    context: (c, x, m) => `Zur Einordnung: ${c} liegt in ${x}, die Währung ist ${m}.`,
    more: [(c) => `Möchtest du mehr über ${c} wissen, etwa die Sprachen oder Zeitzonen?`],
  },
};
