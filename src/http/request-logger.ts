import { tracingChannel } from 'node:diagnostics_channel';
import type { FastifyBaseLogger } from 'fastify';
import pino, { type Bindings, type ChildLoggerOptions } from 'pino';

const {
  chindingsSym,
  endSym,
  formattersSym,
  hooksSym,
  lsCacheSym,
  messageKeySym,
  mixinSym,
  needsMetadataGsym,
  nestedKeySym,
  serializersSym,
  streamSym,
  stringifiersSym,
  timeSym,
} = pino.symbols;
// Missing from pino's types, there at run time.
const { msgPrefixSym } = pino.symbols as unknown as { msgPrefixSym: symbol };

/** Pino's state behind its symbols (`pino.symbols`, exported for this kind of use). */
type Internals = Record<symbol, unknown> & {
  levels: { values: Record<string, number> };
  onChild?: { name: string };
};

/** A line's own fields: strings and finite numbers, as a request's line has. */
export type LineFields = Record<string, string | number>;

/** The keys a request's line carries besides the request's own binding. */
const LINE_KEYS = ['method', 'path', 'status', 'ms', 'cache', 'fault', 'fixture', 'replayed'];

// Pino reports every line it makes to this channel's subscribers: with one, lines take pino's path.
let asJsonTracing: ReturnType<typeof tracingChannel> | undefined;

const plainness = new WeakMap<object, boolean>();

/**
 * Whether a pino logger adds nothing of its own to a line made of strings and numbers (no mixin,
 * formatter of lines, serializer or redaction of a line's keys, hook, prefix, nesting, or stream
 * that wants each line's metadata): then `plainLine` writes what pino would, byte for byte
 * (test/http/request-logger.test.ts compares them).
 */
function isPlain(logger: object, bindings: Bindings): boolean {
  const internals = logger as Internals;
  const serializers = internals[serializersSym] as Record<string, unknown> | undefined;
  let plain = plainness.get(logger);
  if (plain === undefined) {
    const hooks = internals[hooksSym] as { logMethod?: unknown; streamWrite?: unknown } | undefined;
    const stringifiers = internals[stringifiersSym] as object | undefined;
    const stream = internals[streamSym] as { write?: unknown; [needsMetadataGsym]?: unknown } | undefined;
    plain =
      typeof internals[chindingsSym] === 'string' &&
      typeof internals[lsCacheSym] === 'object' &&
      typeof internals[timeSym] === 'function' &&
      typeof internals[messageKeySym] === 'string' &&
      typeof stream?.write === 'function' &&
      stream[needsMetadataGsym] !== true &&
      !internals[mixinSym] &&
      !(internals[formattersSym] as { log?: unknown } | undefined)?.log &&
      !hooks?.logMethod &&
      !hooks?.streamWrite &&
      typeof internals[msgPrefixSym] !== 'string' &&
      !internals[nestedKeySym] &&
      (!stringifiers || Reflect.ownKeys(stringifiers).length === 0) &&
      internals.onChild?.name === 'noop' &&
      !LINE_KEYS.some((key) => serializers?.[key]);
    plainness.set(logger, plain);
  }
  // The request's own binding is checked each time: the logger's answer above holds for any.
  for (const key in bindings) if (serializers?.[key]) return false;
  asJsonTracing ??= tracingChannel('pino_asJson');
  return plain && !asJsonTracing.hasSubscribers;
}

/** A string or finite number as JSON; pino's own escaping gives the same text for these. */
const json = (value: string | number) => (typeof value === 'number' ? String(value) : JSON.stringify(value));

/**
 * Pino's default time, `,"time":<ms>`, made once a millisecond: under load a millisecond has tens
 * of lines, and each made its own.
 */
const epochTime = pino.stdTimeFunctions.epochTime;
let stampedAt = Number.NaN;
let stamp = '';
function timeOf(time: () => string): string {
  if (time !== epochTime) return time();
  const now = Date.now();
  if (now !== stampedAt) {
    stampedAt = now;
    stamp = `,"time":${now}`;
  }
  return stamp;
}

