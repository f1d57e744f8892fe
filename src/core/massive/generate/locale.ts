import type { Conversation } from '../conversation.ts';

/** The languages answers are written in; any other `language` gets English text. */
export type AnswerLanguage = 'en' | 'es' | 'fr' | 'de';

const BY_NAME: Record<string, AnswerLanguage> = { spanish: 'es', french: 'fr', german: 'de' };

/**
 * The answer's language, from the conversation's `language` as the parameter rules echo it: an
 * ISO 639-1 or Google code ("es", "es-419") or an English language name ("Spanish").
 */
export function answerLanguage(conversation: Pick<Conversation, 'language'>): AnswerLanguage {
  const value = (conversation.language ?? '').toLowerCase();
  const code = BY_NAME[value] ?? value.split('-')[0];
  return code === 'es' || code === 'fr' || code === 'de' ? code : 'en';
}
