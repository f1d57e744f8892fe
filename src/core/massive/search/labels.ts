import type { AnswerLanguage } from '../generate/locale.ts';

/** What a results page says around the results, in the languages answers are written in. */
export interface SerpLabels {
  title: string;
  sponsored: string;
  overview: string;
  noOverview: string;
  askedAlso: string;
  next: string;
  /** Snippet openings; `{t}` is the terms, `{s}` the site. */
  snippets: readonly string[];
  /** Result titles; `{t}` is the terms (title case), `{s}` the site. */
  titles: readonly string[];
  /** Questions people ask; `{t}` is the terms. */
  questions: readonly string[];
  /** Overview sentences; `{t}` is the terms. */
  overviewText: readonly string[];
  /** Answer sentences; `{t}` is the terms. */
  answers: readonly string[];
  ads: readonly string[];
}

export const SERP_LABELS: Record<AnswerLanguage, SerpLabels> = {
  en: {
    title: 'Google Search',
    sponsored: 'Sponsored',
    overview: 'AI Overview',
    noOverview: 'An AI Overview is not available for this search',
    askedAlso: 'People also ask',
    next: 'Next',
    snippets: [
      'A practical guide to {t}: what matters, what to avoid, and how {s} compared the options.',
      '{s} explains {t} step by step, with examples, common mistakes and answers from readers.',
      'Everything you need to know about {t}, updated regularly by the editors of {s}.',
      'Compare the best sources on {t}. Our team reviewed dozens of articles so you do not have to.',
      'Learn how {t} works, why it matters, and where to start. Free resources and expert tips.',
    ],
    titles: [
      '{T} - {s}',
      '{T}: A Complete Guide | {s}',
      'What to Know About {T} - {s}',
      '{T} Explained | {s}',
      'The Best of {T} ({s})',
    ],
    questions: [
      'What is {t}?',
      'How does {t} work?',
      'Is {t} worth it?',
      'Why is {t} important?',
      'What is the best {t}?',
    ],
    overviewText: [
      '{T} covers several related ideas, and the sources agree on the essentials.',
      'Most guides start with the basics of {t} before comparing the options in detail.',
      'Experts recommend checking current, independent sources, because advice on {t} changes over time.',
    ],
    answers: [
      'In short, {t} depends on what you need; most sources recommend starting simple and comparing a few options.',
      'According to several guides, {t} is easiest to understand through concrete examples and a clear comparison.',
    ],
    ads: ['{T} - Official Site', 'Shop {T} Deals Today', 'Top Rated {T} Services'],
  },
  es: {
    title: 'Buscar con Google',
    sponsored: 'Patrocinado',
    overview: 'Vista creada con IA',
    noOverview: 'No hay una vista creada con IA disponible para esta búsqueda',
    askedAlso: 'Más preguntas',
    next: 'Siguiente',
    snippets: [
      'Una guía práctica sobre {t}: lo que importa, lo que conviene evitar y cómo lo comparó {s}.',
      '{s} explica {t} paso a paso, con ejemplos, errores comunes y respuestas de los lectores.',
      'Todo lo que necesitas saber sobre {t}, actualizado con regularidad por el equipo de {s}.',
    ],
    titles: ['{T} - {s}', '{T}: guía completa | {s}', 'Qué saber sobre {T} - {s}'],
    questions: ['¿Qué es {t}?', '¿Cómo funciona {t}?', '¿Vale la pena {t}?'],
    overviewText: [
      '{T} abarca varias ideas relacionadas, y las fuentes coinciden en lo esencial.',
      'La mayoría de las guías empiezan por lo básico de {t} antes de comparar las opciones en detalle.',
    ],
    answers: [
      'En resumen, {t} depende de lo que necesites; la mayoría de las fuentes recomiendan empezar por lo sencillo.',
    ],
    ads: ['{T} - Sitio oficial', 'Ofertas de {T} hoy'],
  },
  fr: {
    title: 'Recherche Google',
    sponsored: 'Sponsorisé',
    overview: 'Aperçu IA',
    noOverview: "Aucun aperçu IA n'est disponible pour cette recherche",
    askedAlso: 'Autres questions posées',
    next: 'Suivant',
    snippets: [
      'Un guide pratique sur {t} : ce qui compte, ce qu’il faut éviter et comment {s} a comparé les options.',
      '{s} explique {t} pas à pas, avec des exemples, les erreurs courantes et les réponses des lecteurs.',
      'Tout ce qu’il faut savoir sur {t}, mis à jour régulièrement par la rédaction de {s}.',
    ],
    titles: ['{T} - {s}', '{T} : le guide complet | {s}', 'Ce qu’il faut savoir sur {T} - {s}'],
    questions: ['Qu’est-ce que {t} ?', 'Comment fonctionne {t} ?', '{T} en vaut-il la peine ?'],
    overviewText: [
      '{T} recouvre plusieurs idées voisines, et les sources s’accordent sur l’essentiel.',
      'La plupart des guides commencent par les bases de {t} avant de comparer les options en détail.',
    ],
    answers: [
      'En bref, {t} dépend de vos besoins ; la plupart des sources conseillent de commencer simplement.',
    ],
    ads: ['{T} - Site officiel', 'Offres {T} du jour'],
  },
  de: {
    title: 'Google Suche',
    sponsored: 'Gesponsert',
    overview: 'Übersicht mit KI',
    noOverview: 'Für diese Suche ist keine Übersicht mit KI verfügbar',
    askedAlso: 'Ähnliche Fragen',
    next: 'Weiter',
    snippets: [
      'Ein praktischer Leitfaden zu {t}: worauf es ankommt, was man vermeiden sollte und wie {s} die Optionen verglichen hat.',
      '{s} erklärt {t} Schritt für Schritt, mit Beispielen, häufigen Fehlern und Antworten der Leser.',
      'Alles Wissenswerte über {t}, regelmäßig aktualisiert von der Redaktion von {s}.',
    ],
    titles: ['{T} - {s}', '{T}: Der komplette Leitfaden | {s}', 'Was man über {T} wissen sollte - {s}'],
    questions: ['Was ist {t}?', 'Wie funktioniert {t}?', 'Lohnt sich {t}?'],
    overviewText: [
      '{T} umfasst mehrere verwandte Themen, und die Quellen sind sich im Wesentlichen einig.',
      'Die meisten Ratgeber beginnen mit den Grundlagen von {t}, bevor sie die Optionen im Detail vergleichen.',
    ],
    answers: [
      'Kurz gesagt hängt {t} davon ab, was Sie brauchen; die meisten Quellen empfehlen, einfach anzufangen.',
    ],
    ads: ['{T} - Offizielle Website', '{T} Angebote heute'],
  },
};

/** A template with the terms filled in (`{T}`: title case) and the site. */
export function fill(template: string, terms: string, site = ''): string {
  const title = terms.replace(
    /(^|\s)(\p{Ll})/gu,
    (_, space: string, letter: string) => space + letter.toUpperCase(),
  );
  return template.replaceAll('{t}', terms).replaceAll('{T}', title).replaceAll('{s}', site);
}
