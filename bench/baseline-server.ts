/**
 * The benchmark's baseline: a bare Fastify server answering fixed bytes, one route per body, with
 * nothing else to do. `node bench/baseline-server.ts <manifest.json>`, where the manifest is
 * `[{ "path": "/json", "file": "/tmp/…/json.bin", "type": "application/json; charset=utf-8" }, …]`.
 * Listens on 127.0.0.1 (port from BASELINE_PORT, else a free one) and prints `{"url": …}` on stdout.
 */
import { readFileSync } from 'node:fs';
import Fastify from 'fastify';

interface Route {
  path: string;
  file: string;
  type: string;
}

const manifest = process.argv[2];
if (!manifest) throw new Error('usage: node bench/baseline-server.ts <manifest.json>');
const routes = JSON.parse(readFileSync(manifest, 'utf8')) as Route[];

const app = Fastify({ logger: false });
for (const route of routes) {
  const body = readFileSync(route.file);
  app.get(route.path, (_request, reply) => {
    reply.type(route.type).send(body);
  });
}

const url = await app.listen({ host: '127.0.0.1', port: Number(process.env.BASELINE_PORT ?? 0) });
process.stdout.write(`${JSON.stringify({ url })}\n`);

const stop = () => {
  app.close().then(
    () => process.exit(0),
    () => process.exit(1),
  );
};
process.once('SIGTERM', stop);
process.once('SIGINT', stop);
