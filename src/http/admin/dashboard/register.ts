import { readFileSync } from 'node:fs';
import type { FastifyInstance } from 'fastify';

/** The package's dashboard/ folder: the same three levels up from src/http/admin/dashboard and dist's. */
const FOLDER = new URL('../../../../dashboard/', import.meta.url);

/** The dashboard's files, by the name a page asks for, with their types. Nothing else is served. */
const FILES: Record<string, string> = {
  'index.html': 'text/html; charset=utf-8',
  'app.js': 'text/javascript; charset=utf-8',
  'style.css': 'text/css; charset=utf-8',
};

/**
 * The dashboard: `/` is its page, `/__dashboard/<file>` its script and style, read from the package
 * once, on first use (a test suite that never opens it pays nothing). The page reads the admin API
 * only. Its requests are logged at warn, so polling never fills the log, and they stay out of the
 * journal and coverage, which hold the emulated APIs' traffic.
 */
export function registerDashboard(app: FastifyInstance): void {
  const read = new Map<string, Buffer>();
  const file = (name: string) => {
    let content = read.get(name);
    if (!content) {
      content = readFileSync(new URL(name, FOLDER));
      read.set(name, content);
    }
    return content;
  };
  const quiet = { logLevel: 'warn' as const };
  app.get('/', quiet, (_request, reply) =>
    reply
      .type(FILES['index.html'] as string)
      .header('cache-control', 'no-cache')
      .send(file('index.html')),
  );
  app.get<{ Params: { file: string } }>('/__dashboard/:file', quiet, (request, reply) => {
    const type = Object.hasOwn(FILES, request.params.file) ? FILES[request.params.file] : undefined;
    if (!type || request.params.file === 'index.html')
      return reply
        .code(404)
        .type('text/plain; charset=utf-8')
        .send(`The dashboard has no file "${request.params.file}"`);
    return reply.type(type).header('cache-control', 'no-cache').send(file(request.params.file));
  });
}
