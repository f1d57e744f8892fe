import type { FastifyReply } from 'fastify';
import { RouterError } from '../../core/router/errors.ts';

/** A router error as its status, headers and `{error: {code, message, param, type}}` body. */
export function sendError(reply: FastifyReply, error: RouterError): FastifyReply {
  return reply
    .code(error.status)
    .headers(error.headers)
    .type('application/json; charset=utf-8')
    .send(error.body);
}

/** Fastify's own 4xx (malformed JSON, wrong content type, body too large) as the router's 400. */
export function parserError(error: { code?: string; message: string }): RouterError {
  switch (error.code) {
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return RouterError.invalid(null, 'The body must be JSON, sent with Content-Type: application/json');
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return RouterError.invalid(null, 'The request body is larger than 1 MiB');
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return RouterError.invalid(null, 'The request body is empty; it must be a JSON object');
    default:
      return RouterError.invalid(null, `The request body is not valid JSON: ${error.message}`);
  }
}
