/**
 * Derives openapi/massive/<revision>.json from the vendor's published document of each revision
 * date, applying the fixes listed in openapi/README.md. Run it when the vendor's documents change:
 *
 *   node scripts/derive-revisions.ts ../shared/reference/massive-docs/openapi
 *
 * test/contract/revisions.test.ts re-derives the documents when that folder is present and fails
 * if the committed ones differ.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/** What each revision is derived from, and the fixes beyond the common ones. */
export const REVISION_SOURCES = {
  '2026-04': { from: '2026-04-24', extra: [agentfirstShape] },
  '2026-04-24': { from: '2026-04-24', extra: [] },
  live: { from: '2026-04-24', extra: [liveShape] },
  '2026-05-11': { from: '2026-05-11', extra: [seedCreditsText] },
  '2026-06-29': { from: '2026-06-29', extra: [] },
  '2026-07-06': { from: '2026-07-06', extra: [] },
} as const satisfies Record<string, { from: string; extra: ((document: Json) => void)[] }>;

/** The paths massive-mock emulates: the three services (AI, Search, Browser) and the account's. */
const EMULATED_PATHS = [
  '/ai',
  '/ai/completions',
  '/ai/batches',
  '/ai/devices',
  '/search',
  '/search/results',
  '/search/batches',
  '/search/devices',
  '/browser',
  '/browser/content',
  '/browser/batches',
  '/browser/devices',
  '/users',
  '/user',
  '/usage',
];

/** The Search and Browser services' paths: where a single call, its job and its batch live. */
const WEB_SERVICES = [
  { call: '/search', job: '/search/results', batches: '/search/batches', devices: '/search/devices' },
  { call: '/browser', job: '/browser/content', batches: '/browser/batches', devices: '/browser/devices' },
];

const OPERATION_IDS: Record<string, string> = {
  'get /ai': 'getCompletion',
  'get /ai/completions': 'getAsyncCompletion',
  'get /ai/devices': 'listDevices',
  'post /ai/batches': 'createBatch',
  'get /ai/batches': 'getBatch',
  'get /search': 'search',
  'get /search/results': 'getSearchResults',
  'get /search/devices': 'listSearchDevices',
  'post /search/batches': 'createSearchBatch',
  'get /search/batches': 'getSearchBatch',
  'get /browser': 'browse',
  'get /browser/content': 'getBrowserContent',
  'get /browser/devices': 'listBrowserDevices',
  'post /browser/batches': 'createBrowserBatch',
  'get /browser/batches': 'getBrowserBatch',
  'get /users': 'listUsers',
  'post /users': 'createUser',
  'patch /users': 'grantCredits',
  'delete /users': 'deactivateUser',
  'get /user': 'getUser',
  'get /usage': 'getUsage',
};

const ECHO_KEYS = ['device', 'country', 'subdivision', 'city', 'language', 'display'];

/** Error texts that never vary: their examples become `const`. */
const FIXED_TEXTS = [
  'authenticationError',
  'authorizationError',
  'creditsError',
  'malformedError',
  'timeoutError',
  'captchaError',
  'unknownError',
];

const walk = (value: unknown, visit: (node: Json) => void): void => {
  if (Array.isArray(value)) for (const item of value) walk(item, visit);
  else if (value && typeof value === 'object') {
    visit(value as Json);
    for (const child of Object.values(value)) walk(child, visit);
  }
};

/** `language (planned)`, `sse (ChatGPT only)`: display names whose wire name is the first word. */
const wireName = (name: string) => name.replace(/ \((planned|ChatGPT only|coming soon)\)$/, '');
const isPlanned = (value: unknown) => typeof value === 'string' && / \((planned|coming soon)\)$/.test(value);

function keepEmulatedPaths(document: Json): void {
  document.paths = Object.fromEntries(
    EMULATED_PATHS.filter((path) => document.paths[path]).map((path) => [path, document.paths[path]]),
  );
}

