import type { Rng } from '../../kernel/random.ts';
import type { Topic } from './topic.ts';
import { secondPerson } from './english.ts';
import { REFERENCE_YEAR } from './writers/context.ts';

const MAX_QUERY = 80;

function normalise(text: string): string {
  const query = text
    .toLowerCase()
    .replace(/[?!.。？！]+$/u, '')
    .replace(/\s+/g, ' ')
    .trim();
  if (query.length <= MAX_QUERY) return query;
  const cut = query.slice(0, MAX_QUERY);
  return cut.slice(0, Math.max(cut.lastIndexOf(' '), MAX_QUERY / 2)).trim();
}

/** 2 to 7 search queries the model "ran": the prompt itself first, then rewrites by intent. */
export function makeFanouts(topic: Topic, city: string | null, rng: Rng): string[] {
  const base = normalise(topic.clause) || topic.clause.slice(0, MAX_QUERY) || 'help';
  const subject = normalise(topic.subject);
  const year = topic.year ?? REFERENCE_YEAR;
  const [a = subject, b = subject] = topic.options.map(normalise);
  const candidates: Record<Topic['intent'], string[]> = {
    recommendation: [
      `best ${subject} ${year}`,
      `${subject} reviews`,
      `top rated ${subject}`,
      `${subject} buying guide`,
      `${subject} ${normalise(topic.qualifier)}`,
      city ? `${subject} near ${city.toLowerCase()}` : `${subject} deals`,
    ],
    definition: [
      `${subject} meaning`,
      `what is ${subject} used for`,
      `${subject} explained`,
      `${subject} definition`,
    ],
    howto: [
      topic.task ? `how to ${normalise(secondPerson(subject))} step by step` : `${subject} tips and tricks`,
      `${subject} tips`,
      `${subject} for beginners`,
      `${subject} guide ${year}`,
    ],
    comparison: [
      `${a} vs ${b}`,
      `${a} vs ${b} differences`,
      `${a} review`,
      `${b} review`,
      `${a} or ${b} which is better`,
    ],
    news: [`${subject} news`, `${subject} latest ${year}`, `${subject} today`, `${subject} update`],
    general: [`${subject}`, `${subject} explained`, `${subject} overview`, `${subject} facts`],
  };
  const extra = subject ? candidates[topic.intent] : [];
  const queries = new Set([base]);
  for (const query of rng.sample(extra, rng.int(1, 6))) {
    const clean = query.replace(/\s+/g, ' ').trim();
    if (clean && clean !== base) queries.add(clean);
  }
  if (queries.size < 2) queries.add(`${base} ${rng.pick(['meaning', 'explained', 'help'])}`);
  return [...queries].slice(0, 7);
}
