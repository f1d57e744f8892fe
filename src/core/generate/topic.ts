/** What kind of answer a prompt calls for; each intent has its own answer shapes. */
export type Intent = 'recommendation' | 'definition' | 'howto' | 'comparison' | 'news' | 'general';

/** The broad field a subject belongs to, which decides the vocabulary of the answer. */
export type Category =
  | 'footwear'
  | 'electronics'
  | 'software'
  | 'travel'
  | 'food'
  | 'health'
  | 'finance'
  | 'other';

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

const CATEGORY_WORDS: ReadonlyArray<[Category, RegExp]> = [
  ['footwear', /\b(shoes?|sneakers?|boots?|sandals?|cleats?|trainers?|running|hiking boots?)\b/i],
  [
    'electronics',
    /\b(laptops?|phones?|smartphones?|iphone|android|headphones?|earbuds?|tvs?|televisions?|monitors?|cameras?|tablets?|speakers?|gpus?|cpus?|keyboards?|mouse|routers?|smartwatch(es)?|watch(es)?|consoles?|chargers?|drones?)\b/i,
  ],
  [
    'software',
    /\b(apps?|software|tools?|platforms?|frameworks?|librar(y|ies)|languages?|python|javascript|typescript|api|apis|ai|llms?|saas|crm|ide|editors?|database|cloud|vpn|browser|protocol|code|coding|programming)\b/i,
  ],
  [
    'travel',
    /\b(travel|trips?|hotels?|flights?|destinations?|places?|cities|city|beach(es)?|vacations?|holidays?|visit|itinerary|resorts?|airlines?)\b/i,
  ],
  [
    'food',
    /\b(recipes?|cook|cooking|bake|baking|restaurants?|food|meals?|dinner|lunch|breakfast|coffee|wine|diet)\b/i,
  ],
  [
    'health',
    /\b(health|workouts?|exercises?|fitness|sleep|vitamins?|supplements?|symptoms?|pain|weight|yoga|running|therapy|doctor|skin|skincare)\b/i,
  ],
  [
    'finance',
    /\b(stocks?|invest(ing|ment)?|etfs?|credit cards?|banks?|loans?|mortgages?|savings|crypto|bitcoin|insurance|budget|taxe?s?|retirement)\b/i,
  ],
];

const COMMERCIAL =
  /\b(buy|buying|cheap|cheapest|price|prices|pricing|deals?|discount|sale|coupon|shop|shopping|order|under \$?\d+|affordable|budget)\b|\$\d/i;

/** Recommendation subjects that are not products ("best way to...") do not carry ads. */
const NON_PRODUCT =
  /^(way|ways|time|times|place|places|method|methods|practice|practices|approach|strategy|strategies|age|day|days|thing|things|advice|tips?)\b/i;

