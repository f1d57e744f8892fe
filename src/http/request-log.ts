import { type FastifyReply, type FastifyRequest, LogController } from 'fastify';
import { redactText } from '../core/kernel/redact.ts';

/**
 * One log line per request, at debug, instead of Fastify's two at info: those two cost a busy
 * server about a fifth of its time (bench/RESULTS.md), and the journal (/__admin/journal) keeps
 * what each request was anyway. Errors stay at error.
 */
export class RequestLog extends LogController {
  override incomingRequest(): void {}

  override requestCompleted(
    error: Error | null | undefined,
    request: FastifyRequest,
    reply: FastifyReply,
  ): void {
    if (error) {
      reply.log.error({ res: reply, err: error, responseTime: reply.elapsedTime }, 'request errored');
      return;
    }
    if (request.log.level !== 'debug' && request.log.level !== 'trace') return;
    // A query may carry a credential (`?key=`, a callback URL's `user:password@`): logs never do.
    request.log.debug(
      {
        method: request.method,
        url: redactText(request.url),
        status: reply.statusCode,
        ms: reply.elapsedTime,
      },
      'answered',
    );
  }
}