function wireNames(document: Json): void {
  walk(document, (node) => {
    if (typeof node.name === 'string' && node.in) node.name = wireName(node.name);
    if (node.properties && typeof node.properties === 'object') {
      node.properties = Object.fromEntries(
        Object.entries(node.properties).map(([key, value]) => [wireName(key), value]),
      );
    }
    if (Array.isArray(node.required)) node.required = node.required.map((key: string) => wireName(key));
    if (Array.isArray(node.enum)) node.enum = node.enum.filter((value: unknown) => !isPlanned(value));
  });
}

function schemaTitles(document: Json): void {
  walk(document.components.schemas, (node) => {
    if (typeof node.summary === 'string') {
      node.title = node.summary;
      delete node.summary;
    }
  });
}

function operationIds(document: Json): void {
  for (const [path, item] of Object.entries(document.paths as Json)) {
    for (const [method, operation] of Object.entries(item as Json)) {
      const id = OPERATION_IDS[`${method} ${path}`];
      if (!id) throw new Error(`no operationId for ${method} ${path}`);
      operation.operationId = id;
    }
  }
}

function aiParameters(document: Json): Json[] {
  return document.paths['/ai'].get.parameters as Json[];
}

function promptLimits(document: Json): void {
  const prompt = aiParameters(document).find((parameter) => parameter.name === 'prompt');
  Object.assign(prompt?.schema ?? {}, { minLength: 1, maxLength: 2047 });
}

/** One `Model` schema for the parameter and the Completion key, so they cannot drift apart. */
function sharedModel(document: Json): void {
  const parameter = aiParameters(document).find((candidate) => candidate.name === 'model');
  if (!parameter) return;
  const { description: _description, ...schema } = parameter.schema;
  document.components.schemas.Model = { title: 'AI model', ...schema };
  parameter.schema = { $ref: '#/components/schemas/Model' };
  const completion = document.components.schemas.Completion;
  completion.properties.model = {
    description: completion.properties.model.description,
    $ref: '#/components/schemas/Model',
  };
}

function nullableEchoKeys(document: Json): void {
  const completion = document.components.schemas.Completion;
  for (const key of ECHO_KEYS) {
    const property = completion.properties[key];
    if (!property) continue;
    property.type = ['string', 'null'];
    if (!completion.required.includes(key)) completion.required.push(key);
  }
}

function exactErrorTexts(document: Json): void {
  const responses = document.components.responses;
  const text = (name: string): Json => responses[name].content['text/plain'].schema;
  for (const name of FIXED_TEXTS) {
    const schema = text(name);
    schema.const = schema.example;
    delete schema.example;
  }
  text('unavailableError').pattern = '^Service is autoscaling; please retry in [0-9]+ seconds$';
  text('throttlingError').pattern = '^Rate limit was exceeded; please retry in [0-9]+ seconds$';
  for (const name of ['unavailableError', 'throttlingError']) {
    responses[name].headers = {
      'Retry-After': {
        description: 'The seconds to wait before retrying, as in the body.',
        schema: { type: 'integer', example: Number(/(\d+) seconds/.exec(text(name).example)?.[1]) },
      },
    };
  }
  // An invalid token gets its 403 on /ai too, beside the captcha the vendor lists.
  responses.forbiddenError = {
    description: 'The API token was invalid, or the content was captcha’d.',
    content: {
      'text/plain': {
        schema: {
          type: 'string',
          enum: [text('authorizationError').const, text('captchaError').const],
          example: text('captchaError').const,
        },
      },
    },
  };
  for (const path of ['/ai', '/search', '/browser'])
    document.paths[path].get.responses['403'] = { $ref: '#/components/responses/forbiddenError' };
  // `unsupportedError` is every missing resource's (a user too), so its text varies; Browser's is exact.
  responses.domainError = {
    description: 'The domain does not exist.',
    content: { 'text/plain': { schema: { type: 'string', const: text('unsupportedError').example } } },
  };
  document.paths['/browser'].get.responses['404'] = { $ref: '#/components/responses/domainError' };
}

