import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Received {
  headers: IncomingHttpHeaders;
  body: Record<string, unknown>;
}

export interface Receiver {
  url: string;
  received: Received[];
  /** The status the next requests are answered with, in order; 200 once they run out. */
  answers: number[];
  /** Real ms each answer is held back (a slow receiver). */
  holdMs: number;
  close(): Promise<void>;
}

/** A real webhook receiver on 127.0.0.1, recording every notification it is sent. */
export async function startReceiver(): Promise<Receiver> {
  const received: Received[] = [];
  const answers: number[] = [];
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      received.push({
        headers: request.headers,
        body: JSON.parse(Buffer.concat(chunks).toString('utf8')) as Record<string, unknown>,
      });
      response.statusCode = answers.shift() ?? 200;
      setTimeout(() => response.end('ok'), receiver.holdMs);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const receiver: Receiver = {
    url: `http://127.0.0.1:${port}/hook`,
    received,
    answers,
    holdMs: 0,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
  return receiver;
}
