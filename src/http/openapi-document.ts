import { readFileSync } from 'node:fs';
import { isDeepStrictEqual } from 'node:util';
import { DEFAULT_REVISION, findRevision, type Revision } from '../core/massive/revisions/index.ts';

const defaultRevision = () => findRevision(DEFAULT_REVISION) as Revision;

/** The folder of the OpenAPI documents: the same two levels up from src/http and dist/http. */
export const OPENAPI_DIR = new URL('../../openapi/', import.meta.url);

export type OpenApiDocument = {
  openapi: string;
  info: Record<string, unknown>;
  servers?: { url: string; description?: string }[];
  paths: Record<string, Record<string, unknown>>;
  components: Record<string, Record<string, unknown>>;
  [key: string]: unknown;
};

/**
 * A document written in YAML (admin.yaml, router/*.yaml), read from its JSON form under
 * openapi/json/ (scripts/derive-json-documents.ts): parsing YAML took a tenth of the start.
 */
export function readDocument(name: string): OpenApiDocument {
  const json = `json/${name.replace(/\.ya?ml$/, '.json')}`;
  return JSON.parse(readFileSync(new URL(json, OPENAPI_DIR), 'utf8')) as OpenApiDocument;
}

const revisionDocuments = new Map<string, OpenApiDocument>();

/**
 * A revision's document (openapi/massive/, derived from the vendor's by scripts/derive-revisions.ts),
 * the seeds' revision by default; read once and shared, so nothing may change it.
 */
export function loadApiDocument(revision: Revision = defaultRevision()): OpenApiDocument {
  let document = revisionDocuments.get(revision.id);
  if (!document) {
    document = JSON.parse(
      readFileSync(new URL(`massive/${revision.document}`, OPENAPI_DIR), 'utf8'),
    ) as OpenApiDocument;
    revisionDocuments.set(revision.id, document);
  }
  return document;
}

/**
 * Merges documents into one: paths are joined, and a component named in several documents must be
 * the same in each, so no merge hides a conflict (the router API is two documents).
 */
export function mergeDocuments(documents: readonly OpenApiDocument[]): OpenApiDocument {
  const [first, ...rest] = documents;
  if (!first) throw new Error('no OpenAPI document to merge');
  const merged: OpenApiDocument = structuredClone(first);
  for (const document of rest) {
    for (const [path, item] of Object.entries(document.paths)) {
      if (merged.paths[path]) throw new Error(`OpenAPI path ${path} is described twice`);
      merged.paths[path] = item;
    }
    for (const [section, components] of Object.entries(document.components ?? {})) {
      const target = merged.components[section] ?? {};
      merged.components[section] = target;
      for (const [name, component] of Object.entries(components)) {
        if (name in target && !isDeepStrictEqual(target[name], component)) {
          throw new Error(`OpenAPI component ${section}/${name} differs between documents`);
        }
        target[name] = component;
      }
    }
  }
  return merged;
}

/** The path template of a document (`/__admin/jobs/{id}/fail`) that a concrete path matches. */
export function pathTemplateOf(document: OpenApiDocument, path: string): string | undefined {
  return Object.keys(document.paths).find((template) =>
    new RegExp(`^${template.replace(/\{[^}]+\}/g, '[^/]+')}$`).test(path),
  );
}
