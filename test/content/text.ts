import { generateAnswer, renderConversation } from '../../src/core/massive/generate/index.ts';
import type { Model } from '../../src/core/massive/conversation.ts';
import type { Answer } from '../../src/core/massive/generate/types.ts';
import { conversation } from '../support/conversation.ts';
import { PROMPTS } from './corpus.ts';

/** One answer to every prompt of the corpus, each with its own seed, as a test suite would see them. */
export function corpusAnswers(
  model: Model = 'chatgpt',
  seedBase = 0,
): Array<{ prompt: string; answer: Answer }> {
  return PROMPTS.map((prompt, i) => ({
    prompt,
    answer: generateAnswer(conversation(prompt, model), seedBase + i),
  }));
}

export function renderedCorpus(model: Model, seedBase = 0) {
  return PROMPTS.map((prompt, i) => {
    const conv = conversation(prompt, model);
    return { prompt, ...renderConversation(conv, generateAnswer(conv, seedBase + i), seedBase + i) };
  });
}

/** The prose of an answer without Markdown syntax or citations: what a reader reads. */
export function plainText(markdown: string): string {
  return markdown
    .replace(/\s*(?:\[\d+\])+/g, '')
    .replace(/\\([\\`*_[\]<>|#~])/g, '$1')
    .replace(/\*\*|__|`/g, '');
}

/**
 * The sentences of an answer's paragraphs and list items, lower-cased, whitespace-collapsed.
 * Tables, headings and list fragments without a full stop ("Cons: bulky") are labels, not
 * sentences, and nor is anything under six words.
 */
export function sentencesOf(markdown: string): string[] {
  return plainText(markdown)
    .split('\n')
    .filter((line) => !/^\s*(?:#|\|)/.test(line))
    .map((line) => line.replace(/^\s*(?:[-*]|\d+\.)\s+/, ''))
    .flatMap((line) => line.split(/(?<=[.!?…])\s+(?=[\p{Lu}"“(¿¡])/u))
    .map((sentence) => sentence.replace(/\s+/g, ' ').trim().toLowerCase())
    .filter((sentence) => /[.!?…]["”)]?$/u.test(sentence) && sentence.split(' ').length >= 6);
}
