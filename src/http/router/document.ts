import { mergeDocuments, type OpenApiDocument, readDocument } from '../openapi-document.ts';

/** Where the router API is served: the seed's server URL ends in /api/v1. */
export const ROUTER_PREFIX = '/api/v1';

/** The router's documents (the seed's, fixed, and those written for chat and GET /models). */
export const ROUTER_DOCUMENTS = [
  'router/completions.yaml',
  'router/chat.yaml',
  'router/models.yaml',
] as const;

/** What the merged document says it is: the seed's title ("Create a completion") named one operation. */
const INFO = {
  title: 'LLM router API (emulated by massive-mock)',
  version: '1.0.0-massive-mock',
  description:
    'The OpenAI-compatible LLM router, as massive-mock emulates it under /api/v1: chat completions ' +
    '(messages, tool calling, structured output, streaming), completions and the model catalogue. ' +
    'Answers are generated, deterministic for a seed, and never come from a real model; faults, ' +
    'latency and rate limits are driven from the admin API.',
};

/**
 * The router API as one document with its paths under /api/v1 (the vendor's are relative to its
 * server URL), as the server routes it and the contract tests check it.
 */
export function loadRouterDocument(): OpenApiDocument {
  const merged = mergeDocuments(ROUTER_DOCUMENTS.map(readDocument));
  merged.info = { ...INFO };
  merged.paths = Object.fromEntries(
    Object.entries(merged.paths).map(([path, item]) => [`${ROUTER_PREFIX}${path}`, item]),
  );
  return merged;
}
