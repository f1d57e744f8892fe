import type { Server } from 'node:http';
import { Duplex } from 'node:stream';
import type { Socket } from 'node:net';

/** What Node's HTTP parser refused, in the house style: a status line and a plain-text reason. */
const REASONS: Record<string, [number, string]> = {
  HPE_HEADER_OVERFLOW: [431, 'the request head is larger than the 32 KiB allowed'],
  ERR_HTTP_REQUEST_TIMEOUT: [408, 'the request did not arrive in time'],
  ERR_HTTP_HEADERS_TIMEOUT: [408, 'the request headers did not arrive in time'],
};

function answerText(socket: Socket | Duplex, status: number, text: string): void {
  const body = Buffer.from(`${text}\n`);
  const reason =
    status === 431 ? 'Request Header Fields Too Large' : status === 408 ? 'Request Timeout' : 'Bad Request';
  socket.end(
    `HTTP/1.1 ${status} ${reason}\r\nContent-Type: text/plain; charset=utf-8\r\n` +
      `Content-Length: ${body.length}\r\nConnection: close\r\n\r\n${body.toString()}`,
  );
}

/**
 * The request line with every byte past ASCII percent-encoded, as a browser or curl's `--data-urlencode`
 * would have sent `?prompt=café`; undefined when the packet has no complete request line.
 */
function encodedHead(packet: Buffer): Buffer | undefined {
  const end = packet.indexOf('\r\n');
  if (end < 0) return undefined;
  const line = packet.subarray(0, end);
  if (!line.some((byte) => byte > 0x7f)) return undefined;
  const encoded = [...line].map((byte) =>
    byte > 0x7f ? `%${byte.toString(16).toUpperCase()}` : String.fromCharCode(byte),
  );
  return Buffer.concat([Buffer.from(encoded.join(''), 'latin1'), packet.subarray(end)]);
}

/**
 * Hands the connection back to the server with its request line encoded: a stream that replays the
 * fixed head, then whatever else the socket receives, and writes the answer to the socket.
 */
function replay(server: Server, socket: Socket, head: Buffer): void {
  const stream = new Duplex({
    read() {},
    write(chunk, _encoding, done) {
      socket.write(chunk, done);
    },
    final(done) {
      socket.end(done);
    },
    destroy(error, done) {
      socket.destroy(error ?? undefined);
      done(error);
    },
  });
  stream.push(head);
  socket.on('data', (chunk) => stream.push(chunk));
  socket.on('end', () => stream.push(null));
  socket.on('close', () => stream.destroy());
  Object.assign(stream, {
    remoteAddress: socket.remoteAddress,
    remotePort: socket.remotePort,
    encrypted: false,
  });
  server.emit('connection', stream);
}

/**
 * Fastify's `clientErrorHandler`: what Node's parser refuses before any route runs. A raw UTF-8
 * character in the URL (`?prompt=café` sent unencoded) is read as the client meant it; anything
 * else is a plain-text 4xx naming the problem, like every other error the emulator gives.
 */
export function onClientError(this: { server: Server }, failure: Error, socket: Socket): void {
  const error = failure as Error & { code?: string; rawPacket?: Buffer };
  if (!socket.writable) return void socket.destroy();
  const head = error.code === 'HPE_INVALID_URL' && error.rawPacket ? encodedHead(error.rawPacket) : undefined;
  if (head) return replay(this.server, socket, head);
  const [status, text] = REASONS[error.code ?? ''] ?? [
    400,
    `the request is not valid HTTP (${error.code ?? error.message})`,
  ];
  answerText(socket, status, text);
}
