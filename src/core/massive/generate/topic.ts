import { isPlural, parseCount, plural, secondPerson, thirdPerson } from './english.ts';
import type { Category } from './profiles.ts';

export type { Category } from './profiles.ts';
/** What kind of answer a prompt calls for; each intent has its own answer shapes. */
export type Intent = 'recommendation' | 'definition' | 'howto' | 'comparison' | 'news' | 'general';

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
  ['pets', /\b(dogs?|cats?|pupp(?:y|ies)|kittens?|pets?|litter|aquariums?|hamsters?|dog food|cat food)\b/i],
  [
    'media',
    /\b(books?|novels?|podcasts?|board games?|video games?|games|movies?|films?|tv shows?|shows|audiobooks?|online courses?|courses?|reads?)\b/i,
  ],
  [
    'vehicles',
    /\b(cars?|suvs?|trucks?|sedans?|minivans?|evs?|electric vehicles?|hybrids?|motorcycles?|tesla|ioniq|tires?|tyres?)\b(?!\s+(?:seats?|chargers?|mounts?|wash|insurance))/i,
  ],
  ['footwear', /\b(shoes?|sneakers?|boots?|sandals?|cleats?|trainers?|footwear|insoles?)\b/i],
  [
    'electronics',
    /\b(laptops?|phones?|smartphones?|iphone|android|headphones?|earbuds?|tvs?|televisions?|monitors?|cameras?|tablets?|speakers?|gpus?|cpus?|keyboards?|mouse|routers?|smartwatch(es)?|watch(es)?|consoles?|chargers?|drones?|macs?|macbooks?|pcs?|computers?|desktops?|ipads?|printers?|networks?|wi-?fi|soundbars?|e-?readers?|dash ?cams?|projectors?|power banks?|ssds?|hdds?|hard drives?|ps5|xbox|playstation|nintendo|kindle|kobo|airpods)\b/i,
  ],
  [
    'software',
    /\b(apps?|software|tools?|platforms?|frameworks?|librar(y|ies)|languages?|python|javascript|typescript|api|apis|ai|llms?|saas|crm|ide|editors?|database|cloud|vpn|browser|protocol|code|coding|programming|password managers?|react|vue|angular|node|postgres|mysql|rust|golang|kubernetes|docker|aws|azure|oauth|microservices|agile)\b/i,
  ],
  [
    'finance',
    /\b(stocks?|invest(ing|ment)?|etfs?|credit cards?|banks?|loans?|mortgages?|savings|crypto|bitcoin|insurance|taxe?s?|retirement|index funds?|mutual funds?|savings accounts?|brokerage|roth|inflation|interest rates?|economy|recession|gdp|compound interest|401k|ira)\b/i,
  ],
  [
    'travel',
    /\b(travel|trips?|hotels?|flights?|destinations?|places?|cities|city|beach(es)?|vacations?|holidays?|visit|itinerary|resorts?|airlines?|things to do|sightseeing)\b/i,
  ],
  [
    'food',
    /\b(recipes?|cook|cooking|bake|baking|restaurants?|food|meals?|dinner|lunch|breakfast|coffee|tea|wine|diet|bread|sourdough|dough|cakes?|cookies|pasta|pizza|soups?|ramen|sushi|noodles|sauces?|eggs?|rice|steak|chicken|salads?|desserts?)\b|ラーメン|寿司|料理|レストラン/i,
  ],
  [
    'health',
    /\b(health|workouts?|exercises?|fitness|sleep|vitamins?|supplements?|symptoms?|pain|weight|yoga|running|run|jogging|walking|swimming|cycling|marathons?|5k|stretch(ing)?|therapy|doctor|skin|skincare|sunscreen|protein|yoga mats?|toothbrush(es)?|meditat\w*|procrastinat\w*|burnout|creatine|electrolytes|fasting|vo2)\b/i,
  ],
  [
    'home',
    /\b(heat pumps?|furnaces?|boilers?|air condition(er|ers|ing)|garden(s|ing)?|lawns?|plants?|furniture|kitchens?|bathrooms?|appliances?|cleaning|laundry|diy|renovat\w*|solar panels?|insulation|thermostats?|roofs?|paint(ing)?|vacuums?|purifiers?|mattress(es)?|desks?|chairs?|cookware|drills?|mowers?|faucets?|drains?|rooms?|screws?|kettles?)\b/i,
  ],
  [
    'science',
    /\b(sky|tides?|moon|sun|stars?|planets?|mars|space|nasa|rockets?|physics|chemistry|biology|atoms?|gravity|climate|oceans?|volcano(es)?|earthquakes?|evolution|dna|photosynthesis|universe|galax(y|ies)|black holes?|light|rainbows?|dinosaurs?)\b/i,
  ],
];

