import { lookup } from 'node:dns/promises';
import { isIP } from 'node:net';
import type { HostPolicy } from '../../core/massive/async/callback-hosts.ts';
import type {
  CallbackRequest,
  CallbackSender,
  SendResult,
} from '../../core/massive/async/callback-scheduler.ts';

/** How long a receiver gets to answer before the attempt counts as timed out. */
export const CALLBACK_TIMEOUT_MS = 5000;

/**
 * Sends callback notifications with fetch: only to hosts the policy allows (a name is resolved
 * first, so a Compose service name on a private network passes the default), with a timeout,
 * never following redirects. Never throws: every way it can go is a SendResult.
 */
export function createCallbackSender(options: {
  policy: HostPolicy;
  userAgent: string;
  timeoutMs?: number;
}): CallbackSender {
  const { policy, timeoutMs = CALLBACK_TIMEOUT_MS } = options;
  return {
    async send(request: CallbackRequest): Promise<SendResult> {
      const started = performance.now();
      const took = () => Math.round((performance.now() - started) * 100) / 100;
      const { hostname } = new URL(request.url);
      const host = hostname.replace(/^\[|\]$/g, '');
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
      if (!policy.allows(host, addresses))
        return {
          kind: 'refused',
          detail: `${host} (${addresses.join(', ')}) is not allowed by --callback-hosts (${policy.entries.join(', ')}); never sent`,
          durationMs: took(),
        };
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
