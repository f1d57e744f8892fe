import type { ErrorObject } from 'ajv';

/** 2047 as "2,047", without Intl: its first use costs start-up about 15 ms. */
const withCommas = (value: unknown) => String(value).replace(/\B(?=(\d{3})+(?!\d))/g, ',');

/** How a format reads in a sentence, in the service's lower-case style. */
const FORMAT_NAMES: Record<string, string> = {
  'date-time': 'a date-time such as 2025-12-24T18:00:00-06:00',
  email: 'an email address',
  uuid: 'a UUID',
};

/** The name of the query parameter an Ajv error is about. */
function parameterOf(error: ErrorObject): string {
  if (error.keyword === 'required') return String(error.params.missingProperty);
  const [where, ...path] = error.instancePath.split('/').filter(Boolean);
  return path.join('.') || (where === 'requestBody' ? 'body' : 'query');
}

/**
 * Turns a schema violation into the sentence a 422 answers with: the parameter, then the rule, in
 * the service's own style ("Character counts must be no more than 255").
 */
export function describeValidationError(error: ErrorObject): string {
  const name = parameterOf(error);
  const params = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'required':
      return `${name} must be provided`;
    case 'maxLength':
      return `${name} must be no more than ${withCommas(params.limit)} characters`;
    case 'minLength':
      return `${name} must be at least ${withCommas(params.limit)} character${params.limit === 1 ? '' : 's'}`;
    case 'minItems':
      return `${name} must hold at least ${withCommas(params.limit)} item${params.limit === 1 ? '' : 's'}`;
    case 'maxItems':
      return `${name} must hold no more than ${withCommas(params.limit)} items`;
    case 'enum':
      return `${name} must be one of ${(params.allowedValues as unknown[]).join(', ')}`;
    case 'type':
      return params.type === 'string'
        ? `${name} must be given once, as text`
        : `${name} must be an ${params.type}`;
    case 'minimum':
    case 'maximum':
      return `${name} must be ${error.keyword === 'minimum' ? 'at least' : 'no more than'} ${params.limit}`;
    case 'additionalProperties':
      return error.instancePath.startsWith('/query')
        ? `${String(params.additionalProperty)} is not a parameter of this operation`
        : `${name} has no field "${String(params.additionalProperty)}"`;
    case 'format':
      return `${name} must be ${FORMAT_NAMES[String(params.format)] ?? `a ${String(params.format)}`}`;
    default:
      return `${name} ${error.message ?? 'is invalid'}`;
  }
}
