import type { Format } from '../../core/massive/params/request.ts';
import type { BodyParts } from '../../core/massive/revisions/encode.ts';
import {
  keepReply,
  keptReply,
  makeReply,
  replyName,
  replyType,
} from '../../core/massive/revisions/present.ts';
import type { Revision } from '../../core/massive/revisions/types.ts';
import type { StoredAnswer } from '../../core/massive/store.ts';
import type { AnswerWorkers } from './answer-workers.ts';

/**
 * An answer's reply in the format and the revision's shape the call asked for: kept from an
 * earlier call, else made, on a worker thread when they are running (answer-workers.ts).
 */
export async function replyOf(
  workers: AnswerWorkers | undefined,
  answer: StoredAnswer,
  format: Format,
  revision: Revision,
): Promise<{ contentType: string; body: BodyParts }> {
  const name = replyName(answer, format, revision);
  let body = keptReply(name);
  if (!body) {
    // An older release's row carries its whole page: made here, not copied to a worker.
    const handed = answer.page ? undefined : workers?.make(answer, format, revision.id);
    body = handed ? await handed : makeReply(answer, format, revision).body;
    keepReply(name, body);
  }
  return { contentType: replyType(format), body };
}
