import { readFileSync } from 'node:fs';
import { isDeepStrictEqual } from 'node:util';
import { load } from 'js-yaml';

/** The folder of the OpenAPI documents: the same two levels up from src/http and dist/http. */
export const OPENAPI_DIR = new URL('../../openapi/', import.meta.url);

/** The revision of the Massive API that these documents describe: the start-up line and `/` name it. */
export const REVISION = '2026-05-11';

/** The vendor's documents (fixed) that describe the emulated API, in the order they are merged. */
export const API_DOCUMENTS = ['ai.yaml', 'ai-completions.yaml', 'ai-devices.yaml'] as const;

export type OpenApiDocument = {
  openapi: string;
  info: Record<string, unknown>;
  servers?: { url: string; description?: string }[];
  paths: Record<string, Record<string, unknown>>;
  components: Record<string, Record<string, unknown>>;
  [key: string]: unknown;
};

export function readDocument(name: string): OpenApiDocument {
  return load(readFileSync(new URL(name, OPENAPI_DIR), 'utf8')) as OpenApiDocument;
}

/**
 * Merges documents into one: paths are joined, and a component named in several documents must be
 * the same in each (the vendor repeats `Completion` in every page), so no merge hides a conflict.
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

/** The emulated API as one document, as the server routes and validates it. */
export function loadApiDocument(): OpenApiDocument {
  return mergeDocuments(API_DOCUMENTS.map(readDocument));
}

/** The path template of a document (`/__admin/jobs/{id}/fail`) that a concrete path matches. */
export function pathTemplateOf(document: OpenApiDocument, path: string): string | undefined {
  return Object.keys(document.paths).find((template) =>
    new RegExp(`^${template.replace(/\{[^}]+\}/g, '[^/]+')}$`).test(path),
  );
}
