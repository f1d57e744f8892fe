import type { OpenApiDocument } from './openapi-document.ts';

type Schema = { example?: unknown; const?: unknown; enum?: unknown[] };
type ResponseObject = { $ref?: string; content?: Record<string, { schema?: Schema }> };

type Errors = Record<string, ReadonlyMap<number, string>>;

/** Documents are loaded once and never change: the instance and each API's routes share the result. */
const memo = new WeakMap<OpenApiDocument, Errors>();

/**
 * The error statuses each operation documents, with the body its document gives (the example, or
 * the constant): what `Prefer: code=` and fault rules answer, so a forced error is a documented one.
 */
export function documentedErrors(document: OpenApiDocument): Errors {
  let errors = memo.get(document);
  if (!errors) memo.set(document, (errors = readErrors(document)));
  return errors;
}

function readErrors(document: OpenApiDocument): Errors {
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

/** Per operation, every error status some revision documents: what a fault rule may ask for. */
export function documentedStatuses(documents: readonly OpenApiDocument[]): Record<string, number[]> {
  const statuses: Record<string, Set<number>> = {};
  for (const document of documents) {
    for (const [operation, bodies] of Object.entries(documentedErrors(document))) {
      const known = (statuses[operation] ??= new Set());
      for (const status of bodies.keys()) known.add(status);
    }
  }
  return Object.fromEntries(
    Object.entries(statuses).map(([operation, known]) => [operation, [...known].sort((a, b) => a - b)]),
  );
}
