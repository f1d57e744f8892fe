import type { FastifyInstance } from 'fastify';
import { REVISIONS, type Revision } from '../core/massive/revisions/index.ts';
import { loadApiDocument, type OpenApiDocument } from './openapi-document.ts';
import { ICON_SVG } from './page-assets.ts';

const pointAtThisServer = (document: OpenApiDocument, url = '/') => ({
  ...document,
  servers: [{ url, description: 'this massive-mock' }],
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
export function withoutPrefill(document: OpenApiDocument, url = '/'): OpenApiDocument {
  const copy = structuredClone(pointAtThisServer(document, url));
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

/** What every document in the docs UI says first: whose documents these are, and how to try them. */
const EMULATOR_NOTE =
  '**This is massive-mock, a local emulator**, not the real service: "Try it out" calls this emulator, ' +
  'and nothing leaves the machine. Click **Authorize** first: any non-empty token works (`dev-token` is ' +
  'filled in) unless the emulator was started with `--tokens`. The [dashboard](/) shows every call made.';

/**
 * The UI's copy of a document, told to a reader: the title says it is emulated, the description
 * starts with `EMULATOR_NOTE`, and a link to another of its paths (`[AI endpoint](../ai)`, which in
 * the vendor's site opened the API itself, a 401) points at that operation in these docs instead.
 */
export function forReaders(document: OpenApiDocument, url = '/', retitle = true): OpenApiDocument {
  const copy = withoutPrefill(document, url);
  const operations = new Map<string, string>();
  for (const [path, item] of Object.entries(copy.paths)) {
    for (const operation of Object.values(item) as { operationId?: string; tags?: string[] }[]) {
      if (operation?.operationId && !operations.has(path))
        operations.set(path, `#/${operation.tags?.[0] ?? 'default'}/${operation.operationId}`);
    }
  }
  const inDocs = (text: string) =>
    text.replace(/\]\((?!https?:|#|\/\))(?:\.\.\/|\.\/)*([^)\s]+)\)/g, (link, target: string) => {
      const anchor = operations.get(`/${target}`);
      return anchor ? `](${anchor})` : link;
    });
  const walk = (value: unknown): unknown => {
    if (typeof value === 'string') return inDocs(value);
    if (Array.isArray(value)) return value.map(walk);
    if (value && typeof value === 'object')
      return Object.fromEntries(Object.entries(value).map(([key, each]) => [key, walk(each)]));
    return value;
  };
  const told = walk(copy) as OpenApiDocument;
  const info = told.info as { title?: string; description?: string };
  if (retitle) info.title = `${info.title ?? 'API'} (emulated by massive-mock)`;
  info.description = `${EMULATOR_NOTE}\n\n${info.description ?? ''}`;
  return told;
}

/**
 * Fills the token in once a document is loaded. @fastify/swagger-ui writes `uiConfig` functions
 * out as source inside its initializer, where the UI is the constant `ui`: this one's body names it.
 */
const preauthorize = new Function("ui.preauthorizeApiKey('bearerAuth', 'dev-token');");

/**
 * Builds the docs site: @fastify/swagger over the default revision's document, and its UI for
 * every revision (each pointed at `/revisions/<id>`, so "Try it out" speaks that revision), the
 * router API and the admin API.
 */
async function buildDocsSite(
  revision: Revision,
  admin: OpenApiDocument,
  router: OpenApiDocument,
): Promise<FastifyInstance> {
  const [{ default: Fastify }, { default: swagger }, { default: swaggerUi }] = await Promise.all([
    import('fastify'),
    import('@fastify/swagger'),
    import('@fastify/swagger-ui'),
  ]);
  const site = Fastify();
  await site.register(swagger, {
    mode: 'static',
    specification: { document: pointAtThisServer(loadApiDocument(revision)) as never },
  });
  await site.register(swaggerUi, {
    routePrefix: '/docs',
    logo: { type: 'image/svg+xml', content: Buffer.from(ICON_SVG), href: '/', target: '_self' },
    theme: {
      title: 'massive-mock: API documents',
      favicon: [
        {
          filename: 'favicon.svg',
          rel: 'icon',
          sizes: 'any',
          type: 'image/svg+xml',
          content: Buffer.from(ICON_SVG),
        },
      ],
    },
    uiConfig: {
      persistAuthorization: true,
      onComplete: preauthorize,
      urls: [
        { url: '/docs/ui/openapi.json', name: `Massive AI API ${revision.id} (default)` },
        ...REVISIONS.map(({ id, title }) => ({
          url: `/docs/ui/openapi/${id}.json`,
          name: `Massive AI API ${id}: ${title}`,
        })),
        { url: '/docs/ui/openapi-router.json', name: 'LLM router API (emulated, /api/v1)' },
        { url: '/docs/ui/openapi-admin.json', name: 'massive-mock admin' },
      ],
      'urls.primaryName': `Massive AI API ${revision.id} (default)`,
    } as never,
  });
  site.get('/openapi.json', () => site.swagger());
  for (const each of REVISIONS) {
    const published = pointAtThisServer(loadApiDocument(each), `/revisions/${each.id}`);
    site.get(`/openapi/${each.id}.json`, () => published);
  }
  const publishedAdmin = pointAtThisServer(admin);
  site.get('/openapi-admin.json', () => publishedAdmin);
  const publishedRouter = pointAtThisServer(router);
  site.get('/openapi-router.json', () => publishedRouter);
  const forUi = {
    api: forReaders(loadApiDocument(revision)),
    router: forReaders(router, '/', false),
    admin: forReaders(admin),
  };
  site.get('/docs/ui/openapi.json', () => forUi.api);
  site.get('/docs/ui/openapi-router.json', () => forUi.router);
  site.get('/docs/ui/openapi-admin.json', () => forUi.admin);
  for (const each of REVISIONS) {
    const copy = forReaders(loadApiDocument(each), `/revisions/${each.id}`);
    site.get(`/docs/ui/openapi/${each.id}.json`, () => copy);
  }
  await site.ready();
  return site;
}

/**
 * Publishes the emulated API's document at /openapi.json (each revision's at /openapi/<id>.json),
 * the router API's at /openapi-router.json, the admin API's at /openapi-admin.json, and a docs UI
 * for them at /docs (assets served from the package: no network needed). Servers point at this
 * emulator, so "Try it out" calls it. The site is built on the first visit, in an app of its own:
 * registering swagger and its UI would add about 60 ms to every start, which a test suite pays and
 * rarely uses. The UI reads copies without pre-filled optional parameters (withoutPrefill).
 */
export function registerDocs(
  app: FastifyInstance,
  revision: Revision,
  admin: () => OpenApiDocument,
  router: () => OpenApiDocument,
): void {
  let site: Promise<FastifyInstance> | undefined;
  app.addHook('onClose', async () => {
    if (site) await (await site).close();
  });
  for (const url of [
    '/docs',
    '/docs/*',
    '/openapi.json',
    '/openapi/*',
    '/openapi-admin.json',
    '/openapi-router.json',
  ]) {
    app.route({
      method: ['GET', 'HEAD'],
      url,
      exposeHeadRoute: false,
      logLevel: 'warn',
      handler: async (request, reply) => {
        site ??= buildDocsSite(revision, admin(), router());
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
