/** What the emulator decided for one request: what a test asserts on, WireMock-style. */
export interface Decisions {
  operation?: string;
  cache?: 'hit' | 'miss';
  credits?: number;
  jobId?: string;
  faults?: string[];
  delayMs?: number;
  notices?: string[];
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
  /** The JSON body, for the router's POST requests (request capture). */
  body?: unknown;
  token: string | null;
  status: number;
  /** Real milliseconds the answer took. */
  durationMs: number;
  decisions: Decisions;
}

export interface JournalFilter {
  path?: string;
  method?: string;
  token?: string;
  status?: number;
  /** Clock times, in ms since the epoch, both included. */
  since?: number;
  until?: number;
  limit?: number;
}

/**
 * A bounded ring buffer of requests (WireMock's unbounded journal ran servers out of memory): the
 * oldest entry goes when a new one would pass the size.
 */
export function createJournal(size: number) {
  let ring: JournalEntry[] = [];
  let next = 0;
  let seq = 0;
  /** Oldest first. */
  const entries = () => (ring.length < size ? ring : [...ring.slice(next), ...ring.slice(0, next)]);
  return {
    size,
    record(entry: Omit<JournalEntry, 'seq'>): JournalEntry {
      const recorded = { seq: ++seq, ...entry };
      if (size <= 0) return recorded;
      if (ring.length < size) ring.push(recorded);
      else ring[next] = recorded;
      next = (next + 1) % size;
      return recorded;
    },
    /** Matching entries, oldest first; `limit` keeps the newest ones. */
    list(filter: JournalFilter = {}): JournalEntry[] {
      const found = entries().filter(
        (entry) =>
          (filter.path === undefined || entry.path === filter.path) &&
          (filter.method === undefined || entry.method === filter.method.toUpperCase()) &&
          (filter.token === undefined || entry.token === filter.token) &&
          (filter.status === undefined || entry.status === filter.status) &&
          (filter.since === undefined || entry.time >= filter.since) &&
          (filter.until === undefined || entry.time <= filter.until),
      );
      return filter.limit === undefined ? found : found.slice(Math.max(0, found.length - filter.limit));
    },
    clear(): void {
      ring = [];
      next = 0;
    },
  };
}

export type Journal = ReturnType<typeof createJournal>;
