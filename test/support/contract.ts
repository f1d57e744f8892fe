import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import type { Response } from 'supertest';
import { expect } from 'vitest';
import { DEFAULT_REVISION, REVISIONS } from '../../src/core/massive/revisions/index.ts';
import { REVISION_PATH } from '../../src/http/massive/revisions.ts';
import {
  loadApiDocument,
  type OpenApiDocument,
  pathTemplateOf,
  readDocument,
} from '../../src/http/openapi-document.ts';
import { loadRouterDocument } from '../../src/http/router/document.ts';

/** Every revision's document by its id, and the admin API's. */
const documents: Record<string, OpenApiDocument> = {
  ...Object.fromEntries(REVISIONS.map((revision) => [revision.id, loadApiDocument(revision)])),
  admin: readDocument('admin.yaml'),
  router: loadRouterDocument(),
};
const ajv = new Ajv2020({ strict: false, allErrors: true });
addFormats.default(ajv);
for (const [id, document] of Object.entries(documents)) ajv.addSchema(document as object, id);

/**
 * The document and path template that describe a concrete path, if any: the admin API's, or the
 * document of the revision that answered (its `X-Mock-Revision` header).
 */
function describe(
  path: string,
  revision: string,
): { id: string; document: OpenApiDocument; template: string } | undefined {
  for (const id of ['admin', revision]) {
    const document = documents[id];
    const template = document && pathTemplateOf(document, path);
    if (document && template) return { id, document, template };
  }
  return undefined;
}

type ResponseObject = {
  $ref?: string;
  content?: Record<string, { schema?: unknown; 'x-event-data'?: unknown }>;
  headers?: Record<string, unknown>;
};
const pointer = (...parts: string[]) =>
  parts.map((part) => part.replaceAll('~', '~0').replaceAll('/', '~1')).join('/');

function resolve(
  document: OpenApiDocument,
  response: ResponseObject,
): { response: ResponseObject; path: string } | undefined {
  if (!response.$ref) return undefined;
  const name = response.$ref.split('/').pop() ?? '';
  return {
    response: document.components.responses?.[name] as ResponseObject,
    path: `components/responses/${name}`,
  };
}

/**
 * Asserts that a response is one the OpenAPI documents allow for the request's operation: a
 * documented status, a documented content type, a body matching that content's schema, and the
 * headers the response declares. Requests to paths the documents don't describe are not checked.
 */
export function expectContract(method: string, url: string, res: Response): void {
  const fullPath = url.split('?')[0] ?? '';
  const path = REVISION_PATH.exec(fullPath)?.[2] ?? fullPath;
  const described = describe(path, String(res.headers['x-mock-revision'] ?? DEFAULT_REVISION));
  if (!described) return;
  const { id, document, template } = described;
  const operation = document.paths[template]?.[method.toLowerCase()] as
    { responses: Record<string, ResponseObject> } | undefined;
  if (!operation) return;
  const declared = operation.responses[String(res.status)];
  expect(
    declared,
    `${method} ${path} answered ${res.status}, which its operation does not document`,
  ).toBeDefined();
  const direct = declared as ResponseObject;
  const { response, path: responsePath } = resolve(document, direct) ?? {
    response: direct,
    path: `paths/${pointer(template, method.toLowerCase())}/responses/${res.status}`,
  };
  if (!response.content) {
    expect(res.text, `${method} ${path} ${res.status} declares no body`).toBe('');
    return;
  }
  const mediaType = String(res.headers['content-type'] ?? '').split(';')[0] ?? '';
  const media = response.content?.[mediaType];
  expect(
    media,
    `${method} ${path} ${res.status} sent ${mediaType}, not one of ${Object.keys(response.content ?? {})}`,
  ).toBeDefined();
  for (const header of Object.keys(response.headers ?? {})) {
    expect(res.headers[header.toLowerCase()], `${res.status} must send ${header}`).toBeDefined();
  }
  const validate = ajv.getSchema(`${id}#/${responsePath}/content/${pointer(mediaType)}/schema`);
  if (!validate) throw new Error(`no schema at ${responsePath} for ${mediaType}`);
  const body = mediaType === 'application/json' ? JSON.parse(res.text) : res.text;
  const valid = validate(body);
  expect(valid, `${method} ${path} ${res.status} body: ${JSON.stringify(validate.errors)}`).toBe(true);
  if (media?.['x-event-data'])
    expectEvents(`${id}#/${responsePath}/content/${pointer(mediaType)}/x-event-data`, res.text);
}

/** The `data` of every server-sent event, `[DONE]` left as text. */
export function eventData(text: string): unknown[] {
  return text
    .split('\n\n')
    .filter((event) => event.startsWith('data: '))
    .map((event) => event.slice('data: '.length))
    .map((data) => (data === '[DONE]' ? data : JSON.parse(data)));
}

/** Each event of a stream (but `[DONE]`, which must come last if at all) matches the media type's `x-event-data`. */
function expectEvents(schemaRef: string, text: string): void {
  const validate = ajv.getSchema(schemaRef);
  if (!validate) throw new Error(`no schema at ${schemaRef}`);
  const events = eventData(text);
  events.forEach((data, index) => {
    if (data === '[DONE]') {
      expect(index, '[DONE] must be the last event').toBe(events.length - 1);
      return;
    }
    expect(validate(data), `event ${index}: ${JSON.stringify(validate.errors)}`).toBe(true);
  });
}
