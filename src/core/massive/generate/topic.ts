import { type Ask, readAsk } from './ask.ts';
import { categoryOf } from './categories.ts';
import { gerund, isPlural, parseCount, plural, secondPerson } from './english.ts';
import { countryCode, countryName, type Fact, readFact } from './facts.ts';
import { clean, FILLER, type Intent, type Match, matchIntent, NON_PRODUCT } from './intents.ts';
import { nameCase, properCase } from './names.ts';
import type { Category } from './profiles.ts';

export type { Ask } from './ask.ts';
export type { Fact } from './facts.ts';
export type { Intent } from './intents.ts';
export { properCase } from './names.ts';
export type { Category } from './profiles.ts';

export interface Topic {
  intent: Intent;
  /** The thing asked about, in the prompt's own casing: "basketball shoes", "MCP". */
  subject: string;
  /** What narrows the subject: "for flat feet", "under $100"; empty when nothing does. */
  qualifier: string;
  /** The two (or more) sides of a comparison; empty for other intents. */
  options: string[];
  /** Content words of the prompt, lower-cased, in order, without duplicates. */
  keywords: string[];
  category: Category;
  /** Whether the prompt is about buying something, which is when ChatGPT shows ads. */
  commercial: boolean;
  /** A year the prompt names, if any. */
  year: number | null;
  /** The prompt's first clause, whitespace-collapsed: long prompts are answered on it. */
  clause: string;
  /** The article the prompt put before the subject ("what is a heat pump"), or '' when none. */
  article: string;
  /**
   * The short noun phrase sentences weave in: the object of a how-to ("start running" → "running",
   * "reset my phone" → "your phone"), the thing a why/how question is about ("the sky"), else the subject.
   */
  focus: string;
  /** For a how-to, what to do, in the answerer's words ("reset your phone"); '' for other intents. */
  task: string;
  /** The most a pick may cost, from "under $150"; null when the prompt sets no budget. */
  budget: number | null;
  /** How many picks the prompt asks for ("top 5", "3 best"); null when it does not say. */
  count: number | null;
  /** Who or what the picks are for ("students", "flat feet"), from a "for ..." qualifier. */
  audience: string | null;
  /** A place the prompt names ("Lisbon", "Japan"), as written; null when none. */
  place: string | null;
  /** Whether the prompt asks about somewhere near the asker ("near me"). */
  nearby: boolean;
  /** For a recommendation, what its picks are; 'product' for other intents. */
  pick: PickKind;
  /** The form the answer is asked to take: a creative piece, a list, a length. */
  ask: Ask;
  /** The answer, when it is a fact the shipped data or a computation gives; null otherwise. */
  fact: Fact | null;
}

const MAX_CLAUSE = 160;
const MAX_SUBJECT_WORDS = 7;

const STOPWORDS = new Set(
  (
    'a an the and or but of for to in on at by with from about into over under is are was were be been being ' +
    'do does did i me my we our you your it its this that these those what which who whom whose how why when ' +
    'where can could should would will shall may might must please tell give show explain find get need want ' +
    'some any most more best top good vs versus than there their they them he she his her as if so not no yes ' +
    'just really very also like let make'
  ).split(' '),
);

const COMMERCIAL =
  /\b(buy|buying|cheap|cheapest|price|prices|pricing|deals?|discount|sale|coupon|shop|shopping|order|under \$?\d+|affordable|budget)\b|\$\d/i;

/** Splits off the first sentence, so very long prompts are answered on what they open with. */
function firstClause(prompt: string): string {
  const collapsed = prompt.replace(/\s+/g, ' ').trim();
  const sentence = collapsed
    .split(/(?<=[.!?。！？])\s+|[\n;。！？]/u)
    .find((part) => /[\p{L}\p{N}]/u.test(part));
  const clause = (sentence ?? collapsed).trim();
  if (clause.length <= MAX_CLAUSE) return clause;
  const cut = clause.slice(0, MAX_CLAUSE);
  const space = cut.lastIndexOf(' ');
  return space > MAX_CLAUSE / 2 ? cut.slice(0, space) : cut;
}