function jobNotFound(document: Json): void {
  document.components.responses.jobNotFoundError = {
    description: 'No job of this token has the identifier.',
    content: { 'text/plain': { schema: { type: 'string', const: 'Job was not found' } } },
  };
  const operations = ['/ai/completions', ...WEB_SERVICES.map(({ job }) => job)].map(
    (path) => document.paths[path].get,
  );
  for (const path of ['/ai', ...WEB_SERVICES.map(({ call }) => call)]) {
    const operation = document.paths[path].get;
    if (operation.parameters.some((parameter: Json) => parameter.name === 'id')) operations.push(operation);
  }
  for (const operation of operations)
    operation.responses['404'] = { $ref: '#/components/responses/jobNotFoundError' };
  // July's `GET /browser` has both: a domain that does not exist, and an id never issued.
  const browse = document.paths['/browser'].get;
  if (operations.includes(browse)) {
    const texts = ['Domain is nonexistant', 'Job was not found'];
    document.components.responses.browserNotFoundError = {
      description: 'The domain does not exist, or no job of this token has the identifier.',
      content: { 'text/plain': { schema: { type: 'string', enum: texts, example: texts[0] } } },
    };
    browse.responses['404'] = { $ref: '#/components/responses/browserNotFoundError' };
  }
}

/** `/ai/devices` answers the same 403 as its siblings: the token, never a captcha. */
function devicesForbidden(document: Json): void {
  document.paths['/ai/devices'].get.responses['403'] = { $ref: '#/components/responses/authorizationError' };
}

const parameterOf = (operation: Json, name: string): Json | undefined =>
  (operation.parameters as Json[]).find((parameter) => parameter.name === name);

/** The body schema of a July batch operation, when the revision has it. */
const batchBody = (document: Json, path: string): Json | undefined =>
  document.paths[path]?.post.requestBody.content['application/json'].schema;

/**
 * `awaiting` is typed one string, but the guide gives several features "by repeating the key" and
 * the official client always sends `awaiting=ai&awaiting=answers`: an array (form, exploded) in the
 * query, a string or an array in a batch body.
 */
function repeatableAwaiting(document: Json): void {
  const parameter = parameterOf(document.paths['/search'].get, 'awaiting');
  if (parameter) {
    const { description, ...item } = parameter.schema;
    parameter.schema = { description, type: 'array', items: item, minItems: 1 };
    Object.assign(parameter, { style: 'form', explode: true });
  }
  const body = batchBody(document, '/search/batches');
  if (body?.properties.awaiting) {
    const { description, ...item } = body.properties.awaiting;
    body.properties.awaiting = { description, oneOf: [item, { type: 'array', items: item, minItems: 1 }] };
  }
}

/** The 255 characters of `terms` were prose in every revision but July, as the prompt's were. */
function termsLimits(document: Json): void {
  const terms = parameterOf(document.paths['/search'].get, 'terms');
  Object.assign(terms?.schema ?? {}, { minLength: 1, maxLength: 255 });
  const body = batchBody(document, '/search/batches');
  if (body) Object.assign(body.properties.terms.items, { minLength: 1 });
}

/**
 * July: `terms` (search) and `url` (browser) are optional once `id` may be given instead, which
 * the handler checks (422 `terms must be provided (or the id of a queued search)`), as for `/ai`.
 * The vendor's July document already leaves them optional; earlier ones require them, and keep it.
 * The July `url` and `callback` examples were percent-encoded once more than a client sends them.
 */
function webExamples(document: Json): void {
  for (const { call } of WEB_SERVICES) {
    for (const name of ['url', 'callback']) {
      const schema = parameterOf(document.paths[call].get, name)?.schema;
      if (typeof schema?.example === 'string') schema.example = decodeURIComponent(schema.example);
    }
  }
}

/**
 * `session` (a sticky egress node for 12 minutes) is in the Browser guide but in no document; the
 * guide has no date, so every revision takes it, as a string of at most 255 characters.
 */