/** The line `logger.child(bindings)[level](fields, msg)` writes, written without making the child. */
function plainLine(logger: object, bindings: Bindings, level: string, fields: LineFields, msg: string): void {
  const internals = logger as Internals;
  const num = internals.levels.values[level] ?? 30;
  let line =
    (internals[lsCacheSym] as Record<number, string>)[num] +
    timeOf(internals[timeSym] as () => string) +
    (internals[chindingsSym] as string);
  for (const key in bindings) line += `,"${key}":${json(bindings[key] as string | number)}`;
  for (const key in fields) line += `,"${key}":${json(fields[key] as string | number)}`;
  line += `,"${internals[messageKeySym] as string}":${JSON.stringify(msg)}${internals[endSym] as string}`;
  (internals[streamSym] as { write(line: string): unknown }).write(line);
}

/**
 * A request's logger (Fastify's `childLoggerFactory`): pino's child is made only when something
 * logs through it, as an error does. A request's one line of success (request-log.ts) is written
 * from the parent and the request's binding with `line`. Making a child for each request and
 * writing its line through pino's general path cost `/ai/devices` about 4 µs of its ~50 µs of CPU
 * a call (December 2026, with `--log-level warn` as the control, wrk on /ai/devices).
 */
export class RequestLogger {
  #made: FastifyBaseLogger | undefined;
  readonly #parent: FastifyBaseLogger;
  readonly #bindings: Bindings;
  readonly #options: ChildLoggerOptions;

  constructor(parent: FastifyBaseLogger, bindings: Bindings, options: ChildLoggerOptions) {
    this.#parent = parent;
    this.#bindings = bindings;
    this.#options = options;
  }

  private made(): FastifyBaseLogger {
    return (this.#made ??= this.#parent.child(this.#bindings, this.#options));
  }

  fatal(...args: unknown[]): void {
    (this.made().fatal as (...args: unknown[]) => void)(...args);
  }

  error(...args: unknown[]): void {
    (this.made().error as (...args: unknown[]) => void)(...args);
  }

  warn(...args: unknown[]): void {
    (this.made().warn as (...args: unknown[]) => void)(...args);
  }

  info(...args: unknown[]): void {
    (this.made().info as (...args: unknown[]) => void)(...args);
  }

  debug(...args: unknown[]): void {
    (this.made().debug as (...args: unknown[]) => void)(...args);
  }

  trace(...args: unknown[]): void {
    (this.made().trace as (...args: unknown[]) => void)(...args);
  }

  silent(): void {}

  get level(): string {
    return this.#made?.level ?? this.#options.level ?? this.#parent.level;
  }

  set level(level: string) {
    this.made().level = level;
  }

  child(bindings: Bindings, options?: ChildLoggerOptions): FastifyBaseLogger {
    return this.made().child(bindings, options);
  }

  isLevelEnabled(level: string): boolean {
    const logger = this.#made ?? (this.#options.level === undefined ? this.#parent : this.made());
    return (logger as { isLevelEnabled?: (level: string) => boolean }).isLevelEnabled?.(level) !== false;
  }

  bindings(): Bindings {
    return (this.made() as { bindings?: () => Bindings }).bindings?.() ?? this.#bindings;
  }

  /** Writes a line at `level` (enabled: the caller checks), without a child where pino allows. */
  line(level: 'info' | 'debug', fields: LineFields, msg: string): void {
    if (
      !this.#made &&
      !this.#options.level &&
      !this.#options.serializers &&
      isPlain(this.#parent, this.#bindings)
    )
      plainLine(this.#parent, this.#bindings, level, fields, msg);
    else this.made()[level](fields, msg);
  }
}

/** Fastify's `childLoggerFactory`: a request's logger, as its own factory's child would be. */
export const requestLogger = (parent: FastifyBaseLogger, bindings: Bindings, options: ChildLoggerOptions) =>
  new RequestLogger(parent, bindings, options) as unknown as FastifyBaseLogger;
