import { Readable } from 'node:stream';
import type { FastifyReply } from 'fastify';
import type { BodyParts } from '../core/massive/revisions/encode.ts';

/**
 * A reply body that is written as its parts, never joined: joining a 280 kB page means allocating
 * and copying it for every reply, where its parts (the shared chrome among them) are ready as
 * they are. Fastify pipes a stream to the socket, after running its onSend hooks as for any body.
 */
export class PartsStream extends Readable {
  readonly body: BodyParts;

  constructor(body: BodyParts) {
    super();
    this.body = body;
  }

  override _read(): void {
    for (const part of this.body.parts) this.push(part);
    this.push(null);
  }
}

/** Sends a body kept as parts, with its length: sent whole, not chunked. */
export function sendParts(reply: FastifyReply, contentType: string, body: BodyParts): FastifyReply {
  return reply.type(contentType).header('content-length', body.length).send(new PartsStream(body));
}
