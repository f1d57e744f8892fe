import { createRng, deriveSeed } from '../../kernel/random.ts';
import { escapeHtml as esc } from '../generate/escape.ts';
import { answerLanguage } from '../generate/locale.ts';
import { slugify } from '../generate/sources.ts';
import type { SearchInputs } from '../web/request.ts';
import { fill, SERP_LABELS, type SerpLabels } from './labels.ts';
import { pageWeight } from './weight.ts';

/** Google's page size when `size` is unset (or 0). */
const DEFAULT_SIZE = 10;

/** Site names results come from; hosts are `.example` (RFC 2606), so no link reaches a real site. */
const SITES = [
  'fieldguide',
  'openreference',
  'howtoharbor',
  'thereviewdesk',
  'learnly',
  'metrochronicle',
  'techalmanac',
  'consumercompass',
  'everydayexplainer',
  'dailyledger',
  'signalnoise',
  'wikinotes',
  'forumhub',
  'gearlab',
  'citypages',
  'answersdaily',
  'brightguides',
  'northstarnews',
  'papertrail',
  'quickstudy',
];

interface Organic {
  url: string;
  title: string;
  snippet: string;
  site: string;
}

interface Context {
  inputs: SearchInputs;
  labels: SerpLabels;
  seed: number;
  mobile: boolean;
  /** A country's results come from its own sites: `gearlab.de.example`. */
  countryPart: string;
}

function organicAt(context: Context, position: number): Organic {
  const { inputs, labels, seed, countryPart } = context;
  const rng = createRng(deriveSeed(seed, 'organic', position));
  const site = rng.pick(SITES);
  const host = `${rng.chance(0.3) ? 'www.' : ''}${site}${countryPart}.example`;
  const slug = slugify(inputs.terms) || 'results';
  const url = `https://${host}/${rng.pick(['', 'guides/', 'articles/', 'blog/', 'wiki/'])}${slug}${rng.chance(0.4) ? `-${position + 1}` : ''}`;
  const name = site.charAt(0).toUpperCase() + site.slice(1);
  return {
    url,
    site: name,
    title: fill(rng.pick(labels.titles), inputs.terms, name),
    snippet: fill(rng.pick(labels.snippets), inputs.terms, name),
  };
}

