import { Writable } from 'node:stream';
import { setImmediate as turn } from 'node:timers/promises';
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

describe('log lines written a turn of the event loop at a time', () => {
  it('writes the lines of one turn in one write, in order, and nothing before the turn ends', async () => {
    const { out, writes } = sink();
    const lines = batchedLines(() => out);
    lines.write('{"msg":"one"}\n');
    lines.write('{"msg":"two"}\n');
    expect(writes).toEqual([]);
    await turn();
    lines.write('{"msg":"three"}\n');
    await turn();
    expect(writes).toEqual(['{"msg":"one"}\n{"msg":"two"}\n', '{"msg":"three"}\n']);
  });
});
