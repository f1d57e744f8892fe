import { Writable } from 'node:stream';
import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { batchedLines } from '../../src/http/request-log.ts';

/** A stdout stand-in that keeps each write it is given. */
function sink() {
  const writes: string[] = [];
  const out = new Writable({
    write(chunk, _encoding, done) {
      writes.push(String(chunk));
      done();
    },
  });
  return { out, writes };
}

describe('log lines written in batches', () => {
  it('writes the lines given within the delay in one write, in order, and nothing before it ends', async () => {
    const { out, writes } = sink();
    const lines = batchedLines(() => out, { delayMs: 30 });
    lines.write('{"msg":"one"}\n');
    await sleep(5);
    lines.write('{"msg":"two"}\n');
    expect(writes).toEqual([]);
    await sleep(60);
    expect(writes).toEqual(['{"msg":"one"}\n{"msg":"two"}\n']);
    lines.write('{"msg":"three"}\n');
    await sleep(60);
    expect(writes).toEqual(['{"msg":"one"}\n{"msg":"two"}\n', '{"msg":"three"}\n']);
  });

  it('writes at once when the pending lines reach the size bound', () => {
    const { out, writes } = sink();
    const lines = batchedLines(() => out, { delayMs: 60_000, maxChars: 20 });
    lines.write('{"msg":"one"}\n');
    expect(writes).toEqual([]);
    lines.write('{"msg":"two"}\n');
    expect(writes).toEqual(['{"msg":"one"}\n{"msg":"two"}\n']);
  });
});
