import type { FastifyInstance } from 'fastify';
import type { OpenApiDocument } from './openapi-document.ts';

const pointAtThisServer = (document: OpenApiDocument) => ({
  ...document,
  servers: [{ url: '/', description: 'this massive-mock' }],
});

interface Parameter {
  required?: boolean;
  description?: string;
  example?: unknown;
  examples?: unknown;
  schema?: Record<string, unknown>;
}

/**
 * The copy of a document the docs UI loads. Swagger UI fills "Try it out" with each parameter's
 * example or default, so the first try would set every optional parameter; here optional
 * parameters have neither (a default moves into the description), and the first try is the
 * default request. Required ones keep their example: it is what makes the first try valid.
 */
export function withoutPrefill(document: OpenApiDocument): OpenApiDocument {
  const copy = structuredClone(pointAtThisServer(document));
  const schemas = copy.components.schemas ?? {};
  const resolve = (schema: Record<string, unknown> | undefined) => {
    const ref =
      typeof schema?.$ref === 'string' ? /^#\/components\/schemas\/(.+)$/.exec(schema.$ref)?.[1] : undefined;
    return ref ? (structuredClone(schemas[ref]) as Record<string, unknown>) : schema;
  };
  for (const item of Object.values(copy.paths)) {
    const operations = Object.entries(item).map(([key, value]) =>
      key === 'parameters' ? { parameters: value } : value,
    );
    for (const operation of operations as { parameters?: Parameter[] }[]) {
      for (const parameter of operation.parameters ?? []) {
        if (parameter.required) continue;
        const schema = resolve(parameter.schema);
        const fallback = schema?.default;
        delete parameter.example;
        delete parameter.examples;
        if (schema) {
          delete schema.default;
          delete schema.example;
          delete schema.examples;
          parameter.schema = schema;
        }
        if (fallback !== undefined) {
          const text = parameter.description?.trim() ?? '';
          parameter.description = `${text}${text ? ' ' : ''}Default: \`${JSON.stringify(fallback)}\`.`;
        }
      }
    }
  }
  return copy;
}

/** Builds the docs site: @fastify/swagger over the API's document, and its UI for both documents. */
async function buildDocsSite(api: OpenApiDocument, admin: OpenApiDocument): Promise<FastifyInstance> {
  const [{ default: Fastify }, { default: swagger }, { default: swaggerUi }] = await Promise.all([
    import('fastify'),
    import('@fastify/swagger'),
    import('@fastify/swagger-ui'),
  ]);
  const site = Fastify();
  await site.register(swagger, {
    mode: 'static',
    specification: { document: pointAtThisServer(api) as never },
  });
  await site.register(swaggerUi, {
    routePrefix: '/docs',
    uiConfig: {
      urls: [
        { url: '/docs/ui/openapi.json', name: 'Massive AI API (emulated)' },
        { url: '/docs/ui/openapi-admin.json', name: 'massive-mock admin' },
      ],
    },
  });
  site.get('/openapi.json', () => site.swagger());
  const publishedAdmin = pointAtThisServer(admin);
  site.get('/openapi-admin.json', () => publishedAdmin);
  const forUi = { api: withoutPrefill(api), admin: withoutPrefill(admin) };
  site.get('/docs/ui/openapi.json', () => forUi.api);
  site.get('/docs/ui/openapi-admin.json', () => forUi.admin);
  await site.ready();
  return site;
}

/**
 * Publishes the emulated API's document at /openapi.json, the admin API's at /openapi-admin.json,
 * and a docs UI for both at /docs (assets served from the package: no network needed). Servers
 * point at this emulator, so "Try it out" calls it; the UI reads copies without pre-filled optional
 * parameters (withoutPrefill). The site is built on the first visit, in an
 * app of its own: registering swagger and its UI would add about 60 ms to every start, which a
 * test suite pays and rarely uses.
 */
export function registerDocs(app: FastifyInstance, api: OpenApiDocument, admin: OpenApiDocument): void {
  let site: Promise<FastifyInstance> | undefined;
  app.addHook('onClose', async () => {
    if (site) await (await site).close();
  });
  for (const url of ['/docs', '/docs/*', '/openapi.json', '/openapi-admin.json']) {
    app.route({
      method: ['GET', 'HEAD'],
      url,
      exposeHeadRoute: false,
      logLevel: 'warn',
      handler: async (request, reply) => {
        site ??= buildDocsSite(api, admin);
        const answer = await (
          await site
        ).inject({
          method: request.method as 'GET' | 'HEAD',
          url: request.url,
          headers: request.headers,
        });
        const {
          'content-length': length,
          'transfer-encoding': encoding,
          connection,
          ...headers
        } = answer.headers;
        return reply.code(answer.statusCode).headers(headers).send(answer.rawPayload);
      },
    });
  }
}