const FILLER =
  /^(?:(?:hey|hi|hello|ok|okay|so|please|pls|chatgpt|gemini|copilot|perplexity)[,!]?\s+)*(?:(?:can|could|would|will) you\s+|i (?:want|need|would like|wanna) (?:to know |you to )?|(?:please\s+)?(?:tell|show|give|find|explain to) (?:me|us)\s+(?:about\s+)?|help me (?:with |understand |find )?|i(?:'m| am) (?:looking for|curious about|wondering)\s+)*/i;

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

function clean(phrase: string): string {
  return phrase
    .replace(/^[\s"'“”‘’«»()[\]{}:,.!?¿¡-]+|[\s"'“”‘’«»()[\]{}:,.!?¿¡-]+$/gu, '')
    .replace(/\s+/g, ' ');
}

function shorten(phrase: string): string {
  const words = phrase.split(' ');
  return words.length <= MAX_SUBJECT_WORDS ? phrase : clean(words.slice(0, MAX_SUBJECT_WORDS).join(' '));
}

/** Separates "basketball shoes" from "for flat feet in 2026". */
function splitQualifier(phrase: string): [string, string] {
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

function categoryOf(text: string): Category {
  return CATEGORY_WORDS.find(([, pattern]) => pattern.test(text))?.[0] ?? 'other';
}

interface Match {
  intent: Intent;
  subject: string;
  options?: string[];
}

function matchIntent(clause: string): Match {
  const body = clean(clause.replace(FILLER, ''));

  const versus =
    /^(?:(?:which is better|what(?:'s| is) the difference between|compare|comparing)[:,]?\s+)?(.+?)\s+(?:vs\.?|versus|compared (?:to|with)|or|and)\s+(.+?)$/i;
  if (/\b(vs\.?|versus|compared (to|with)|difference between|compare|which is better)\b/i.test(body)) {
    const match = versus.exec(body);
    if (match?.[1] && match[2]) {
      const options = [clean(match[1]), clean(match[2].replace(/\s*(?:for|in)\b.*$/i, '') || match[2])];
      return { intent: 'comparison', subject: `${options[0]} vs ${options[1]}`, options };
    }
  }

  const howto =
    /^(?:how (?:to|do i|do you|can i|should i|do we|can we|does one|would i)|steps to|guide to|ways to|tips (?:for|to|on))\s+(.+)$/i.exec(
      body,
    );
  if (howto?.[1]) return { intent: 'howto', subject: clean(howto[1]) };

  const definition =
    /^(?:(?:what|who)(?:'s|’s| is| are| was| were)\s+(?:an?\s+|the\s+)?|define\s+|definition of\s+|meaning of\s+|explain\s+)(.+)$/i.exec(
      body,
    ) ?? /^(.+?)\s+(?:meaning|definition|explained)$/i.exec(body);
  if (definition?.[1] && !/^(the )?(best|top)\b/i.test(definition[1])) {
    return {
      intent: 'definition',
      subject: clean(definition[1].replace(/\s+(?:mean|means|stand for)$/i, '')),
    };
  }

  const recommendation =
    /^(?:(?:what|which)(?:'s| is| are)? (?:the )?|recommend(?: me)?(?: an?| some| the)?\s+|suggest(?: an?| some)?\s+)?(?:best|top(?: \d+)?|greatest|recommended|good|great|cheapest|most (?:popular|comfortable|reliable|affordable))\s+(.+)$/i.exec(
      body,
    ) ?? /^(?:recommend|suggest)(?: me)?(?: an?| some| the)?\s+(.+)$/i.exec(body);
  if (recommendation?.[1]) {
    const way = /^(?:ways?|methods?|approach(?:es)?)\s+(?:to|of)\s+(.+)$/i.exec(recommendation[1]);
    if (way?.[1]) return { intent: 'howto', subject: clean(way[1]) };
    if (NON_PRODUCT.test(recommendation[1])) return { intent: 'general', subject: body };
    return { intent: 'recommendation', subject: clean(recommendation[1]) };
  }

  if (
    /\b(latest|today|tonight|this week|news|weather|forecast|current(ly)?|right now|yesterday|score|scores|update|updates|202[5-9])\b/i.test(
      body,
    )
  ) {
    const subject = body
      .replace(/^(?:what(?:'s| is| are)|is there|are there|any)\s+(?:the\s+)?/i, '')
      .replace(/\b(?:latest|current|today(?:'s)?|tonight|right now|this week|breaking)\b/gi, '')
      .replace(/^\s*(?:news|updates?|headlines)\s+(?:on|about|for|from|regarding)\s+(?:the\s+)?/i, '');
    return { intent: 'news', subject: clean(subject) || body };
  }

  const either = /^(?:should i (?:get|buy|use|choose|learn)\s+)?(.+?)\s+or\s+(.+?)\??$/i.exec(body);
  if (either?.[1] && either[2] && body.split(' ').length <= 10) {
    const options = [clean(either[1]), clean(either[2])];
    return { intent: 'comparison', subject: `${options[0]} vs ${options[1]}`, options };
  }

  return { intent: 'general', subject: body.replace(/^(?:about|is|are|does|do|can|why|when|where)\s+/i, '') };
}

/** Reads what a prompt asks about. Pure: no randomness, so the same prompt always means the same. */
export function analyzePrompt(prompt: string): Topic {
  const clause = firstClause(prompt);
  const match = matchIntent(clause);
  const year = /\b(19\d{2}|20\d{2})\b/.exec(clause)?.[1];
  let [subject, qualifier] =
    match.intent === 'comparison' || match.intent === 'news'
      ? [match.subject, '']
      : splitQualifier(match.subject);
  subject = shorten(clean(subject.replace(/\b(19|20)\d{2}\b/g, '')));
  // Typed-lowercase acronyms ("mcp", "llm") read better the way they are written in print.
  if (/^[b-df-hj-np-tv-z]{2,5}s?$/i.test(subject)) subject = subject.toUpperCase().replace(/S$/, 's');
  qualifier = clean(qualifier);
  if (/^(?:for|in)\s+\d{4}$/i.test(qualifier)) qualifier = '';
  const keywords = keywordsOf(clause);
  const hasText = /[\p{L}\p{N}]/u.test(subject);
  const intent = hasText ? match.intent : 'general';
  const category = categoryOf(clause);
  const commercial =
    COMMERCIAL.test(clause) ||
    (intent === 'recommendation' && !NON_PRODUCT.test(subject)) ||
    (intent === 'comparison' && (category === 'electronics' || category === 'footwear'));
  return {
    intent,
    subject: hasText ? subject : '',
    qualifier,
    options: hasText ? (match.options ?? []) : [],
    keywords,
    category,
    commercial,
    year: year ? Number(year) : null,
    clause,
  };
}
