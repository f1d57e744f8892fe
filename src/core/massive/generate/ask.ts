import { parseCount } from './english.ts';

/** A creative piece a prompt can ask for. */
export type Piece = 'poem' | 'haiku' | 'limerick' | 'story' | 'slogan' | 'email' | 'joke';

/** What a list of things is made of: each kind has its own wording. */
export type ListKind = 'tips' | 'ideas' | 'reasons' | 'ways' | 'mistakes' | 'questions';

/**
 * The form a prompt asks its answer to take, read from its instruction words ("write a haiku",
 * "list 7 tips", "in one paragraph"), which shape the answer and are never its subject.
 */
export interface Ask {
  /** The creative piece asked for, or null. */
  piece: Piece | null;
  /** The kind of list asked for ("7 tips for ..."), or null. */
  list: ListKind | null;
  /** How many items, pieces or bullet points, in whichever phrasing; null when not said. */
  count: number | null;
  /** One paragraph, no list; or two or three sentences ("briefly"); or a bulleted list. */
  shape: 'paragraph' | 'brief' | 'bullets' | null;
  /** The most words the answer may use ("in 100 words"); null when not said. */
  words: number | null;
  /** A summary of something rather than an overview of it. */
  summary: boolean;
  /** "a short poem": the piece kept short. */
  short: boolean;
  /** What a list is of, as asked: "tips", "healthy snack ideas"; '' when no list is asked for. */
  noun: string;
  /** What a list is for, with its linking word: "for learning spanish", "to learn python"; or ''. */
  about: string;
}

/** The most items one list holds: beyond that, prompts are asking for a document, not an answer. */
export const MAX_ITEMS = 12;

const NUMBER = String.raw`(\d{1,3}|one|two|three|four|five|six|seven|eight|nine|ten|a couple of|a few)`;

/** Counts in words and digits, with "a couple of" and "a few" as the 2 and 3 people mean. */
function count(text: string | undefined): number | null {
  if (!text) return null;
  const lower = text.toLowerCase();
  if (lower === 'a couple of') return 2;
  if (lower === 'a few') return 3;
  const n = parseCount(lower);
  return n === null ? null : Math.min(n, MAX_ITEMS);
}

const BULLETS = new RegExp(
  String.raw`[,:]?\s*\b(?:in|as|using|with)\s+(?:${NUMBER}\s+)?(?:short\s+)?(?:bullet[- ]points?|bullets|points)\b`,
  'i',
);
const SENTENCES = new RegExp(String.raw`[,:]?\s*\bin\s+(?:a|${NUMBER})\s+sentences?\b`, 'i');

interface Reading {
  ask: Ask;
  /** The prompt with the instruction words taken out: what the answer is about. */
  body: string;
}

type Step = (reading: Reading) => void;

/** "in one paragraph", "in 3 bullet points", "in 100 words", "briefly": the length asked for. */
const length: Step = (reading) => {
  const { ask } = reading;
  const take = (pattern: RegExp): RegExpExecArray | null => {
    const match = pattern.exec(reading.body);
    if (match) reading.body = reading.body.replace(pattern, ' ').replace(/\s+/g, ' ').trim();
    return match;
  };
  const bullets = take(BULLETS);

  if (bullets) {
    ask.shape = 'bullets';
    ask.count = count(bullets[1]);
  }
  const words = take(
    /[,:]?\s*\b(?:in|using|with)\s+(?:under|less than|fewer than|no more than|about|around|roughly|at most|max)?\s*(\d{2,4})\s+words(?:\s+or less)?\b/i,
  );
  if (words?.[1]) {
    ask.words = Number(words[1]);
    ask.shape ??= 'paragraph';
  }
  if (take(/[,:]?\s*\b(?:in|as)\s+(?:one|a|1|a single)\s+(?:short\s+)?paragraph\b/i)) ask.shape = 'paragraph';
  if (
    take(/^(?:write|give me|give)\s+(?:me\s+)?(?:a|one|a single)\s+(?:short\s+)?paragraph\s+(?:about|on)\b/i)
  )
    ask.shape = 'paragraph';
  const sentences = take(SENTENCES);
  if (sentences) {
    ask.shape ??= 'brief';
    ask.count ??= count(sentences[1]) ?? 1;
  }
  if (
    take(
      /[,:]?\s*\b(?:briefly|in brief|in short|in a nutshell|in a few sentences|short answer|tl;?dr|quickly)\b/i,
    )
  )
    ask.shape ??= 'brief';
};

/** "summarize the french revolution", "give me a summary of stoicism". */
const summary: Step = (reading) => {
  const match =
    /^(?:(?:give me |write |can you give me )?an? (?:short |quick |brief )?(?:summary|overview|recap) of|summari[sz]e|sum up|recap)\s+(.+)$/i.exec(
      reading.body,
    );
  if (!match?.[1]) return;
  reading.ask.summary = true;
  reading.body = match[1];
};

const PIECE_WORDS: ReadonlyArray<readonly [Piece, string]> = [
  ['haiku', 'haikus?'],
  ['limerick', 'limericks?'],
  ['poem', 'poems?|sonnets?|verses?|rhymes?'],
  ['story', '(?:short |bedtime )?stor(?:y|ies)|tales?|fables?'],
  ['slogan', 'slogans?|taglines?|mottos?|catchphrases?'],
  ['email', 'e-?mails?|letters?|messages? to'],
  ['joke', 'jokes?|puns?|one-liners?'],
];

/** Each piece with the words that name it, compiled once. */
const PIECES = PIECE_WORDS.map(([piece, words]) => [piece, new RegExp(`^(?:${words})$`, 'i')] as const);

