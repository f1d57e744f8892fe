/**
 * A worker thread that makes replies (answer-workers.ts): generating, rendering and encoding a
 * fresh answer is most of its cost, and here it runs beside the event loop instead of on it.
 */
import { parentPort } from 'node:worker_threads';
import { packBody } from '../../core/massive/revisions/encode.ts';
import { findRevision } from '../../core/massive/revisions/index.ts';
import { makeReply } from '../../core/massive/revisions/present.ts';
import type { AnswerJob, AnswerResult } from './answer-workers.ts';

const port = parentPort;
if (!port) throw new Error('answer-worker.ts runs as a worker thread');

port.on('message', ({ id, answer, format, revision }: AnswerJob) => {
  let result: AnswerResult;
  try {
    const found = findRevision(revision);
    if (!found) throw new Error(`no revision ${revision}`);
    const made = makeReply(answer, format, found);
    result = { id, packed: packBody(made.model, made.as, made.body) };
  } catch (error) {
    result = { id, error: error instanceof Error ? (error.stack ?? error.message) : String(error) };
  }
  port.postMessage(result, 'packed' in result ? [result.packed.own.buffer as ArrayBuffer] : []);
});
