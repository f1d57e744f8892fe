import type { ErrorObject } from 'ajv';
import { RouterError } from '../../core/router/errors.ts';

/** `/requestBody/prompt/0` → `prompt[0]`; `/requestBody/response_format/type` → `response_format.type`. */
function paramOf(error: ErrorObject): string | null {
  const parts = error.instancePath.split('/').filter(Boolean).slice(1);
  if (error.keyword === 'required') parts.push(String(error.params.missingProperty));
  return (
    parts.reduce(
      (name, part) => (/^\d+$/.test(part) ? `${name}[${part}]` : name ? `${name}.${part}` : part),
      '',
    ) || null
  );
}

const SHAPES: Readonly<Record<string, string>> = {
  prompt: 'a string, an array of strings, an array of token ids or an array of arrays of token ids',
  stop: 'a string or an array of at most 4 strings',
  response_format:
    'an object whose type is text, json_object, json_schema (with json_schema.name), grammar or python',
  stream_options: 'an object',
  messages:
    'a message: role system or developer (with content), user (with content: a string or text and image_url parts), assistant (content, tool_calls) or tool (with content and tool_call_id)',
  'messages.content': 'a string or an array of content parts (text, image_url)',
  tool_choice: 'none, auto, required or {"type": "function", "function": {"name": …}}',
};

/**
 * A body that breaks the document becomes a 400 naming the parameter and the rule. A `oneOf`
 * (prompt, stop, response_format) is reported once, as the shapes it allows, not as each branch's failure.
 */
export function bodyValidationError(errors: readonly ErrorObject[] | null | undefined): RouterError {
  const list = errors ?? [];
  const alternatives = list
    .filter((error) => error.keyword === 'oneOf')
    .sort((a, b) => a.instancePath.length - b.instancePath.length)[0];
  const error = alternatives ?? list[0];
  if (!error) return RouterError.invalid(null, 'The request body is invalid');
  const param = paramOf(error);
  if (param === null) return RouterError.invalid(null, `The request body ${error.message ?? 'is invalid'}`);
  const shape = SHAPES[param.replace(/\[\d+\]/g, '')];
  if (error.keyword === 'oneOf' && shape) return RouterError.invalid(param, `${param} must be ${shape}`);
  if (error.keyword === 'required') return RouterError.invalid(param, `${param} is required`);
  if (error.keyword === 'type') {
    const types = [error.params.type].flat().filter((type) => type !== 'null');
    return RouterError.invalid(
      param,
      `${param} must be ${types.map((type) => `a${/^[aeiou]/.test(type) ? 'n' : ''} ${type}`).join(' or ')}`,
    );
  }
  return RouterError.invalid(param, `${param} ${error.message ?? 'is invalid'}`);
}
