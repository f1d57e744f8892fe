import { Validator } from '@seriousme/openapi-schema-validator';
import { describe, expect, it } from 'vitest';
import { API_DOCUMENTS, loadApiDocument, readDocument } from '../../src/http/openapi-document.ts';
import { loadRouterDocument, ROUTER_DOCUMENTS } from '../../src/http/router-document.ts';

describe('openapi/ documents', () => {
  it.each([...API_DOCUMENTS, ...ROUTER_DOCUMENTS])('%s is valid OpenAPI 3.1', async (name) => {
    const result = await new Validator().validate(readDocument(name) as never);
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
  });

  it('merge into one valid document with an operationId on every operation', async () => {
    const merged = loadApiDocument();
    expect((await new Validator().validate(merged as never)).valid).toBe(true);
    const ids = Object.values(merged.paths).flatMap((item) =>
      Object.values(item).map((op) => (op as { operationId?: string }).operationId),
    );
    expect(ids).toEqual(['getCompletion', 'getAsyncCompletion', 'listDevices']);
  });

  it('the router documents merge under /api/v1', async () => {
    const router = loadRouterDocument();
    expect((await new Validator().validate(router as never)).valid).toBe(true);
    expect(Object.keys(router.paths)).toEqual(['/api/v1/completions', '/api/v1/models']);
  });
});