const COMMERCIAL =
  /\b(buy|buying|cheap|cheapest|price|prices|pricing|deals?|discount|sale|coupon|shop|shopping|order|under \$?\d+|affordable|budget)\b|\$\d/i;

/** Recommendation subjects that are not products ("best way to...") do not carry ads. */
const NON_PRODUCT =
  /^(way|ways|time|times|place|places|method|methods|practice|practices|approach|strategy|strategies|age|day|days|thing|things|advice|tips?)\b/i;

const FILLER =
  /^(?:(?:hey|hi|hello|ok|okay|so|please|pls|chatgpt|gemini|copilot|perplexity)[,!]?\s+)*(?:(?:can|could|would|will) you\s+|i (?:want|need|would like|wanna) (?:to (?:know|understand|learn)(?: about)? |you to )?|(?:please\s+)?(?:tell|show|give|find|explain to) (?:me|us)\s+(?:about\s+)?|help me (?:with |understand |find )?|i(?:'m| am) (?:looking for|curious about|wondering)\s+)*/i;

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

function categoryOf(text: string): Category {
  return CATEGORY_WORDS.find(([, pattern]) => pattern.test(text))?.[0] ?? 'other';
}

interface Match {
  intent: Intent;
  subject: string;
  options?: string[];
  article?: string;
  focus?: string;
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
    'grow plant prune water feed raise convert calculate measure check test debug deploy code program design ' +
    'take give send share transfer download upload record edit publish format replace unclog descale sharpen ' +
    'whiten remove prevent treat cure relieve stop avoid overcome beat win'
  ).split(' '),
);

const ARTICLE = /^(an?|the)\s+/i;

/** Nouns with no plural, which recommendations keep as they are. */
const MASS_NOUN =
  /\b(?:software|cookware|gear|equipment|furniture|luggage|skincare|clothing|advice|music|content|insurance|storage|hardware|bedding)$/i;

/**
 * A why/how question as an indirect one, and what it is about: "why is the sky blue" →
 * ["why the sky is blue", "the sky"], "how do tides work" → ["how tides work", "tides"].
 */
function explanation(body: string): [string, string] | null {
  const match =
    /^(why|how)\s+(is|are|was|were|do|does|did|can|can't|cannot|does not|doesn't|don't)\s+(.+?)[?.!]*$/i.exec(
      body,
    );
  if (!match?.[1] || !match[2] || !match[3]) return null;
  const wh = match[1].toLowerCase();
  const aux = match[2].toLowerCase();
  const rest = match[3].split(' ');
  if (rest.length < 2 || rest.length > 6) return null;
  const last = rest[rest.length - 1] ?? '';
  const noun = rest.slice(0, -1).join(' ');
  if (/^(i|you|we|they|he|she|it)$/i.test(noun)) return [`${wh} ${noun} ${last}`, last];
  if (/^(is|are|was|were)$/.test(aux)) return [`${wh} ${noun} ${aux} ${last}`, noun];
  if (aux === 'does') return [`${wh} ${noun} ${thirdPerson(last)}`, noun];
  if (aux === 'do') return [`${wh} ${noun} ${last}`, noun];
  return null;
}

function matchIntent(clause: string): Match {
  const body = clean(clause.replace(FILLER, ''));

  const versus =
    /^(?:(?:which is better|what(?:'s| is) the difference between|compare|comparing)[:,]?\s+)?(.+?)\s+(?:vs\.?|versus|compared (?:to|with)|or|and)\s+(.+?)$/i;
  if (/\b(vs\.?|versus|compared (to|with)|difference between|compare|which is better)\b/i.test(body)) {
    const match = versus.exec(body);
    if (match?.[1] && match[2]) {
      const options = [
        clean(match[1]).replace(ARTICLE, ''),
        clean(match[2].replace(/\s*(?:for|in)\b.*$/i, '') || match[2]).replace(ARTICLE, ''),
      ].map(productCase);
      return { intent: 'comparison', subject: `${options[0]} vs ${options[1]}`, options };
    }
  }

  // "things to do in barcelona": a guide to the place's options.
  const todo =
    /^(things to do|places to (?:visit|see|eat|stay)|where to (?:eat|stay)|what to do)\s+(in|around|near)\s+(.+)$/i.exec(
      body,
    );
  if (todo?.[1] && todo[3])
    return { intent: 'recommendation', subject: `${clean(todo[1])} ${todo[2]} ${clean(todo[3])}` };
  // "what laptop should i get": a recommendation; "what to pack for iceland": a how-to.
  const which =
    /^(?:what|which)\s+(\p{L}+)\s+should\s+(?:i|we)\s+(?:get|buy|choose|use|pick)\b\s*(.*)$/iu.exec(body);
  if (which?.[1])
    return { intent: 'recommendation', subject: clean(`${plural(which[1])} ${which[2] ?? ''}`) };
  const whatTo = /^what to\s+(.+)$/i.exec(body);
  if (whatTo?.[1]) return { intent: 'howto', subject: clean(whatTo[1]) };

  const howto =
    /^(?:how (?:to|do i|do you|can i|should i|do we|can we|does one|would i)|steps to|guide to|ways to|tips (?:for|to|on))\s+(.+)$/i.exec(
      body,
    );
  if (howto?.[1]) return { intent: 'howto', subject: clean(howto[1]) };

  const tips = /^(.+?)\s+(?:tips|tricks|advice|hacks|guide)$/i.exec(body);
  if (tips?.[1] && tips[1].split(' ').length <= 6) return { intent: 'howto', subject: clean(tips[1]) };

  const explained = explanation(body);
  if (explained) return { intent: 'general', subject: explained[0], focus: explained[1] };

  const happening = /^what(?:'s| is) (?:happening|going on|new) (?:with|in|at|on) (?:the )?(.+)$/i.exec(body);
  if (happening?.[1])
    return {
      intent: 'news',
      subject: clean(happening[1].replace(/\s+(?:today|this week|right now|now|lately|currently)$/i, '')),
    };
  const stands = /^what (?:does|do) (.+?) (?:stand for|mean)$/i.exec(body);
  if (stands?.[1]) return { intent: 'definition', subject: clean(stands[1]) };
  const definition =
    /^(?:(?:what|who)(?:'s|’s| is| are| was| were)\s+(?:(an?|the)\s+)?|define\s+|definition of\s+|meaning of\s+|explain\s+)(.+)$/i.exec(
      body,
    ) ?? /^()(.+?)\s+(?:meaning|definition|explained)$/i.exec(body);
  if (definition?.[2] && !/^(the )?(best|top)\b/i.test(definition[2])) {
    return {
      intent: 'definition',
      subject: clean(definition[2].replace(/\s+(?:mean|means|stand for)$/i, '')),
      article: (definition[1] ?? '').toLowerCase(),
    };
  }

  const recommendation =
    /^(?:(?:what|which)(?:'s| is| are)? (?:the )?|recommend(?: me)?(?: an?| some| the)?\s+|suggest(?: an?| some)?\s+)?(?:(?:\d+|three|four|five|six|seven|eight|nine|ten)\s+)?(?:best|top(?: \d+)?|greatest|recommended|good|great|cheapest|most (?:popular|comfortable|reliable|affordable))\s+(.+)$/i.exec(
      body,
    ) ?? /^(?:recommend|suggest)(?: me)?(?: an?| some| the)?\s+(.+)$/i.exec(body);
  if (recommendation?.[1]) {
    const way = /^(?:ways?|methods?|approach(?:es)?)\s+(?:to|of)\s+(.+)$/i.exec(recommendation[1]);
    if (way?.[1]) return { intent: 'howto', subject: clean(way[1]) };
    if (NON_PRODUCT.test(recommendation[1])) return { intent: 'general', subject: body };
    // "cheapest flights to tokyo": fares are found, not picked; the answer is how to find them.
    if (/^(?:flights?|airfares?|fares?|train tickets?)\b/i.test(recommendation[1]))
      return { intent: 'general', subject: clean(`cheap ${recommendation[1]}`) };
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
      .replace(/^\s*(?:news|updates?|headlines)\s+(?:on|about|for|from|regarding)\s+(?:the\s+)?/i, '')
      .replace(/\s+(?:news|updates?|headlines)\s*(?=$|\s+(?:today|this week|now))/i, '')
      .replace(/\s+(?:today|this week|this weekend|now|right now)$/i, '');
    return { intent: 'news', subject: clean(subject) || body };
  }

  const either = /^(?:should i (?:get|buy|use|choose|learn)\s+)?(.+?)\s+or\s+(.+?)\??$/i.exec(body);
  if (either?.[1] && either[2] && body.split(' ').length <= 10) {
    const options = [clean(either[1]).replace(ARTICLE, ''), clean(either[2]).replace(ARTICLE, '')].map(
      productCase,
    );
    return { intent: 'comparison', subject: `${options[0]} vs ${options[1]}`, options };
  }

  return { intent: 'general', subject: body.replace(/^(?:about|is|are|does|do|can|why|when|where)\s+/i, '') };
}

/** How products and languages are spelled in print, for subjects typed in lower case. */
const PROPER: Record<string, string> = {
  iphone: 'iPhone',
  ipad: 'iPad',
  ios: 'iOS',
  macos: 'macOS',
  macbook: 'MacBook',
  mac: 'Mac',
  pc: 'PC',
  android: 'Android',
  windows: 'Windows',
  linux: 'Linux',
  python: 'Python',
  javascript: 'JavaScript',
  typescript: 'TypeScript',
  java: 'Java',
  rust: 'Rust',
  chatgpt: 'ChatGPT',
  google: 'Google',
  pixel: 'Pixel',
  samsung: 'Samsung',
  tokyo: 'Tokyo',
  japan: 'Japan',
  lisbon: 'Lisbon',
  portugal: 'Portugal',
  chicago: 'Chicago',
  barcelona: 'Barcelona',
  rome: 'Rome',
  seattle: 'Seattle',
  iceland: 'Iceland',
  canada: 'Canada',
  australia: 'Australia',
  europe: 'Europe',
  spain: 'Spain',
  italy: 'Italy',
  france: 'France',
  germany: 'Germany',
  mexico: 'Mexico',
  berlin: 'Berlin',
  portland: 'Portland',
  everest: 'Everest',
  eiffel: 'Eiffel',
  machu: 'Machu',
  picchu: 'Picchu',
  microsoft: 'Microsoft',
  roman: 'Roman',
  node: 'Node',
  postgres: 'Postgres',
  mysql: 'MySQL',
  kindle: 'Kindle',
  kobo: 'Kobo',
  react: 'React',
  vue: 'Vue',
  aws: 'AWS',
  azure: 'Azure',
  gdpr: 'GDPR',
  oauth: 'OAuth',
  kubernetes: 'Kubernetes',
  airpods: 'AirPods',
  sony: 'Sony',
  nike: 'Nike',
  brooks: 'Brooks',
  tesla: 'Tesla',
  hyundai: 'Hyundai',
  ps5: 'PS5',
  xbox: 'Xbox',
  spanish: 'Spanish',
  monday: 'Monday',
  ceo: 'CEO',
  ai: 'AI',
  vpn: 'VPN',
  crm: 'CRM',
  tv: 'TV',
  tvs: 'TVs',
  ssd: 'SSD',
  hdd: 'HDD',
  dslr: 'DSLR',
  etf: 'ETF',
  ira: 'IRA',
  roth: 'Roth',
  '4k': '4K',
  pilates: 'Pilates',
  premier: 'Premier',
  league: 'League',
  paris: 'Paris',
  london: 'London',
  mars: 'Mars',
  nasa: 'NASA',
  bitcoin: 'Bitcoin',
  excel: 'Excel',
};

/** Proper nouns typed in lower case, in print casing: "tokyo" → "Tokyo". */
export function properCase(text: string): string {
  return text
    .replace(/[\p{L}\p{N}]+/gu, (word) => (word === word.toLowerCase() ? (PROPER[word] ?? word) : word))
    .replace(/\bmount (?=\p{Lu})/gu, 'Mount ');
}

/**
 * A product name typed in lower case, as printed: "tesla model 3" → "Tesla Model 3",
 * "sony wf-1000xm5" → "Sony WF-1000XM5": names with a model number or a known brand; "drip coffee" stays.
 */
function productCase(text: string): string {
  const proper = properCase(text);
  const brand = proper.split(' ')[0] !== text.split(' ')[0];
  if (!/\d/.test(proper) && !brand) return proper;
  return proper.replace(/[\p{L}\p{N}-]+/gu, (word) => {
    if (/\p{Lu}/u.test(word.slice(1))) return word;
    if (/\d/.test(word) && /\p{L}/u.test(word)) return word.toUpperCase();
    return word.charAt(0).toUpperCase() + word.slice(1);
  });
}

/** "ada lovelace" → "Ada Lovelace": a person's name typed in lower case. */
function nameCase(text: string): string {
  return text === text.toLowerCase()
    ? text.replace(/(^|\s)(\p{L})/gu, (_, space, letter) => space + letter.toUpperCase())
    : text;
}

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
  const match =
    /\b(?:in|to|near|from|around|visit|visiting)\s+((?:\p{Lu}[\p{L}'’-]+)(?:\s+\p{Lu}[\p{L}'’-]+){0,2})/u.exec(
      properCase(clause),
    );
  return match?.[1] ?? null;
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
  let article = match.article ?? '';
  // Superlatives take "the": "tallest buildings" → "the tallest buildings".
  if (
    !article &&
    /^\p{L}+est\b/u.test(subject) &&
    !/^(best|interest|forest|test|west|request|guest|chest|nest|rest)\b/i.test(subject)
  )
    article = 'the';
  qualifier = properCase(clean(qualifier));
  if (/^(?:for|in)\s+\d{4}$/i.test(qualifier)) qualifier = '';
  const keywords = keywordsOf(clause);
  const hasText = /[\p{L}\p{N}]/u.test(subject);
  const intent = hasText ? match.intent : 'general';
  const category = categoryOf(clause);
  const commercial =
    COMMERCIAL.test(clause) ||
    (intent === 'recommendation' && !NON_PRODUCT.test(subject)) ||
    (intent === 'comparison' && (category === 'electronics' || category === 'footwear'));
  const how = intent === 'howto' ? taskOf(subject) : { task: '', focus: '' };
  const focus = hasText ? properCase(how.focus || match.focus || subject) : '';
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
    article: hasText ? article : '',
    focus,
    task: hasText ? how.task : '',
    budget: budgetOf(clause),
    count: intent === 'recommendation' ? countOf(clause) : null,
    audience: audienceOf(qualifier),
    place: placeOf(clause),
    nearby: /\bnear (?:me|here|by)\b|\bnearby\b|\blocal\b/i.test(clause),
  };
}
