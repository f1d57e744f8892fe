import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { FastifyInstance } from 'fastify';
import type { OpenApiDocument } from './openapi-document.ts';

/**
 * Publishes the documents at /openapi.json and a docs UI at /docs (assets served from the
 * package: no network needed). Servers point at this emulator, so "Try it out" calls it.
 */
export async function registerDocs(app: FastifyInstance, document: OpenApiDocument): Promise<void> {
  const published = { ...document, servers: [{ url: '/', description: 'this massive-mock' }] };
  await app.register(swagger, { mode: 'static', specification: { document: published as never } });
  await app.register(swaggerUi, { routePrefix: '/docs', logLevel: 'warn' });
  app.get('/openapi.json', { logLevel: 'warn' }, () => app.swagger());
}
