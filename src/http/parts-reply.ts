import { Readable, type Writable } from 'node:stream';
import type { FastifyReply } from 'fastify';
import type { BodyParts } from '../core/massive/revisions/encode.ts';

/**
 * A reply body that is written as its parts, never joined: joining a 280 kB page means allocating
 * and copying it for every reply, where its parts (the shared chrome among them) are ready as
 * they are. Fastify sends a stream body by piping it, after running its onSend hooks as for any
 * body; piped part by part, each part would be a write call of its own, so piping writes them
 * corked instead: the socket sends them in one.
 */
export class PartsStream extends Readable {
  readonly body: BodyParts;
  #written = false;

  constructor(body: BodyParts) {
    super();
    this.body = body;
  }

  override _read(): void {
    if (!this.#written) for (const part of this.body.parts) this.push(part);
    this.push(null);
  }

  override pipe<T extends NodeJS.WritableStream>(destination: T, options?: { end?: boolean }): T {
    const out = destination as unknown as Writable;
    this.#written = true;
    out.cork();
    for (const part of this.body.parts) out.write(part);
    if (options?.end === false) process.nextTick(() => out.uncork());
    else out.end();
    // Ended, with nothing left to read: whoever waits for this stream's end sees it.
    this.resume();
    return destination;
  }
}

/** Sends a body kept as parts, with its length: sent whole, not chunked. */
export function sendParts(reply: FastifyReply, contentType: string, body: BodyParts): FastifyReply {
  return reply.type(contentType).header('content-length', body.length).send(new PartsStream(body));
}
