import type { FastifyReply } from 'fastify';
import type { ApiError } from '../core/massive/errors.ts';

/**
 * A header value that any client can read and Node always accepts: printable ASCII is kept, every
 * other character (controls, DEL, non-ASCII) and `%` itself are percent-encoded as UTF-8, so
 * `decodeURIComponent` gives back the exact text. Node refuses control characters outright
 * (ERR_INVALID_CHAR) and sends other code points as Latin-1, which mangles `東京`.
 */
export function headerText(text: string): string {
  return text.toWellFormed().replace(/[^\x20-\x24\x26-\x7e]+/gu, (run) => encodeURIComponent(run));
}

/**
 * Sets a header whose value carries text from a request (a city, a `Prefer` part): every such
 * header goes through here, encoded by `headerText`.
 */
export function setTextHeader(
  reply: FastifyReply,
  name: string,
  value: string | readonly string[],
): FastifyReply {
  return reply.header(name, typeof value === 'string' ? headerText(value) : value.map(headerText));
}

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
