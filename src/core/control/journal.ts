import { sameToken } from '../kernel/redact.ts';

/** What the emulator decided for one request: what a test asserts on, WireMock-style. */
export interface Decisions {
  operation?: string;
  /** The revision that answered. */
  revision?: string;
  /** Answered by record and replay: from a recording, by the upstream, or refused (none recorded). */
  replayed?: 'recording' | 'upstream' | 'missing';
  cache?: 'hit' | 'miss';
  credits?: number;
  jobId?: string;
  batchId?: string;
  faults?: string[];
  delayMs?: number;
  notices?: string[];
  /** The canned answer that answered: its file, or `fixture <id>` for one added at run time. */
  fixture?: string;
  /** Router: the model that answered, the tokens counted, and how a stream ended. */
  model?: string;
  usage?: { prompt_tokens: number; completion_tokens: number; total_tokens: number };
  stream?: { chunks: number; ending: 'done' | 'cut' | 'error' | 'disconnected' };
}

export interface JournalEntry {
  seq: number;
  /** The emulator's clock when the request arrived, in ms since the epoch. */
  time: number;
  method: string;
  path: string;
  query: Record<string, string | string[]>;
  /** The bearer token's fingerprint (`tok_` and 8 hex digits): a token never stays in clear. */
  token: string | null;
  /** Request headers, credentials redacted (see core/capture.ts for the byte budget). */
  headers?: Record<string, string>;
  /** Request body as text, redacted and cut to the budget. */
  body?: string;
  /** Headers or body went past the budget and were cut. */
  truncated?: boolean;
  /** What the emulator answered: headers and body, cut to the same budget. */
  response?: { headers: Record<string, string>; body?: string; truncated?: boolean };
  status: number;
  /** Real milliseconds the answer took. */
  durationMs: number;
  decisions: Decisions;
  /** Set on an attempt to notify a callback, which the emulator made rather than received. */
  kind?: 'callback';
  callback?: CallbackAttemptEntry;
}

/** One attempt at notifying a callback: `path` is its URL, `status` the receiver's (0: none). */
export interface CallbackAttemptEntry {
  deliveryId: string;
  subject: { kind: 'job' | 'batch'; id: string };
  attempt: number;
  /** delivered, failed, error, refused, dropped or recorded (an SQS queue: never sent). */
  outcome: string;
  /** The delivery's status after the attempt. */
  status: string;
  detail: string;
}

/** An answer worked out the first time its entry is read (journal-entry.ts keeps it raw until then). */
export interface DeferredAnswer {
  read(): JournalEntry['response'];
}

/**
 * What `record` takes: an entry whose answer may still be raw. Redacting a reply costs more than
 * serving a small one, and most entries are never read: a deferred answer is read the first time
 * the entry's answer is, and its result kept in its place.
 */
export type RecordedEntry = Omit<JournalEntry, 'seq' | 'response'> & {
  response?: JournalEntry['response'] | DeferredAnswer;
};

const isDeferred = (response: RecordedEntry['response']): response is DeferredAnswer =>
  typeof (response as Partial<DeferredAnswer> | undefined)?.read === 'function';

export interface JournalFilter {
  path?: string;
  method?: string;
  token?: string;
  status?: number;
  /** Clock times, in ms since the epoch, both included. */
  since?: number;
  until?: number;
  limit?: number;
  /** `callback`: only callback attempts; `request`: only requests. */
  kind?: 'callback' | 'request';
}

/**
 * A bounded ring buffer of requests (WireMock's unbounded journal ran servers out of memory): the
 * oldest entry goes when a new one would pass the size.
 */
export function createJournal(size: number) {
  let ring: JournalEntry[] = [];
  let next = 0;
  let seq = 0;
  const listeners = new Set<(entry: JournalEntry) => void>();
  /**
   * The entry with its answer worked out, once: what every read goes through. Until then the
   * answer's place holds what works it out, so that the entry keeps its fields' order.
   */
  const complete = (entry: JournalEntry): JournalEntry => {
    const response = entry.response as RecordedEntry['response'];
    if (isDeferred(response)) entry.response = response.read();
    return entry;
  };
  /** Oldest first. */
  const entries = () => (ring.length < size ? ring : [...ring.slice(next), ...ring.slice(0, next)]);
  return {
    size,
    record(entry: RecordedEntry): JournalEntry {
      // Every field named, in one literal: a spread copy kept some of them in a second object,
      // and an entry outlives young collections (December 2026, heap snapshots of the journal).
      // A field left undefined is left out of the entry's JSON, as an absent one is.
      const recorded: JournalEntry = {
        seq: ++seq,
        time: entry.time,
        method: entry.method,
        path: entry.path,
        query: entry.query,
        token: entry.token,
        headers: entry.headers,
        body: entry.body,
        truncated: entry.truncated,
        response: entry.response as JournalEntry['response'],
        status: entry.status,
        durationMs: entry.durationMs,
        decisions: entry.decisions,
        kind: entry.kind,
        callback: entry.callback,
      };
      if (size > 0) {
        if (ring.length < size) ring.push(recorded);
        else ring[next] = recorded;
        next = (next + 1) % size;
      }
      for (const listener of listeners) listener(recorded);
      return recorded;
    },
    /** Matching entries, oldest first; `limit` keeps the newest ones. */
    list(filter: JournalFilter = {}): JournalEntry[] {
      const found = entries().filter(
        (entry) =>
          (filter.path === undefined || entry.path === filter.path) &&
          (filter.method === undefined || entry.method === filter.method.toUpperCase()) &&
          (filter.token === undefined || sameToken(filter.token, entry.token)) &&
          (filter.status === undefined || entry.status === filter.status) &&
          (filter.since === undefined || entry.time >= filter.since) &&
          (filter.until === undefined || entry.time <= filter.until) &&
          (filter.kind === undefined || (entry.kind ?? 'request') === filter.kind),
      );
      const kept = filter.limit === undefined ? found : found.slice(Math.max(0, found.length - filter.limit));
      return kept.map(complete);
    },
    /** An entry a listener was given, with its answer: listeners get it before it is worked out. */
    complete,
    /**
     * Calls `listener` with every entry recorded from now on; returns the unsubscribe. The entry's
     * `response` may not be worked out yet: `complete` does it.
     */
    subscribe(listener: (entry: JournalEntry) => void): () => void {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    clear(): void {
      ring = [];
      next = 0;
    },
  };
}

export type Journal = ReturnType<typeof createJournal>;
