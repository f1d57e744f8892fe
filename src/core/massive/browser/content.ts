import { createRng, deriveSeed, type Rng } from '../../kernel/random.ts';
import { titleCase } from '../generate/english.ts';

/** What a page is about, from its host and path. */
export type PageKind = 'home' | 'article' | 'product' | 'docs' | 'search' | 'example';

export type Block =
  | { type: 'heading'; level: 1 | 2 | 3; text: string }
  | { type: 'paragraph'; text: string }
  | { type: 'list'; items: readonly string[] }
  | { type: 'links'; links: readonly { text: string; href: string }[] }
  | { type: 'code'; text: string };

/** A page's main content, which every format shows; `late` blocks appear only once the page has loaded. */
export interface PageContent {
  kind: PageKind;
  title: string;
  blocks: readonly Block[];
  late: readonly Block[];
}

export function pageKind(url: URL): PageKind {
  const host = url.hostname.replace(/^www\./, '');
  const path = url.pathname.toLowerCase();
  if ((host === 'example.com' || host === 'example.org' || host === 'example.net') && path === '/')
    return 'example';
  if (
    host.startsWith('docs.') ||
    host.startsWith('developer.') ||
    /^\/(docs|api|reference|manual)\b/.test(path)
  )
    return 'docs';
  if (/^\/(search|results)\b/.test(path) || url.searchParams.has('q')) return 'search';
  if (/^\/(product|products|shop|item|p|dp)\b/.test(path)) return 'product';
  if (path === '/' || path === '') return 'home';
  return 'article';
}

/** The words of the URL (its last path segment, or its host's name): what the page is about. */
function subjectOf(url: URL): string {
  const segments = url.pathname.split('/').filter(Boolean);
  const last = decodeURIComponent(segments.at(-1) ?? '').replace(/\.[a-z0-9]+$/i, '');
  const words = (url.searchParams.get('q') ?? last)
    .replace(/[-_+]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  if (words && /\p{L}/u.test(words)) return words.toLowerCase();
  return url.hostname.replace(/^www\./, '').split('.')[0] ?? 'home';
}

/** The page the real example.com serves, word for word. */
const EXAMPLE: PageContent = {
  kind: 'example',
  title: 'Example Domain',
  blocks: [
    { type: 'heading', level: 1, text: 'Example Domain' },
    {
      type: 'paragraph',
      text: 'This domain is for use in illustrative examples in documents. You may use this domain in literature without prior coordination or asking for permission.',
    },
    { type: 'links', links: [{ text: 'More information...', href: 'https://www.iana.org/domains/example' }] },
  ],
  late: [],
};

const sentence = (rng: Rng, subject: string): string =>
  rng.pick([
    `This page covers ${subject} in detail, with examples and the questions readers ask most.`,
    `Our team has tested ${subject} for months; here is what we learned, good and bad.`,
    `If you are new to ${subject}, start with the basics below, then read the advanced notes.`,
    `${titleCase(subject)} has changed a lot recently, and this guide is kept up to date.`,
    `Prices, availability and details about ${subject} are checked every week.`,
  ]);

const paragraphs = (rng: Rng, subject: string, count: number): Block[] =>
  Array.from({ length: count }, () => ({
    type: 'paragraph' as const,
    text: Array.from({ length: rng.int(2, 4) }, () => sentence(rng, subject)).join(' '),
  }));

function linksOf(url: URL, rng: Rng, subject: string, count: number) {
  return Array.from({ length: count }, (_, index) => {
    const slug = `${subject.replace(/\s+/g, '-')}-${rng.pick(['guide', 'review', 'faq', 'news', 'tips'])}-${index + 1}`;
    return { text: titleCase(slug.replace(/-/g, ' ')), href: new URL(`/${slug}`, url.origin).href };
  });
}

function blocksOf(kind: PageKind, url: URL, rng: Rng, subject: string): Block[] {
  const title = titleCase(subject);
  switch (kind) {
    case 'product':
      return [
        { type: 'heading', level: 1, text: title },
        {
          type: 'paragraph',
          text: `Price: $${rng.int(9, 499)}.${rng.pick(['00', '49', '99'])} · In stock · Free returns`,
        },
        {
          type: 'list',
          items: [
            `Rated ${rng.int(35, 50) / 10} out of 5`,
            `${rng.int(12, 4800)} reviews`,
            'Ships in 2-3 days',
          ],
        },
        { type: 'heading', level: 2, text: 'Description' },
        ...paragraphs(rng, subject, 2),
      ];
    case 'docs':
      return [
        { type: 'heading', level: 1, text: `${title} reference` },
        ...paragraphs(rng, subject, 1),
        { type: 'heading', level: 2, text: 'Usage' },
        { type: 'code', text: `${subject.replace(/\s+/g, '_')}(options)` },
        { type: 'heading', level: 2, text: 'Parameters' },
        { type: 'list', items: ['`name` (string): what to act on', '`options` (object): how to act'] },
      ];
    case 'search':
      return [
        { type: 'heading', level: 1, text: `Results for "${subject}"` },
        { type: 'links', links: linksOf(url, rng, subject, 6) },
      ];
    case 'home':
      return [
        { type: 'heading', level: 1, text: `Welcome to ${title}` },
        ...paragraphs(rng, subject, 1),
        { type: 'heading', level: 2, text: 'Popular' },
        { type: 'links', links: linksOf(url, rng, subject, 4) },
      ];
    default:
      return [
        { type: 'heading', level: 1, text: title },
        ...paragraphs(rng, subject, 2),
        { type: 'heading', level: 2, text: `What to know about ${subject}` },
        ...paragraphs(rng, subject, 2),
      ];
  }
}

/** A page's content from its URL and the seed: no network, the same URL and seed give the same page. */
export function pageContent(url: URL, seed: number): PageContent {
  const kind = pageKind(url);
  if (kind === 'example') return EXAMPLE;
  const rng = createRng(deriveSeed(seed, 'page', url.href));
  const subject = subjectOf(url);
  const blocks = blocksOf(kind, url, rng, subject);
  return {
    kind,
    title: (blocks[0] as { text?: string } | undefined)?.text ?? titleCase(subject),
    blocks,
    late: [
      { type: 'heading', level: 2, text: 'Related' },
      { type: 'links', links: linksOf(url, rng, subject, 3) },
    ],
  };
}
