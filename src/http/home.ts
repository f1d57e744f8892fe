import type { FastifyInstance } from 'fastify';
import { escapeHtml } from '../core/massive/generate/escape.ts';

export interface HomeFacts {
  version: string;
  seed: number;
  /** The revision a call gets unless it picks one. */
  revision: string;
}

/**
 * The one line the CLI prints on stdout once it listens, whatever the log level: where it is, its
 * docs, the revision it speaks and the state it starts from.
 */
export function startupLine(url: string, facts: HomeFacts & { database: string }): string {
  return (
    `massive-mock ${facts.version} listening at ${url} ` +
    `(docs ${url}/docs, revision ${facts.revision}, seed ${facts.seed}, database ${facts.database})`
  );
}

function homePage(origin: string, facts: HomeFacts): string {
  const example = `curl -H 'Authorization: Bearer dev-token' '${origin}/ai?prompt=best+basketball+shoes+for+2026'`;
  return `<!DOCTYPE html>
<html lang="en">
<head><meta charset="utf-8"><title>massive-mock</title></head>
<body>
<h1>massive-mock ${escapeHtml(facts.version)}</h1>
<p>A local emulator of the Massive AI API (revision ${escapeHtml(facts.revision)} unless a call picks another with <code>X-Mock-Revision</code>, seed ${facts.seed}) and an OpenAI-compatible LLM router API under <code>/api/v1</code>. Any non-empty bearer token is accepted unless <code>--tokens</code> says otherwise.</p>
<pre>${escapeHtml(example)}</pre>
<ul>
<li><a href="/docs">/docs</a>: the API's documents, with "Try it out" (<a href="/openapi.json">/openapi.json</a>)</li>
<li>The admin API, under <code>/__admin</code>: faults, clock, jobs, accounts, journal, reset (<a href="/openapi-admin.json">/openapi-admin.json</a>, <a href="/__admin/health">/__admin/health</a>)</li>
<li>The README (README.md in the package): "Quick start", "Control: make it fail, slow down, expire, run out", "Configuration"; <code>massive-mock --help</code> lists every setting</li>
</ul>
</body>
</html>
`;
}

/** `GET /`: a page for whoever opens the emulator's URL in a browser, pointing to what is there. */
export function registerHome(app: FastifyInstance, facts: HomeFacts): void {
  app.get('/', { logLevel: 'warn' }, (request, reply) =>
    reply.type('text/html; charset=utf-8').send(homePage(`${request.protocol}://${request.host}`, facts)),
  );
}
