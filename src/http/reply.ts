import type { FastifyReply } from 'fastify';
import type { ApiError } from '../core/errors.ts';

/** Sends a status with a plain-text body: every error answer of the emulator has this shape. */
export function sendText(reply: FastifyReply, status: number, message: string): FastifyReply {
  return reply.code(status).type('text/plain; charset=utf-8').send(message);
}

/** Sends an error of the emulated API: its status, its headers and its plain-text body. */
export function sendApiError(reply: FastifyReply, error: ApiError): FastifyReply {
  return sendText(reply.headers(error.headers), error.status, error.message);
}

let dateSecond = Number.NaN;
let dateText = '';

/** An HTTP date (`Tue, 01 Jan 2030 00:00:00 GMT`), made once per second of the clock it reads. */
export function httpDate(epochMs: number): string {
  const second = Math.floor(epochMs / 1000);
  if (second !== dateSecond) {
    dateSecond = second;
    dateText = new Date(second * 1000).toUTCString();
  }
  return dateText;
}
