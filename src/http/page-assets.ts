import type { FastifyInstance } from 'fastify';

/** The emulator's icon: a tab opened on it, and a rendered page's own favicon link, show this. */
export const ICON_SVG =
  '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><rect width="32" height="32" rx="7" fill="#1f5f8b"/>' +
  '<path d="M7 23V9h3.2l5.8 8 5.8-8H25v14h-3.2v-8.6L16 22l-5.8-7.6V23z" fill="#fff"/></svg>';

/** A site icon in a rendered page's source cards (the favicon service's path): a grey dot. */
const SITE_ICON_SVG =
  '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 16 16"><circle cx="8" cy="8" r="7" fill="#c8ccd2"/></svg>';

/** A transparent 1×1 PNG, for the image paths a rendered page names with `.png`. */
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=',
  'base64',
);

/**
 * The folders a rendered page (`format=rendered|raw`) loads its scripts, styles and images from:
 * ChatGPT's `/cdn/assets`, Perplexity's `/_next/static`, Gemini's `/_/`, Copilot's `/static/cmc`.
 * See src/core/massive/generate/models/.
 */
const ASSET_FOLDERS = ['/cdn/*', '/_next/*', '/_/*', '/static/*'];

/** An empty asset of the type its path says: a browser loads it without an error, and runs nothing. */
function emptyAsset(path: string): { type: string; body: string | Buffer } {
  if (/\.m?js$/.test(path) || path.includes('/js/'))
    return { type: 'text/javascript; charset=utf-8', body: '' };
  if (path.endsWith('.css') || path.includes('/ss/')) return { type: 'text/css; charset=utf-8', body: '' };
  if (path.endsWith('.svg'))
    return { type: 'image/svg+xml', body: '<svg xmlns="http://www.w3.org/2000/svg"/>' };
  if (path.endsWith('.png')) return { type: 'image/png', body: PNG };
  return { type: 'application/octet-stream', body: '' };
}

/**
 * Quiet pages: what a rendered page or the dashboard makes a browser fetch is answered here, out of
 * the emulated API, so it fails nothing and never reaches the journal, coverage or the default log.
 */
export function registerPageAssets(app: FastifyInstance): void {
  const quiet = { logLevel: 'warn' as const };
  const cached = 'public, max-age=86400, immutable';
  app.get('/favicon.ico', quiet, (_request, reply) =>
    reply.type('image/svg+xml').header('cache-control', cached).send(ICON_SVG),
  );
  app.get('/s2/favicons', quiet, (_request, reply) =>
    reply.type('image/svg+xml').header('cache-control', cached).send(SITE_ICON_SVG),
  );
  app.get('/manifest.json', quiet, (_request, reply) =>
    reply.type('application/manifest+json').header('cache-control', cached).send('{}'),
  );
  for (const url of ASSET_FOLDERS) {
    app.get(url, quiet, (request, reply) => {
      const { type, body } = emptyAsset(request.url.split('?', 1)[0] ?? '');
      return reply.type(type).header('cache-control', cached).send(body);
    });
  }
}
