import { mergeDocuments, type OpenApiDocument, readDocument } from '../openapi-document.ts';

/** Where the router API is served: the seed's server URL ends in /api/v1. */
export const ROUTER_PREFIX = '/api/v1';

/** The router's documents (the seed's, fixed, and the one written for GET /models). */
export const ROUTER_DOCUMENTS = ['router/completions.yaml', 'router/models.yaml'] as const;

/**
 * The router API as one document with its paths under /api/v1 (the vendor's are relative to its
 * server URL), as the server routes it and the contract tests check it.
 */
export function loadRouterDocument(): OpenApiDocument {
  const merged = mergeDocuments(ROUTER_DOCUMENTS.map(readDocument));
  merged.paths = Object.fromEntries(
    Object.entries(merged.paths).map(([path, item]) => [`${ROUTER_PREFIX}${path}`, item]),
  );
  return merged;
}