function browserSession(document: Json): void {
  const parameters = document.paths['/browser'].get.parameters as Json[];
  const expiration = parameters.findIndex((parameter) => parameter.name === 'expiration');
  parameters.splice(expiration, 0, {
    name: 'session',
    in: 'query',
    description:
      'The name of a session (any text) whose calls leave from the same node for 12 minutes (the Browser guide); no session by default.',
    schema: { type: 'string', minLength: 1, maxLength: 255, example: null },
  });
}

/**
 * The Chrome DevTools Protocol on `/browser` (a WebSocket upgrade, July's `x-websocket`) is not
 * emulated: its handshake is in snippet files the local copy of the guide lacks, and massive-mock
 * has no browser to drive. Such a request is a 501 saying so, declared here.
 */
function cdpNotEmulated(document: Json): void {
  document.components.responses.cdpError = {
    description: 'A CDP (WebSocket) connection was asked for: massive-mock does not emulate it.',
    content: { 'text/plain': { schema: { type: 'string', const: CDP_TEXT } } },
  };
  document.paths['/browser'].get.responses['501'] = { $ref: '#/components/responses/cdpError' };
}

/** What a CDP request is told (see cdpNotEmulated). */
const CDP_TEXT =
  'CDP is not emulated: massive-mock has no browser to drive over a WebSocket; use GET /browser for rendered, raw or Markdown pages';

/**
 * The Browser's Markdown is not HTML, though the 200 declares only `text/html`: it is sent as
 * `text/markdown` (never JSON, which the official client would parse), declared beside the HTML.
 */
function browserMarkdown(document: Json): void {
  for (const path of ['/browser', '/browser/content']) {
    const content = document.paths[path].get.responses['200'].content;
    content['text/markdown'] = {
      schema: { description: 'The page as Markdown (`format=markdown`).', type: 'string' },
    };
  }
}

/**
 * Every operation checks its parameters the same way, so one it does not have, or a malformed one
 * (`GET /users?email=x`), is a 422 naming it: the vendor lists that 422 on some operations only.
 */
function paramsEverywhere(document: Json): void {
  for (const item of Object.values(document.paths as Json)) {
    for (const operation of Object.values(item as Json)) {
      operation.responses['422'] ??= { $ref: '#/components/responses/paramsError' };
    }
  }
}

/** The usage report's services name only /search and /browser; the emulated service is `ai`. */
function usageServices(document: Json): void {
  const service = document.components.schemas.Service;
  service.enum = ['ai', ...service.enum.filter((value: string) => value !== 'ai')];
  service.example = 'ai';
  const services = document.components.schemas.Services;
  services.example = ['ai'];
}

/**
 * `/usage` dates: the vendor's own example (`2025-12-25T9:00:00-06:00`, a one-digit hour) and a
 * plain date are W3C datetimes but not RFC 3339 `date-time`s; the handler reads the W3C forms.
 */
function usageDates(document: Json): void {
  for (const parameter of document.paths['/usage']?.get?.parameters ?? [])
    if (parameter.name === 'from' || parameter.name === 'to') delete parameter.schema.format;
}

/** July: `prompt` is required unless `id` is given, which the handler checks, not the schema. */
function promptOrId(document: Json): void {
  const parameters = aiParameters(document);
  if (!parameters.some((parameter) => parameter.name === 'id')) return;
  const prompt = parameters.find((parameter) => parameter.name === 'prompt');
  if (prompt) delete prompt.required;
}

/**
 * July's callback: the query example was percent-encoded once more than a docs UI sends it (it
 * encodes the value itself), so "Try it out" sent `https%253A…`; the example is the plain URL.
 */
function callbackExample(document: Json): void {
  const callback = aiParameters(document).find((parameter) => parameter.name === 'callback');
  if (callback) callback.schema.example = decodeURIComponent(callback.schema.example);
}

/**
 * July's batches: the body's prompts are non-empty like `/ai`'s, its model is the shared `Model`,
 * a body that is not JSON is the service's 400 `JSON was malformed` (as on `POST /users`), and a
 * batch id never issued is 404 `Job was not found`, as for single jobs.
 */
