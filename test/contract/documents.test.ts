import { existsSync } from 'node:fs';
import { Validator } from '@seriousme/openapi-schema-validator';
import { describe, expect, it } from 'vitest';
import { REVISIONS } from '../../src/core/massive/revisions/index.ts';
import { loadApiDocument, readDocument } from '../../src/http/openapi-document.ts';
import { loadRouterDocument, ROUTER_DOCUMENTS } from '../../src/http/router/document.ts';
import { deriveRevisionDocuments, documentText } from '../../scripts/derive-revisions.ts';

const operationIds = (document: ReturnType<typeof loadApiDocument>) =>
  Object.values(document.paths).flatMap((item) =>
    Object.values(item).map((operation) => (operation as { operationId?: string }).operationId),
  );

describe('openapi/ documents', () => {
  it.each(REVISIONS.map((revision) => [revision.id, revision] as const))(
    'the %s revision is valid OpenAPI 3.1 with an operationId on every operation',
    async (_id, revision) => {
      const document = loadApiDocument(revision);
      const result = await new Validator().validate(structuredClone(document) as never);
      expect(result.errors ?? []).toEqual([]);
      expect(operationIds(document).every(Boolean)).toBe(true);
      expect(operationIds(document)).toEqual(
        expect.arrayContaining([
          'getCompletion',
          'getAsyncCompletion',
          'listDevices',
          'getUser',
          'listUsers',
          'getUsage',
        ]),
      );
    },
  );

  it.each(['admin.yaml', ...ROUTER_DOCUMENTS])('%s is valid OpenAPI 3.1', async (name) => {
    const result = await new Validator().validate(readDocument(name) as never);
    expect(result.errors ?? []).toEqual([]);
  });

  // The vendor's documents sit beside the project in its workplace (and in CI); a clone without
  // them has the committed, derived documents only.
  const vendorDir = new URL('../../../shared/reference/massive-docs/openapi/', import.meta.url);
  it.runIf(existsSync(vendorDir))('are what scripts/derive-revisions.ts derives from the vendor', () => {
    const derived = deriveRevisionDocuments(vendorDir.pathname);
    for (const revision of REVISIONS) {
      expect(`${JSON.stringify(loadApiDocument(revision), null, 2)}\n`, revision.id).toBe(
        documentText(derived[revision.id as keyof typeof derived]),
      );
    }
  });

  it('the router documents merge under /api/v1', async () => {
    const router = loadRouterDocument();
    expect((await new Validator().validate(router as never)).valid).toBe(true);
    expect(Object.keys(router.paths)).toEqual([
      '/api/v1/completions',
      '/api/v1/chat/completions',
      '/api/v1/models',
    ]);
  });
});
