import type { FastifyReply } from 'fastify';
import type { ApiError } from '../core/errors.ts';

/** Sends an error of the emulated API: its status, its headers and its plain-text body. */
export function sendApiError(reply: FastifyReply, error: ApiError): FastifyReply {
  return reply
    .code(error.status)
    .headers(error.headers)
    .type('text/plain; charset=utf-8')
    .send(error.message);
}