function organicHtml(result: Organic, mobile: boolean): string {
  const cite = esc(result.url.replace(/^https:\/\//, '').replaceAll('/', ' › '));
  return (
    `<div class="MjjYud"><div class="g${mobile ? ' Ww4FFb' : ''}" data-hveid="CA"><div class="yuRUbf"><div><span>` +
    `<a jsname="UWckNb" href="${esc(result.url)}" data-ved="0ah"><br><h3 class="LC20lb MBeuO DKV0Md">${esc(result.title)}</h3>` +
    `<div class="notranslate"><span class="VuuXrf">${esc(result.site)}</span><cite class="qLRx3b">${cite}</cite></div></a>` +
    `</span></div></div><div class="kb0PBd"><div class="VwiC3b yXK7lf p4wth r025kc hJNv6b">` +
    `<span>${esc(result.snippet)}</span></div></div></div></div>`
  );
}

/** The AI overview, or Google's stub saying there is none (so no People-also-ask answer passes for one). */
function overviewHtml(context: Context, sources: readonly Organic[]): string {
  const { inputs, labels, seed } = context;
  if (!inputs.awaiting.includes('ai'))
    return `<div id="m-x-content"><div class="pOOWX"><div class="hdzaWe">${esc(labels.noOverview)}</div></div></div>`;
  const rng = createRng(deriveSeed(seed, 'overview'));
  const sentences = rng
    .sample(labels.overviewText, labels.overviewText.length)
    .map((line) => fill(line, inputs.terms));
  const links = sources
    .slice(0, 4)
    .map((source, index) =>
      index % 2
        ? `<a href="/url?sa=t&amp;url=${encodeURIComponent(source.url)}">${esc(source.site)}</a>`
        : `<a href="${esc(source.url)}">${esc(source.site)}</a>`,
    )
    .join(' ');
  return (
    `<div id="m-x-content"><div class="pOOWX" data-attrid="SrpGenSumSummary"><div class="Fzsovc">${esc(labels.overview)}</div>` +
    `<div class="LT6XE">${sentences.map((line) => `<span>${esc(line)} </span>`).join('')}</div>` +
    `<div class="BOThhc" style="display:none">loading</div><div class="IVvPP">${links}</div>` +
    `<div class="ZtIIie">AI can make mistakes, so double-check responses</div></div></div>`
  );
}

function questionsHtml(context: Context): string {
  const { inputs, labels, seed } = context;
  const rng = createRng(deriveSeed(seed, 'questions'));
  const answered = inputs.awaiting.includes('answers');
  const pairs = rng.sample(labels.questions, 4).map((template, index) => {
    const question = fill(template, inputs.terms);
    const answer = answered
      ? `<div class="bCOlv"><span class="pOOWX">${esc(fill(labels.answers[index % labels.answers.length] ?? '', inputs.terms))}</span></div>`
      : '';
    return (
      `<div class="related-question-pair" data-q="${esc(question)}" data-lk="${index}">` +
      `<div role="button" aria-expanded="false"><span>${esc(question)}</span></div>${answer}</div>`
    );
  });
  return `<div class="MjjYud"><div class="cUnQKe"><div role="heading" aria-level="2">${esc(labels.askedAlso)}</div>${pairs.join('')}</div></div>`;
}

function adsHtml(context: Context, id: 'tads' | 'bottomads', count: number): string {
  const { inputs, labels, seed } = context;
  if (!inputs.awaiting.includes('ads')) return `<div id="${id}"></div>`;
  const rng = createRng(deriveSeed(seed, id));
  const ads = Array.from({ length: count }, (_, index) => {
    const site = rng.pick(SITES);
    return (
      `<div data-text-ad="${index + 1}"><span class="U3A9Ac">${esc(labels.sponsored)}</span>` +
      `<a href="https://shop.${site}.example/${slugify(inputs.terms)}"><div role="heading" aria-level="3">` +
      `${esc(fill(rng.pick(labels.ads), inputs.terms))}</div></a></div>`
    );
  });
  return `<div id="${id}">${ads.join('')}</div>`;
}

function page(context: Context, results: readonly Organic[], first: boolean, number: number): string {
  const { inputs, labels, mobile } = context;
  const lang = inputs.locale.display ?? inputs.locale.language ?? 'en';
  const rso = results.map((result) => organicHtml(result, mobile));
  // The question pairs sit after the first results, as Google lays them out.
  if (first) rso.splice(Math.min(2, rso.length), 0, questionsHtml(context));
  const body =
    `<div id="main"><div id="rcnt">${adsHtml(context, 'tads', first ? 2 : 1)}` +
    `${first ? overviewHtml(context, results) : ''}` +
    `<div id="search"><div id="rso">${rso.join('')}</div></div>` +
    `${adsHtml(context, 'bottomads', 1)}<div role="navigation"><a id="pnnext" href="/search?q=${encodeURIComponent(inputs.terms)}&amp;start=${(number + 1) * results.length}">${esc(labels.next)}</a></div></div></div>`;
  return (
    `<!DOCTYPE html><html lang="${esc(lang.toLowerCase())}"><head><meta charset="UTF-8">` +
    `<meta name="viewport" content="${mobile ? 'width=device-width,initial-scale=1' : 'width=1280'}">` +
    `<title>${esc(inputs.terms)} - ${esc(labels.title)}</title>${pageWeight(context.seed, number, mobile)}</head>` +
    `<body class="${mobile ? 'mobile' : 'srp'}">${body}</body></html>`
  );
}

/**
 * `GET /search`: the HTML of Google results pages for the inputs, the same for the same seed.
 * Several pages (`serps`) are whole documents joined by an empty line, except on a device (a
 * phone or tablet scrolls forever: one document). The overview and the questions are on page 1.
 */
export function renderSerp(inputs: SearchInputs, seed: number): string {
  const context: Context = {
    inputs,
    labels: SERP_LABELS[answerLanguage(inputs.locale)],
    seed,
    mobile: inputs.locale.device !== null,
    countryPart:
      inputs.locale.country && inputs.locale.country !== 'US'
        ? `.${inputs.locale.country.toLowerCase()}`
        : '',
  };
  const size = inputs.size || DEFAULT_SIZE;
  const resultsOf = (from: number, count: number) =>
    Array.from({ length: count }, (_, index) => organicAt(context, from + index));
  if (context.mobile) return page(context, resultsOf(inputs.offset, size * inputs.serps), true, 0);
  return Array.from({ length: inputs.serps }, (_, number) =>
    page(context, resultsOf(inputs.offset + number * size, size), number === 0, number),
  ).join('\n\n');
}
