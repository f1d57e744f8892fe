import { Writable } from 'node:stream';
import { setImmediate as turn, setTimeout as sleep } from 'node:timers/promises';
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
  it('after a quiet spell, writes the lines of one turn in one write at the end of the turn', async () => {
    const { out, writes } = sink();
    const lines = batchedLines(() => out, { delayMs: 30 });
    lines.write('{"msg":"one"}\n');
    lines.write('{"msg":"two"}\n');
    expect(writes).toEqual([]);
    await turn();
    expect(writes).toEqual(['{"msg":"one"}\n{"msg":"two"}\n']);
  });

  it('while lines keep coming, writes at most once per delay, all of them in order', async () => {
    const { out, writes } = sink();
    const lines = batchedLines(() => out, { delayMs: 40 });
    lines.write('{"msg":"one"}\n');
    await turn();
    lines.write('{"msg":"two"}\n');
    await turn();
    lines.write('{"msg":"three"}\n');
    await turn();
    expect(writes).toEqual(['{"msg":"one"}\n']);
    await sleep(80);
    expect(writes).toEqual(['{"msg":"one"}\n', '{"msg":"two"}\n{"msg":"three"}\n']);
  });

  it('writes at once when the pending lines reach the size bound', async () => {
    const { out, writes } = sink();
    const lines = batchedLines(() => out, { delayMs: 60_000, maxBytes: 20 });
    lines.write('{"msg":"one"}\n');
    await turn();
    lines.write('{"msg":"two"}\n');
    expect(writes).toEqual(['{"msg":"one"}\n']);
    lines.write('{"msg":"three"}\n');
    expect(writes).toEqual(['{"msg":"one"}\n', '{"msg":"two"}\n{"msg":"three"}\n']);
  });

  it('writes lines longer than its buffer, and text beyond ASCII, whole and in order', async () => {
    const { out, writes } = sink();
    const lines = batchedLines(() => out, { delayMs: 60_000, maxBytes: 16 });
    const long = `{"msg":"${'é'.repeat(40)} ✓ 🙂"}\n`;
    lines.write('{"a":1}\n');
    lines.write(long);
    lines.write('{"b":"ü"}\n');
    await turn();
    expect(writes.join('')).toBe(`{"a":1}\n${long}{"b":"ü"}\n`);
    expect(writes).toEqual([`{"a":1}\n${long}`, '{"b":"ü"}\n']);
  });
});
