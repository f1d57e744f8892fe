import type { FastifyBaseLogger } from 'fastify';
import pino, { type LoggerOptions } from 'pino';
import { describe, expect, it } from 'vitest';
import { type LineFields, RequestLogger } from '../../src/http/request-logger.ts';

/** A pino logger writing into an array, at a fixed time so that two lines can be compared. */
function capture(options: LoggerOptions = {}) {
  const lines: string[] = [];
  const logger = pino(
    { level: 'debug', timestamp: () => ',"time":1764900000000', ...options },
    { write: (line: string) => void lines.push(line) },
  );
  // Counts the children made: a plain line needs none.
  const children = { made: 0 };
  const child = logger.child.bind(logger);
  logger.child = ((...args: Parameters<typeof child>) => {
    children.made++;
    return child(...args);
  }) as typeof logger.child;
  return { logger, lines, children };
}

const FIELDS_CASES: LineFields[] = [
  { method: 'GET', path: '/ai/devices', status: 200, ms: 0.3 },
  { method: 'GET', path: '/ai', status: 429, ms: 12, cache: 'miss', fault: 'rate,slow', fixture: 'x.json' },
  // Pino escapes short strings itself and leaves long ones and control characters to JSON.stringify.
  { method: 'GET', path: '/a"b\\c/é/日本', status: 404, ms: 1.5 },
  { method: 'GET', path: `/${'x'.repeat(150)}"`, status: 200, ms: 0 },
  { method: 'GET', path: '/tab\there\u0001', status: 400, ms: 2.25 },
];

describe("a request's logger", () => {
  it.each(FIELDS_CASES)('writes its line as pino does: $path', (fields) => {
    const mine = capture();
    const theirs = capture();
    const msg = `${fields.method} ${fields.path} ${fields.status}`;
    new RequestLogger(mine.logger, { reqId: 'req-7' }, {}).line('info', fields, msg);
    theirs.logger.child({ reqId: 'req-7' }, {}).info(fields, msg);
    expect(mine.lines).toHaveLength(1);
    expect(mine.lines).toEqual(theirs.lines);
    expect(mine.children.made).toBe(0);
    expect(JSON.parse(mine.lines[0] ?? '')).toMatchObject({ level: 30, reqId: 'req-7', ...fields, msg });
  });

  it('writes at the level it is asked, with the base bindings (pid, hostname) first', () => {
    const mine = capture({ base: { pid: 42, hostname: 'box' } });
    new RequestLogger(mine.logger, { reqId: 'req-1' }, {}).line('debug', { method: 'GET' }, 'm');
    expect(mine.lines).toEqual([
      '{"level":20,"time":1764900000000,"pid":42,"hostname":"box","reqId":"req-1","method":"GET","msg":"m"}\n',
    ]);
  });

  it.each<[string, LoggerOptions]>([
    ['a mixin', { mixin: () => ({ extra: 1 }) }],
    ['a redacted path', { redact: ['path'] }],
    ['a serializer of a line key', { serializers: { status: (status: number) => `s${status}` } }],
    ["a serializer of the request's binding", { serializers: { reqId: (id: string) => `r-${id}` } }],
    ['a formatter of lines', { formatters: { log: (object) => ({ wrapped: object }) } }],
    ['a message prefix', { msgPrefix: '[mock] ' }],
  ])("leaves lines to pino when the logger has %s, and they come out as pino's", (_name, options) => {
    const mine = capture(options);
    const theirs = capture(options);
    const fields = { method: 'GET', path: '/ai', status: 200, ms: 1 };
    new RequestLogger(mine.logger, { reqId: 'req-2' }, {}).line('info', fields, 'GET /ai 200 1ms');
    theirs.logger.child({ reqId: 'req-2' }, {}).info(fields, 'GET /ai 200 1ms');
    expect(mine.lines).toEqual(theirs.lines);
    expect(mine.children.made).toBe(1);
    // The option shows in the line: a plain logger's differs.
    const plain = capture();
    new RequestLogger(plain.logger, { reqId: 'req-2' }, {}).line('info', fields, 'GET /ai 200 1ms');
    expect(mine.lines).not.toEqual(plain.lines);
  });

  it("makes pino's child for any other use, once, with the request's binding", () => {
    const mine = capture();
    const logger = new RequestLogger(mine.logger, { reqId: 'req-3' }, {}) as unknown as FastifyBaseLogger;
    logger.error({ err: new Error('boom') }, 'unexpected error');
    logger.warn('careful');
    expect(mine.lines.map((line) => JSON.parse(line) as object)).toEqual([
      expect.objectContaining({ level: 50, reqId: 'req-3', msg: 'unexpected error' }),
      expect.objectContaining({ level: 40, reqId: 'req-3', msg: 'careful' }),
    ]);
    expect(mine.children.made).toBe(1);
    expect(logger.level).toBe('debug');
  });

  it("follows a route's own level", () => {
    const mine = capture();
    const logger = new RequestLogger(mine.logger, { reqId: 'req-4' }, { level: 'warn' });
    expect(logger.isLevelEnabled('info')).toBe(false);
    expect(logger.isLevelEnabled('warn')).toBe(true);
    expect(new RequestLogger(mine.logger, { reqId: 'req-5' }, {}).isLevelEnabled('debug')).toBe(true);
  });
});