function batchFixes(document: Json): void {
  const batches = document.paths['/ai/batches'];
  if (!batches) return;
  const body = batches.post.requestBody.content['application/json'].schema;
  Object.assign(body.properties.prompts.items, { minLength: 1 });
  body.properties.model = {
    description: body.properties.model.description,
    $ref: '#/components/schemas/Model',
  };
  for (const path of ['/ai/batches', ...WEB_SERVICES.map((service) => service.batches)]) {
    document.paths[path].post.responses['400'] = { $ref: '#/components/responses/malformedError' };
    document.paths[path].get.responses['404'] = { $ref: '#/components/responses/jobNotFoundError' };
  }
}

/**
 * The archive a finished batch's `url` names. The vendor says only "the URL of the archived
 * requests"; massive-mock serves it itself, listing each prompt's job id (for `GET /ai?id=`) and
 * status, and marks the operation as its own (`x-massive-mock`).
 */
function batchArchive(document: Json): void {
  const batches = document.paths['/ai/batches'];
  if (!batches) return;
  document.paths['/ai/batches/archive'] = archiveOperation(batches.get, 'BatchArchive', '`GET /ai?id=`');
  document.components.schemas.BatchArchive = archiveSchema('prompt', '`GET /ai?id=`');
  for (const { call, batches: path } of WEB_SERVICES) {
    const input = call === '/search' ? 'terms' : 'url';
    document.paths[`${path}/archive`] = archiveOperation(
      document.paths[path].get,
      'WebBatchArchive',
      `\`GET ${call}?id=\``,
    );
    document.components.schemas.WebBatchArchive ??= archiveSchema(
      input,
      '`GET /search?id=` or `GET /browser?id=`',
    );
  }
  document.paths['/search/batches/archive'].get.operationId = 'getSearchBatchArchive';
  document.paths['/browser/batches/archive'].get.operationId = 'getBrowserBatchArchive';
  // Search batches list terms, or the result pages' URLs: both may name a request.
  const item = document.components.schemas.WebBatchArchive.properties.requests.items;
  item.properties = { terms: { type: 'string' }, url: { type: 'string' }, ...item.properties };
  item.required = ['id', 'status'];
}

function archiveOperation(batchStatus: Json, schema: string, retrieval: string): Json {
  const { parameters, responses } = batchStatus;
  return {
    get: {
      operationId: 'getBatchArchive',
      summary: 'Batch archive',
      description: `massive-mock's own: the archived requests of a batch, whose \`url\` points here. Each request's result is ${retrieval} with its job id.`,
      'x-massive-mock': true,
      parameters,
      responses: {
        ...responses,
        '200': {
          description: 'The batch archive.',
          content: { 'application/json': { schema: { $ref: `#/components/schemas/${schema}` } } },
        },
      },
    },
  };
}

function archiveSchema(input: string, retrieval: string): Json {
  return {
    title: 'Batch archive',
    type: 'object',
    properties: {
      id: { description: 'The batch identifier.', type: 'string', format: 'uuid' },
      requests: {
        description: "The batch's requests, in the order given.",
        type: 'array',
        items: {
          type: 'object',
          properties: {
            [input]: { type: 'string' },
            id: {
              description: `The job identifier to retrieve the result with (${retrieval}).`,
              type: 'string',
              format: 'uuid',
            },
            status: { $ref: '#/components/schemas/Status' },
          },
          required: [input, 'id', 'status'],
        },
      },
    },
    required: ['id', 'requests'],
  };
}

/** Components nothing refers to any more (the sibling services' schemas) are dropped. */
function dropUnreferenced(document: Json): void {
  for (;;) {
    const text = JSON.stringify({ paths: document.paths, components: document.components });
    let dropped = false;
    for (const section of ['schemas', 'responses'] as const) {
      const entries = Object.entries(document.components[section] ?? {});
      const kept = entries.filter(([name]) => text.includes(`"#/components/${section}/${name}"`));
      if (kept.length < entries.length) {
        document.components[section] = Object.fromEntries(kept);
        dropped = true;
      }
    }
    if (!dropped) return;
  }
}

