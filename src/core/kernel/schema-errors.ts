import type { ErrorObject } from 'ajv';

/**
 * Turns a JSON Schema violation of a body (a fault rule, a clock move) into a sentence naming the
 * field and the rule: `effect.delayMs must be no more than 86400000`. `root` names the whole body;
 * `skip` drops leading path segments (openapi-backend puts bodies under `/requestBody`).
 */
export function describeSchemaError(error: ErrorObject, root: string, skip = 0): string {
  const segments = error.instancePath.split('/').filter(Boolean).slice(skip);
  const field = segments.join('.') || root;
  const params = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'required':
      return `${segments.length ? `${field}.` : ''}${String(params.missingProperty)} must be given`;
    case 'additionalProperties':
      return `${field} has an unknown field "${String(params.additionalProperty)}"`;
    case 'type':
      return `${field} must be ${/^[aeiou]/.test(String(params.type)) ? 'an' : 'a'} ${String(params.type).replace(',', ' or ')}`;
    case 'minimum':
      return `${field} must be at least ${String(params.limit)}`;
    case 'maximum':
      return `${field} must be no more than ${String(params.limit)}`;
    case 'maxLength':
      return `${field} must be no more than ${String(params.limit)} characters`;
    case 'enum':
      return `${field} must be one of ${(params.allowedValues as unknown[]).join(', ')}`;
    default:
      return `${field} ${error.message ?? 'is invalid'}`;
  }
}
