import { plural, thirdPerson } from './english.ts';
import { productCase } from './names.ts';

/** What kind of answer a prompt calls for; each intent has its own answer shapes. */
export type Intent = 'recommendation' | 'definition' | 'howto' | 'comparison' | 'news' | 'general';

/** Recommendation subjects that are not products ("best way to...") do not carry ads. */
export const NON_PRODUCT =
  /^(way|ways|time|times|place|places|method|methods|practice|practices|approach|strategy|strategies|age|day(?! trips?)|days|thing|things|advice|tips?)\b/i;

/** Greetings and requests around the question (can you tell me), which are not its subject. */
export const FILLER =
  /^(?:(?:hey|hi|hello|ok|okay|so|please|pls|chatgpt|gemini|copilot|perplexity)[,!]?\s+)*(?:(?:can|could|would|will) you\s+|i (?:want|need|would like|wanna) (?:to (?:know|understand|learn)(?: about)? |you to )?|(?:please\s+)?(?:tell|show|give|find|explain to) (?:me|us)\s+(?:about\s+)?|help me (?:with |understand |find )?|i(?:'m| am) (?:looking for|curious about|wondering)\s+)*/i;

/** A phrase without the quotes, brackets and punctuation around it, whitespace-collapsed. */
export function clean(phrase: string): string {
  return phrase
    .replace(/^[\s"'“”‘’«»()[\]{}:,.!?¿¡-]+|[\s"'“”‘’«»()[\]{}:,.!?¿¡-]+$/gu, '')
    .replace(/\s+/g, ' ');
}

export interface Match {
  /** A creative piece's theme: kept whole, never split or read for an intent. */
  piece?: boolean;
  intent: Intent;
  subject: string;
  options?: string[];
  article?: string;
  focus?: string;
}

const ARTICLE = /^(an?|the)\s+/i;

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

type Matcher = (body: string) => Match | null;

/** Both sides of "X or Y", as printed, without their articles. */
function sides(a: string, b: string): string[] {
  return [clean(a).replace(ARTICLE, ''), clean(b).replace(ARTICLE, '')].map(productCase);
}

const versus: Matcher = (body) => {
  if (!/\b(vs\.?|versus|compared (to|with)|difference between|compare|which is better)\b/i.test(body))
    return null;
  const match =
    /^(?:(?:which is better|what(?:'s| is) the difference between|compare|comparing)[:,]?\s+)?(.+?)\s+(?:vs\.?|versus|compared (?:to|with)|or|and)\s+(.+?)$/i.exec(
      body,
    );
  if (!match?.[1] || !match[2]) return null;
  const options = sides(match[1], match[2].replace(/\s*(?:for|in)\b.*$/i, '') || match[2]);
  return { intent: 'comparison', subject: `${options[0]} vs ${options[1]}`, options };
};

/** "things to do in barcelona": a guide to the place's options; "what to pack for iceland": a how-to. */
const todo: Matcher = (body) => {
  const place =
    /^(things to do|places to (?:visit|see|eat|stay)|where to (?:eat|stay)|what to do)\s+(in|around|near)\s+(.+)$/i.exec(
      body,
    );
  if (place?.[1] && place[3])
    return { intent: 'recommendation', subject: `${clean(place[1])} ${place[2]} ${clean(place[3])}` };
  const which =
    /^(?:what|which)\s+(\p{L}+)\s+should\s+(?:i|we)\s+(?:get|buy|choose|use|pick)\b\s*(.*)$/iu.exec(body);
  if (which?.[1])
    return { intent: 'recommendation', subject: clean(`${plural(which[1])} ${which[2] ?? ''}`) };
  const whatTo = /^what to\s+(.+)$/i.exec(body);
  return whatTo?.[1] ? { intent: 'howto', subject: clean(whatTo[1]) } : null;
};

const howto: Matcher = (body) => {
  const steps =
    /^(?:how (?:to|do i|do you|can i|should i|do we|can we|does one|would i)|steps to|guide to|ways to|tips (?:for|to|on))\s+(.+)$/i.exec(
      body,
    );
  if (steps?.[1]) return { intent: 'howto', subject: clean(steps[1]) };
  const tips = /^(.+?)\s+(?:tips|tricks|advice|hacks|guide)$/i.exec(body);
  if (tips?.[1] && tips[1].split(' ').length <= 6) return { intent: 'howto', subject: clean(tips[1]) };
  const explained = explanation(body);
  return explained ? { intent: 'general', subject: explained[0], focus: explained[1] } : null;
};

const definition: Matcher = (body) => {
  const happening = /^what(?:'s| is) (?:happening|going on|new) (?:with|in|at|on) (?:the )?(.+)$/i.exec(body);
  if (happening?.[1])
    return {
      intent: 'news',
      subject: clean(happening[1].replace(/\s+(?:today|this week|right now|now|lately|currently)$/i, '')),
    };
  const stands = /^what (?:does|do) (.+?) (?:stand for|mean)$/i.exec(body);
  if (stands?.[1]) return { intent: 'definition', subject: clean(stands[1]) };
  const match =
    /^(?:(?:what|who)(?:'s|’s| is| are| was| were)\s+(?:(an?|the)\s+)?|define\s+|definition of\s+|meaning of\s+|explain\s+|describe\s+|tell me about\s+|talk about\s+|write about\s+)(.+)$/i.exec(
      body,
    ) ?? /^()(.+?)\s+(?:meaning|definition|explained)$/i.exec(body);
  if (!match?.[2] || /^(the )?(best|top)\b/i.test(match[2])) return null;
  return {
    intent: 'definition',
    subject: clean(match[2].replace(/\s+(?:mean|means|stand for)$/i, '')),
    article: (match[1] ?? '').toLowerCase(),
  };
};

const recommendation: Matcher = (body) => {
  const match =
    /^(?:(?:what|which)(?:'s| is| are)? (?:the )?|recommend(?: me)?(?: an?| some| the)?\s+|suggest(?: an?| some)?\s+)?(?:(?:\d+|three|four|five|six|seven|eight|nine|ten)\s+)?(?:best|top(?: \d+)?|greatest|recommended|good|great|cheapest|most (?:popular|comfortable|reliable|affordable))\s+(.+)$/i.exec(
      body,
    ) ??
    /^(?:recommend|suggest)(?: me)?(?: an?| some| the)?\s+(?:(?:\d+|two|three|four|five|six|seven|eight|nine|ten)\s+)?(.+)$/i.exec(
      body,
    );
  if (!match?.[1]) return null;
  const way = /^(?:ways?|methods?|approach(?:es)?)\s+(?:to|of)\s+(.+)$/i.exec(match[1]);
  if (way?.[1]) return { intent: 'howto', subject: clean(way[1]) };
  if (NON_PRODUCT.test(match[1])) return { intent: 'general', subject: body };
  // "cheapest flights to tokyo": fares are found, not picked; the answer is how to find them.
  if (/^(?:flights?|airfares?|fares?|train tickets?)\b/i.test(match[1]))
    return { intent: 'general', subject: clean(`cheap ${match[1]}`) };
  return { intent: 'recommendation', subject: clean(match[1]) };
};

const news: Matcher = (body) => {
  if (
    !/\b(latest|today|tonight|this week|news|weather|forecast|current(ly)?|right now|yesterday|score|scores|update|updates|202[5-9])\b/i.test(
      body,
    )
  )
    return null;
  const subject = body
    .replace(/^(?:what(?:'s| is| are)|is there|are there|any)\s+(?:the\s+)?/i, '')
    .replace(/\b(?:latest|current|today(?:'s)?|tonight|right now|this week|breaking)\b/gi, '')
    .replace(/^\s*(?:news|updates?|headlines)\s+(?:on|about|for|from|regarding)\s+(?:the\s+)?/i, '')
    .replace(/\s+(?:news|updates?|headlines)\s*(?=$|\s+(?:today|this week|now))/i, '')
    .replace(/\s+(?:today|this week|this weekend|now|right now)$/i, '');
  return { intent: 'news', subject: clean(subject) || body };
};

const either: Matcher = (body) => {
  const match = /^(?:should i (?:get|buy|use|choose|learn)\s+)?(.+?)\s+or\s+(.+?)\??$/i.exec(body);
  if (!match?.[1] || !match[2] || body.split(' ').length > 10) return null;
  const options = sides(match[1], match[2]);
  return { intent: 'comparison', subject: `${options[0]} vs ${options[1]}`, options };
};

/** "fun activities for toddlers", "indoor date ideas": things to do, recommended like places. */
const outings: Matcher = (body) => {
  const match =
    /^((?:(?:fun|good|great|cheap|free|easy|indoor|outdoor|family|kid-friendly|romantic|relaxing|rainy day)\s+)*(?:activities|things to do|hobbies|day trips|date ideas|outings|excursions)\b.*)$/i.exec(
      body,
    );
  return match?.[1] ? { intent: 'recommendation', subject: clean(match[1]) } : null;
};

/** Tried in order: the first that recognises the prompt's wording decides its intent. */
const MATCHERS: readonly Matcher[] = [versus, todo, howto, definition, recommendation, outings, news, either];

/** The intent and subject of a prompt's first clause, with greetings and requests taken off. */
export function matchIntent(body: string): Match {
  for (const matcher of MATCHERS) {
    const match = matcher(body);
    if (match) return match;
  }
  return { intent: 'general', subject: body.replace(/^(?:about|is|are|does|do|can|why|when|where)\s+/i, '') };
}