/** Seed 000, the contract of this revision, names another page to top up at than the vendor's copy. */
function seedCreditsText(document: Json): void {
  document.components.responses.creditsError.content['text/plain'].schema.const =
    'Credit balance is 0; top up at https://dashboard.joinmassive.com/plans';
}

/** The earliest revision (seed 004, api.agentfirst.dev): other key names, two models. */
function agentfirstShape(document: Json): void {
  document.servers = [{ url: 'https://api.agentfirst.dev' }];
  document.components.schemas.Model.enum = ['chatgpt', 'gemini'];
  const completion = document.components.schemas.Completion;
  const {
    model,
    query,
    html,
    prompt,
    completion: answer,
    sources,
    subqueries,
    ...echo
  } = completion.properties;
  completion.properties = {
    model,
    prompt: query,
    html,
    promptHtml: prompt,
    completionHtml: answer,
    sourcesHtml: sources,
    subqueries,
    ...echo,
  };
  completion.required = [
    'model',
    'prompt',
    'html',
    'promptHtml',
    'completionHtml',
    'sourcesHtml',
    'subqueries',
    ...ECHO_KEYS,
  ];
}

/**
 * What the live service really sent in May 2026 (see the captured samples): the 2026-04-24 keys
 * plus `ads`, no echo keys, and `sources` empty with the sources inside the completion.
 */
function liveShape(document: Json): void {
  const completion = document.components.schemas.Completion;
  const { subqueries, ...rest } = Object.fromEntries(
    Object.entries(completion.properties as Json).filter(([key]) => !ECHO_KEYS.includes(key)),
  );
  completion.properties = {
    ...rest,
    ads: {
      description: 'The rendered HTML of just the ads portion of the conversation.',
      type: 'string',
    },
    subqueries,
  };
  completion.properties.sources.description =
    'Empty: the live service renders the sources inside the completion.';
  completion.required = ['model', 'query', 'html', 'prompt', 'completion', 'sources', 'ads', 'subqueries'];
}

const COMMON_FIXES = [
  keepEmulatedPaths,
  wireNames,
  schemaTitles,
  operationIds,
  promptLimits,
  sharedModel,
  nullableEchoKeys,
  exactErrorTexts,
  jobNotFound,
  devicesForbidden,
  paramsEverywhere,
  usageServices,
  usageDates,
  promptOrId,
  callbackExample,
  repeatableAwaiting,
  termsLimits,
  webExamples,
  browserSession,
  browserMarkdown,
  cdpNotEmulated,
  batchFixes,
  batchArchive,
];

export type RevisionId = keyof typeof REVISION_SOURCES;

/** Every revision's document, derived from the vendor's documents in `sourceDir`. */
export function deriveRevisionDocuments(sourceDir: string): Record<RevisionId, Json> {
  return Object.fromEntries(
    Object.entries(REVISION_SOURCES).map(([revision, { from, extra }]) => {
      const document = JSON.parse(readFileSync(join(sourceDir, `${from}.json`), 'utf8')) as Json;
      for (const fix of [...COMMON_FIXES, ...extra, dropUnreferenced]) fix(document);
      document.info = {
        ...document.info,
        version: revision,
        'x-derived-from': `the vendor's ${from} document, by scripts/derive-revisions.ts (fixes: openapi/README.md)`,
      };
      return [revision, document];
    }),
  ) as Record<RevisionId, Json>;
}

/** The text of a derived document as committed: what the contract test compares. */
export const documentText = (document: Json) => `${JSON.stringify(document, null, 2)}\n`;

if (import.meta.url === `file://${process.argv[1]}`) {
  const sourceDir = process.argv[2] ?? '../shared/reference/massive-docs/openapi';
  for (const [revision, document] of Object.entries(deriveRevisionDocuments(sourceDir))) {
    writeFileSync(new URL(`../openapi/massive/${revision}.json`, import.meta.url), documentText(document));
  }
}
