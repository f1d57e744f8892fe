import { lookup } from 'node:dns/promises';
import { networkInterfaces } from 'node:os';
import { isIP } from 'node:net';
import type { HostPolicy } from '../../core/massive/async/callback-hosts.ts';
import type {
  CallbackRequest,
  CallbackSender,
  SendResult,
  Where,
} from '../../core/massive/async/callback-scheduler.ts';

/** How long a receiver gets to answer before the attempt counts as timed out. */
export const CALLBACK_TIMEOUT_MS = 5000;

const bare = (hostname: string) => hostname.toLowerCase().replace(/^\[|\]$/g, '');
const portOf = (url: URL) => Number(url.port || (url.protocol === 'https:' ? 443 : 80));
const LOCAL_NAME = /^(?:localhost|.+\.localhost)$/;

/** Whether an address is this machine's: loopback, unspecified, or one of its interfaces'. */
function isOwnAddress(address: string): boolean {
  const plain = address.replace(/^::ffff:(?=\d+\.)/i, '').toLowerCase();
  if (/^127\./.test(plain) || plain === '::1' || plain === '0.0.0.0' || plain === '::') return true;
  return Object.values(networkInterfaces()).some((entries) =>
    (entries ?? []).some((entry) => entry.address.toLowerCase() === plain),
  );
}

/**
 * Whether a call to `host:port` (resolved to `addresses`) reaches the emulator itself: a callback
 * to its own API or admin API (`/__admin/reset`) would let any caller drive it, or probe with it.
 */
function aimsAtSelf(host: string, port: number, addresses: readonly string[], self: Where): boolean {
  if (port !== self.port) return false;
  return host === bare(self.host) || addresses.some(isOwnAddress);
}

const selfText = (host: string, port: number) =>
  `must not aim at massive-mock itself (${host}:${port} is where it listens)`;

/**
 * Sends callback notifications with fetch: only to hosts the policy allows (a name is resolved
 * first, so a Compose service name on a private network passes the default), never to the
 * emulator itself, with a timeout, never following redirects. Never throws: every way it can go
 * is a SendResult.
 */
export function createCallbackSender(options: {
  policy: HostPolicy;
  userAgent: string;
  timeoutMs?: number;
}): CallbackSender {
  const { policy, timeoutMs = CALLBACK_TIMEOUT_MS } = options;
  const refusal = (host: string, addresses: readonly string[]) =>
    `${host} (${addresses.join(', ')}) is not allowed by --callback-hosts (${policy.entries.join(', ')})`;
  return {
    screen(url, self) {
      const host = bare(url.hostname);
      const addresses = isIP(host) ? [host] : LOCAL_NAME.test(host) ? ['127.0.0.1', '::1'] : [];
      if (aimsAtSelf(host, portOf(url), addresses, self)) return selfText(host, portOf(url));
      // A name is resolved when the attempt is due: its refusal is then journaled.
      if (addresses.length && !policy.allows(host, addresses))
        return `must name an allowed host: ${refusal(host, addresses)}`;
      return undefined;
    },
    async send(request: CallbackRequest): Promise<SendResult> {
      const started = performance.now();
      const took = () => Math.round((performance.now() - started) * 100) / 100;
      const url = new URL(request.url);
      const host = bare(url.hostname);
      let addresses: string[];
      try {
        addresses = isIP(host) ? [host] : (await lookup(host, { all: true })).map((entry) => entry.address);
      } catch (error) {
        return {
          kind: 'error',
          detail: `cannot resolve ${host}: ${(error as Error).message}`,
          durationMs: took(),
        };
      }
      if (request.self && aimsAtSelf(host, portOf(url), addresses, request.self))
        return { kind: 'refused', detail: `${selfText(host, portOf(url))}; never sent`, durationMs: took() };
      if (!policy.allows(host, addresses))
        return { kind: 'refused', detail: `${refusal(host, addresses)}; never sent`, durationMs: took() };
      try {
        const response = await fetch(request.url, {
          method: 'POST',
          headers: { 'user-agent': options.userAgent, ...request.headers },
          body: request.body,
          redirect: 'manual',
          signal: AbortSignal.timeout(timeoutMs),
        });
        await response.body?.cancel();
        return { kind: 'answered', status: response.status, durationMs: took() };
      } catch (error) {
        const { name, message, cause } = error as Error & { cause?: { code?: string } };
        const detail =
          name === 'TimeoutError'
            ? `no answer within ${timeoutMs} ms`
            : `${message}${cause?.code ? ` (${cause.code})` : ''}`;
        return { kind: 'error', detail, durationMs: took() };
      }
    },
  };
}
