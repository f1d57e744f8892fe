import type { OpenApiDocument } from './openapi-document.ts';

type Schema = { example?: unknown; const?: unknown; enum?: unknown[] };
type ResponseObject = { $ref?: string; content?: Record<string, { schema?: Schema }> };

/**
 * The error statuses each operation documents, with the body its document gives (the example, or
 * the constant): what `Prefer: code=` and fault rules answer, so a forced error is a documented one.
 */
export function documentedErrors(document: OpenApiDocument): Record<string, ReadonlyMap<number, string>> {
  const errors: Record<string, Map<number, string>> = {};
  for (const item of Object.values(document.paths)) {
    for (const operation of Object.values(item) as {
      operationId?: string;
      responses?: Record<string, ResponseObject>;
    }[]) {
      if (!operation.operationId) continue;
      const bodies = new Map<number, string>();
      for (const [status, declared] of Object.entries(operation.responses ?? {})) {
        if (Number(status) < 400) continue;
        const response = declared.$ref
          ? (document.components.responses?.[declared.$ref.split('/').pop() ?? ''] as ResponseObject)
          : declared;
        const schema = response?.content?.['text/plain']?.schema;
        bodies.set(Number(status), String(schema?.example ?? schema?.const ?? schema?.enum?.[0] ?? ''));
      }
      errors[operation.operationId] = bodies;
    }
  }
  return errors;
}