function shorten(phrase: string, most = MAX_SUBJECT_WORDS): string {
  const words = phrase.split(' ');
  return words.length <= most ? phrase : clean(words.slice(0, most).join(' '));
}

/** Separates "basketball shoes" from "for flat feet in 2026". */
function splitQualifier(phrase: string): [string, string] {
  const todo = /^(things to do|places to \w+|where to \w+|what to do)\s+((?:in|around|near)\b.*)$/i.exec(
    phrase,
  );
  if (todo?.[1] && todo[2]) return [todo[1], todo[2]];
  const match =
    /^(.+?)\s+((?:for|under|below|in|with|near|on|at|from|without|to|that|which|during|before|after)\b.*)$/i.exec(
      phrase,
    );
  if (!match?.[1] || !match[2]) return [phrase, ''];
  return [match[1], match[2]];
}

function words(text: string): string[] {
  return text
    .toLowerCase()
    .split(/[^\p{L}\p{N}'’+#.-]+/u)
    .map((word) => word.replace(/^[.'’-]+|[.'’-]+$/g, ''));
}

function keywordsOf(clause: string): string[] {
  const seen = new Set<string>();
  for (const word of words(clause)) {
    if (word && !STOPWORDS.has(word) && !/^\d{4}$/.test(word)) seen.add(word);
  }
  return [...seen].slice(0, 10);
}

/** Words a how-to subject usually opens with; when it opens with none, the answer gives tips about a thing. */
const VERBS = new Set(
  (
    'start stop quit make get learn build cook bake brew boil grill roast fry reset fix repair install uninstall ' +
    'update upgrade improve clean wash tie lose gain write read plan grow save train become choose pick use set ' +
    'create find remove change connect run play sleep keep prepare care store start apply pay open close ' +
    'delete recover restore back backup organize organise decorate paint draw sing speak study invest budget ' +
    'travel pack book negotiate ask sell buy rent move lower raise reduce increase boost stay feel deal handle ' +
    'manage lead teach meditate stretch swim bike ride drive walk jog hike climb fold iron sew knit shave ' +
    'visit explore discover grow plant prune water feed raise convert calculate measure check test debug deploy code program design ' +
    'take give send share transfer download upload record edit publish format replace unclog descale sharpen ' +
    'whiten remove prevent treat cure relieve stop avoid overcome beat win'
  ).split(' '),
);

/** Nouns with no plural, which recommendations keep as they are. */
const MASS_NOUN =
  /\b(?:software|cookware|gear|equipment|furniture|luggage|skincare|clothing|advice|music|content|insurance|storage|hardware|bedding)$/i;

/** Splits a how-to subject into what to do and what it is done to: "start running" → "running". */
function taskOf(subject: string): { task: string; focus: string } {
  const task = secondPerson(subject);
  const [first = '', ...rest] = task.split(' ');
  if (!VERBS.has(first.toLowerCase())) return { task: '', focus: task };
  const object = rest.join(' ').replace(/^(?:up|out|off|on|down|back|to|with)\s+(?=\S)/i, '');
  return { task, focus: object || task };
}

const BUDGET =
  /\b(?:under|below|less than|up to|no more than|within|max(?:imum)?|for under)\s+(?:\$|usd\s*)?(\d[\d,]*(?:\.\d+)?)\s*(k\b)?(?:\s*(?:dollars|bucks|usd))?/i;
const COUNT =
  /\b(?:top|best)\s+(\d{1,2}|three|four|five|six|seven|eight|nine|ten)\b|\b(\d{1,2}|three|four|five|six|seven|eight|nine|ten)\s+(?:best|top|good|great)\b/i;

/** The budget a prompt sets, in dollars: "under $150" → 150, "under 40k" → 40000. */
function budgetOf(clause: string): number | null {
  const match = BUDGET.exec(clause);
  if (!match?.[1]) return null;
  const value = Number(match[1].replace(/,/g, '')) * (match[2] ? 1000 : 1);
  return Number.isFinite(value) && value >= 5 ? Math.round(value) : null;
}

function countOf(clause: string): number | null {
  const match = COUNT.exec(clause);
  const count = parseCount(match?.[1] ?? match?.[2] ?? '');
  return count !== null && count >= 2 && count <= 10 ? count : null;
}

/** "for students", "for wide feet": who the picks are for; not a year, a budget or a place. */
function audienceOf(qualifier: string): string | null {
  const match = /(?:^|\s)for\s+(.+?)(?:\s+(?:under|below|in|near|on|with|at|from)\b.*)?$/i.exec(qualifier);
  const audience = match?.[1]?.trim();
  if (!audience || /^\d/.test(audience) || /^(?:under|less|me|a|an|the)$/i.test(audience)) return null;
  return audience;
}

/** A capitalised place after "in", "to", "near", "from" or "around": "in Lisbon", "to Tokyo". */
function placeOf(clause: string): string | null {
  const country = /\b(?:in|to|from|around|visit|visiting)\s+((?:the\s+)?\p{L}+(?:\s+\p{L}+)?)\s*$/iu.exec(
    clause,
  )?.[1];
  const code = country ? countryCode(country) : null;
  if (code) return countryName(code);
  const match =
    /\b(?:in|to|near|from|around|visit|visiting)\s+((?:\p{Lu}[\p{L}'’-]+)(?:\s+\p{Lu}[\p{L}'’-]+){0,2})/u.exec(
      properCase(clause),
    );
  return match?.[1] ?? null;
}

/** A list's theme as its sentences use it: "visit Japan" → "visiting Japan", "running in the heat" whole. */
function listFocus(ask: Ask, subject: string): { task: string; focus: string } {
  if (!ask.list) return { task: '', focus: '' };
  const { task } = taskOf(subject);
  return { task: '', focus: task ? gerund(task) : '' };
}

/** What a recommendation's picks are: places and activities are never priced like goods. */
export type PickKind = 'product' | 'place' | 'activity' | 'service';

const PLACES =
  /\b(?:trails?|hikes?|hiking spots|museums?|beach(?:es)?|parks?|islands?|neighbou?rhoods?|attractions|sights|landmarks|cities|towns|villages|destinations|places|spots|walks|viewpoints?|lakes|waterfalls|campsites|campgrounds|bars|pubs|cafes|coffee shops|restaurants|markets|galleries|zoos|gardens|castles|temples|national parks|ski resorts|things to do|places to \w+|where to \w+|what to do)\b/i;
const ACTIVITIES =
  /\b(?:activities|hobbies|day trips|excursions|tours|experiences|date ideas|games to play|sports|exercises|workouts)\b/i;
const SERVICES =
  /\b(?:hotels?|hostels?|airbnbs?|plumbers?|dentists?|doctors?|lawyers?|gyms?|schools?|universities|banks?|insurers?|agencies|salons?|mechanics?|vets?|electricians?|accountants?)\b/i;

function pickKind(intent: Intent, subject: string): PickKind {
  if (intent !== 'recommendation') return 'product';
  if (SERVICES.test(subject)) return 'service';
  if (PLACES.test(subject)) return 'place';
  return ACTIVITIES.test(subject) ? 'activity' : 'product';
}

/** The subject as sentences use it: year and particles off, acronyms and names in print casing. */
function subjectOf(match: Match, raw: string, clause: string): string {
  // A piece keeps its whole theme ("an email to your boss asking for a day off").
  const most = match.piece ? 16 : MAX_SUBJECT_WORDS;
  let subject = shorten(clean(raw.replace(/\b(19|20)\d{2}\b/g, '')), most);
  // Japanese questions end on a particle ("ラーメンは"): the subject is what comes before it.
  subject = subject.replace(/(?<=[\p{Script=Han}\p{Script=Katakana}])[はがをもの]$/u, '');
  // Typed-lowercase acronyms ("mcp", "llm") read better the way they are written in print.
  if (/^[b-df-hj-np-tv-z]{2,5}s?$/i.test(subject)) subject = subject.toUpperCase().replace(/S$/, 's');
  subject = properCase(subject);
  // "best vpn" asks for several: recommendations talk about "VPNs", mass nouns ("dog food") aside.
  if (match.intent === 'recommendation' && !isPlural(subject) && !MASS_NOUN.test(subject))
    subject = plural(subject);
  if (/^who\b/i.test(clause.replace(FILLER, '')) && match.intent === 'definition')
    subject = nameCase(subject);
  return subject;
}

/** Superlatives take "the": "tallest buildings" → "the tallest buildings". */
function articleOf(match: Match, subject: string): string {
  if (match.article) return match.article;
  return /^\p{L}+est\b/u.test(subject) &&
    !/^(best|interest|forest|test|west|request|guest|chest|nest|rest)\b/i.test(subject)
    ? 'the'
    : '';
}

/** What the prompt asks for, before its wording is read for a subject: a form, a fact, an intent. */
function readPrompt(clause: string): { ask: Ask; fact: Fact | null; match: Match } {
  const { ask, body } = readAsk(clean(clause.replace(FILLER, '')));
  // A creative piece or a list is about its theme, whatever the theme's wording would ask.
  if (ask.piece)
    return { ask, fact: null, match: { intent: 'general', subject: secondPerson(body), piece: true } };
  if (ask.list) return { ask, fact: null, match: { intent: 'general', subject: body } };
  const fact = ask.shape || ask.summary ? null : readFact(body);
  return { ask, fact, match: matchIntent(clean(body)) };
}

/** Reads what a prompt asks about. Pure: no randomness, so the same prompt always means the same. */
export function analyzePrompt(prompt: string): Topic {
  const clause = firstClause(prompt);
  const { ask, fact, match } = readPrompt(clause);
  const year = /\b(19\d{2}|20\d{2})\b/.exec(clause)?.[1];
  const whole = match.intent === 'comparison' || match.intent === 'news' || ask.piece !== null;
  const [raw, rawQualifier] = whole ? [match.subject, ''] : splitQualifier(match.subject);
  const subject = subjectOf(match, raw, clause);
  let qualifier = properCase(clean(rawQualifier));
  if (/^(?:for|in)\s+\d{4}$/i.test(qualifier)) qualifier = '';
  const hasText = /[\p{L}\p{N}]/u.test(subject);
  const intent = hasText ? match.intent : 'general';
  const pick = pickKind(intent, `${subject} ${qualifier}`);
  const unpriced = pick === 'place' || pick === 'activity';
  const category = unpriced && categoryOf(clause) !== 'food' ? 'travel' : categoryOf(clause);
  const commercial =
    !unpriced &&
    !ask.piece &&
    !ask.list &&
    !fact &&
    (COMMERCIAL.test(clause) ||
      (intent === 'recommendation' && !NON_PRODUCT.test(subject)) ||
      (intent === 'comparison' && (category === 'electronics' || category === 'footwear')));
  const how = intent === 'howto' ? taskOf(subject) : listFocus(ask, subject);
  return {
    intent,
    subject: hasText ? subject : '',
    qualifier,
    options: hasText ? (match.options ?? []) : [],
    keywords: keywordsOf(clause),
    category,
    commercial,
    year: year ? Number(year) : null,
    clause,
    article: hasText ? articleOf(match, subject) : '',
    focus: hasText ? properCase(how.focus || match.focus || subject) : '',
    task: hasText ? how.task : '',
    budget: budgetOf(clause),
    count: intent === 'recommendation' ? (countOf(clause) ?? ask.count) : null,
    audience: audienceOf(qualifier),
    place: placeOf(clause),
    nearby: /\bnear (?:me|here|by)\b|\bnearby\b|\blocal\b/i.test(clause),
    pick,
    ask: { ...ask, noun: properCase(ask.noun), about: properCase(secondPerson(ask.about)) },
    fact,
  };
}