const CREATIVE = new RegExp(
  String.raw`^(?:(?:please\s+)?(?:write|compose|create|make up|make|draft|generate|give me|tell me|tell|come up with|i need|i want|need|pen)\s+)?(?:me\s+|us\s+)?(?:an?\s+|some\s+|${NUMBER}\s+)?((?:(?:short|little|funny|quick|brief|long|rhyming|cute|silly|sad|happy|romantic|formal|polite|professional|friendly|catchy|dad|simple|creative|original|kids?)\s+)*)(${PIECE_WORDS.map(([, words]) => words).join('|')})(?:\s+(about|on|for|to|regarding|titled|called|where|in which|that|featuring|with|asking))?\s*(.*)$`,
  'i',
);

/** "write a haiku about autumn", "tell me a joke about cats", "3 slogans for a bakery". */
const creative: Step = (reading) => {
  const match = CREATIVE.exec(reading.body);
  const word = match?.[3];
  if (!match || !word) return;
  const piece = PIECES.find(([, words]) => words.test(word))?.[0];
  if (!piece) return;
  reading.ask.piece = piece;
  // "a slogan" is one; "slogans" with no number leaves the count to the piece.
  reading.ask.count = count(match[1]) ?? (/s$/i.test(word) || piece === 'haiku' ? reading.ask.count : 1);
  reading.ask.short = /\b(?:short|little|quick|brief)\b/i.test(match[2] ?? '') || reading.ask.words !== null;
  // An email keeps its "to ...": who it is for is part of what it is about.
  const rest = match[5] ?? '';
  reading.body = (
    piece === 'email' && /^(?:to|for|asking)$/i.test(match[4] ?? '') ? `${match[4]} ${rest}` : rest
  ).trim();
};

const LIST_NAMES: ReadonlyArray<readonly [ListKind, string]> = [
  ['tips', 'tips|tricks|hacks|pointers|pieces of advice|suggestions'],
  ['ideas', 'ideas|things to do|activities|options'],
  ['reasons', 'reasons|arguments|benefits|advantages|pros'],
  ['ways', 'ways|steps|methods|strategies|habits'],
  ['mistakes', 'mistakes|pitfalls|errors|things to avoid'],
  ['questions', 'questions'],
];

const LIST_WORDS = LIST_NAMES.map(([, words]) => words).join('|');
const LISTS = LIST_NAMES.map(([kind, words]) => [kind, new RegExp(`^(?:${words})$`, 'i')] as const);
const ADJECTIVES = String.raw`(?:(?:some|more|good|great|quick|simple|easy|practical|fun|creative|useful|cheap|healthy|unique|interesting|key|main|common|important|smart|solid|new|different|original|top|best|budget|free|low-cost|cozy|romantic|other)\s+)*`;
const VERB = String.raw`(?:list|give me|give|share|suggest|name|write|write down|provide|tell me|come up with|brainstorm|what are(?: some)?|i need|need|offer|show me)`;

const LEAD = new RegExp(
  String.raw`^(${VERB}\s+)?(?:me\s+)?(?:${NUMBER}\s+)?${ADJECTIVES}(${LIST_WORDS})\s+(for|to|on|about|of|why|when|in|that|you should|you can|i can|we can|against)\s+(.+)$`,
  'i',
);
const TRAIL = new RegExp(
  String.raw`^(${VERB}\s+)?(?:me\s+)?(?:${NUMBER}\s+)?(?:(?:some|more|good|great|other)\s+)?((.+?)\s+(${LIST_WORDS}))(?:\s+((?:for|to|on|about|in)\s+.+))?$`,
  'i',
);

/** "list 7 tips for learning spanish", "give me 6 ideas for a rainy day", "5 healthy breakfast ideas". */
const list: Step = (reading) => {
  const lead = LEAD.exec(reading.body);
  const trail = TRAIL.exec(reading.body);
  const found = lead
    ? {
        verb: lead[1],
        n: lead[2],
        word: lead[3],
        noun: lead[3],
        about: `${lead[4]} ${lead[5]}`,
        body: lead[5],
      }
    : trail
      ? { verb: trail[1], n: trail[2], word: trail[5], noun: trail[3], about: trail[6] ?? '', body: trail[4] }
      : null;
  if (!found?.word || !found.body || !found.noun || /^(?:the\s+)?(?:best|top)\b/i.test(found.noun)) return;
  if (!found.verb && !found.n && !/^(?:ideas|reasons|mistakes|questions)$/i.test(found.word)) return;
  const { ask } = reading;
  ask.list = LISTS.find(([, words]) => words.test(found.word ?? ''))?.[0] ?? 'tips';
  ask.count = count(found.n) ?? ask.count;
  ask.noun = found.noun.toLowerCase();
  ask.about = found.about;
  reading.body = found.body.trim();
};

const EMPTY: Ask = {
  piece: null,
  list: null,
  count: null,
  shape: null,
  words: null,
  summary: false,
  short: false,
  noun: '',
  about: '',
};

/**
 * Reads the form a prompt asks for and takes its instruction words out, leaving what the answer
 * is about: "list 7 tips for learning spanish" → a list of 7 tips, about "learning spanish".
 */
export function readAsk(body: string): Reading {
  const reading: Reading = { ask: { ...EMPTY }, body };
  for (const step of [length, summary, creative]) step(reading);
  if (!reading.ask.piece) list(reading);
  return reading;
}

/** Whether the prompt asks for a particular form, so the intent's usual layout gives way to it. */
export function shaped(ask: Ask): boolean {
  return ask.piece !== null || ask.list !== null || ask.shape !== null || ask.summary;
}
