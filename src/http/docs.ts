import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { FastifyInstance } from 'fastify';
import type { OpenApiDocument } from './openapi-document.ts';

const pointAtThisServer = (document: OpenApiDocument) => ({
  ...document,
  servers: [{ url: '/', description: 'this massive-mock' }],
});

/**
 * Publishes the emulated API's document at /openapi.json, the admin API's at /openapi-admin.json,
 * and a docs UI for both at /docs (assets served from the package: no network needed). Servers
 * point at this emulator, so "Try it out" calls it.
 */
export async function registerDocs(
  app: FastifyInstance,
  api: OpenApiDocument,
  admin: OpenApiDocument,
): Promise<void> {
  await app.register(swagger, {
    mode: 'static',
    specification: { document: pointAtThisServer(api) as never },
  });
  await app.register(swaggerUi, {
    routePrefix: '/docs',
    logLevel: 'warn',
    uiConfig: {
      urls: [
        { url: '/openapi.json', name: 'Massive AI API (emulated)' },
        { url: '/openapi-admin.json', name: 'massive-mock admin' },
      ],
    },
  });
  app.get('/openapi.json', { logLevel: 'warn' }, () => app.swagger());
  const publishedAdmin = pointAtThisServer(admin);
  app.get('/openapi-admin.json', { logLevel: 'warn' }, () => publishedAdmin);
}
