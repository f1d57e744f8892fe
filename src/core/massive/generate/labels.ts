import type { Conversation } from '../conversation.ts';

/** The hidden accessibility labels of a conversation, which chatbots translate with their UI. */
export interface Labels {
  youSaid: string;
  /** "{model} said", for the model's display name. */
  modelSaid(model: string): string;
  /** What goes between a label and what follows it ("You said:"), French spacing included. */
  colon: string;
  sources: string;
  sponsored: string;
}

const LABELS: Record<string, Labels> = {
  en: {
    youSaid: 'You said',
    modelSaid: (m) => `${m} said`,
    colon: ':',
    sources: 'Sources',
    sponsored: 'Sponsored',
  },
  es: {
    youSaid: 'Tú dijiste',
    modelSaid: (m) => `${m} dijo`,
    colon: ':',
    sources: 'Fuentes',
    sponsored: 'Patrocinado',
  },
  fr: {
    youSaid: 'Vous avez dit',
    modelSaid: (m) => `${m} a dit`,
    colon: ' :',
    sources: 'Sources',
    sponsored: 'Sponsorisé',
  },
  de: {
    youSaid: 'Du hast gesagt',
    modelSaid: (m) => `${m} hat gesagt`,
    colon: ':',
    sources: 'Quellen',
    sponsored: 'Gesponsert',
  },
  pt: {
    youSaid: 'Você disse',
    modelSaid: (m) => `O ${m} disse`,
    colon: ':',
    sources: 'Fontes',
    sponsored: 'Patrocinado',
  },
  it: {
    youSaid: 'Hai detto',
    modelSaid: (m) => `${m} ha detto`,
    colon: ':',
    sources: 'Fonti',
    sponsored: 'Sponsorizzato',
  },
  ja: {
    youSaid: 'あなたの発言',
    modelSaid: (m) => `${m} の発言`,
    colon: ':',
    sources: '情報源',
    sponsored: 'スポンサー',
  },
};

const DEFAULT_LANG = 'en-US';

/**
 * The page's `lang`: the display language, else the conversation language, when it is an ISO
 * 639-1 code (optionally with a region, as Google codes have); anything else gets the default.
 */
export function pageLang(conversation: Conversation): string {
  const code = conversation.display ?? conversation.language ?? '';
  const match = /^([a-z]{2})(?:[-_]([a-z0-9]{2,4}))?$/i.exec(code.trim());
  if (!match?.[1]) return DEFAULT_LANG;
  const language = match[1].toLowerCase();
  if (match[2]) return `${language}-${match[2].length === 2 ? match[2].toUpperCase() : match[2]}`;
  return language === 'en' ? DEFAULT_LANG : language;
}

/** The language chatbots show their UI in for an exit country, where it is one the labels know. */
const COUNTRY_LANGUAGE: Record<string, string> = {
  ES: 'es',
  MX: 'es',
  AR: 'es',
  CO: 'es',
  CL: 'es',
  PE: 'es',
  FR: 'fr',
  DE: 'de',
  AT: 'de',
  BR: 'pt',
  PT: 'pt',
  IT: 'it',
  JP: 'ja',
};

/**
 * The language of the hidden labels: captured pages localise them by exit country, so a
 * conversation from France reads "Vous avez dit"; elsewhere they follow the page language.
 */
export function labelLang(conversation: Conversation, lang: string): string {
  return (conversation.country && COUNTRY_LANGUAGE[conversation.country]) || lang;
}

export function labelsFor(lang: string): Labels {
  return LABELS[lang.slice(0, 2)] ?? (LABELS.en as Labels);
}
