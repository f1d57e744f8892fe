import { performance } from 'node:perf_hooks';
import { Worker } from 'node:worker_threads';
import type { Format } from '../../core/massive/params/request.ts';
import { type BodyParts, type PackedBody, unpackBody } from '../../core/massive/revisions/encode.ts';
import type { StoredAnswer } from '../../core/massive/store.ts';

export interface AnswerJob {
  id: number;
  answer: StoredAnswer;
  format: Format;
  revision: string;
}

export type AnswerResult = { id: number; packed: PackedBody } | { id: number; error: string };

/**
 * Fresh answers a second past which replies are made on worker threads: below it, making one here
 * costs less than handing it over, and no thread (nor its memory) is started for a few calls.
 */
const BUSY_PER_SECOND = 50;
/**
 * Workers idle this long are stopped, and their memory (tens of MB each) goes back; starting one
 * again costs a few hundred ms of CPU, on its own thread.
 */
const IDLE_MS = 5_000;

/**
 * A worker's young generation: a page made allocates a few MB that die at once, and a small young
 * generation collects several times a page. A process-wide --max-semi-space-size (the image's)
 * overrides it; unsetting that flag for the workers (v8.setFlagsFromString) cut their GC time but
 * not the time to an answer, which the main thread bounds (1,660-1,710 fresh answers a second
 * either way), and cost 30 MB of resident memory, so they keep the image's small semi-spaces.
 */
const YOUNG_GENERATION_MB = 48;

/** The worker's file beside this one: .ts when run from src/ (type stripping), .js from dist/. */
const WORKER_URL = new URL(
  `./answer-worker${import.meta.url.endsWith('.ts') ? '.ts' : '.js'}`,
  import.meta.url,
);

interface Waiting {
  resolve: (body: BodyParts) => void;
  reject: (error: Error) => void;
}

/**
 * Worker threads that make replies (generation, rendering and encoding, a pure function of the
 * answer's inputs) once the event loop is busy with them: the loop then only reads, writes and
 * keeps books, so other calls are not held behind pages being made. The bytes are the same
 * whichever thread makes them (test/http/answer-workers.test.ts).
 */
export class AnswerWorkers {
  readonly #size: number;
  readonly #busyPerSecond: number;
  #workers: Worker[] = [];
  /** The workers started and ready for work, in turn. */
  #ready: Worker[] = [];
  #next = 0;
  #ids = 0;
  readonly #waiting = new Map<number, Waiting>();
  #windowStart = Number.NEGATIVE_INFINITY;
  #windowCount = 0;
  #lastUse = 0;
  #idleTimer: NodeJS.Timeout | undefined;
  #handedOver = 0;

  /** `busyPerSecond` 0 hands every answer over as soon as the workers are up (tests). */
  constructor(size: number, busyPerSecond = BUSY_PER_SECOND) {
    this.#size = size;
    this.#busyPerSecond = busyPerSecond;
  }

  /**
   * The reply, made on a worker thread; undefined when none is ready (make it on this thread):
   * they start once answers come faster than BUSY_PER_SECOND.
   */
  make(answer: StoredAnswer, format: Format, revision: string): Promise<BodyParts> | undefined {
    if (this.#size === 0) return undefined;
    const now = performance.now();
    this.#lastUse = now;
    if (this.#workers.length === 0) {
      if (now - this.#windowStart > 1000) {
        this.#windowStart = now;
        this.#windowCount = 0;
      }
      if (++this.#windowCount >= this.#busyPerSecond) this.#start();
      return undefined;
    }
    const worker = this.#ready[this.#next++ % this.#ready.length];
    if (!worker) return undefined;
    const id = ++this.#ids;
    this.#handedOver++;
    return new Promise<BodyParts>((resolve, reject) => {
      this.#waiting.set(id, { resolve, reject });
      worker.postMessage({ id, answer, format, revision } satisfies AnswerJob);
    });
  }

  /** Replies made on the workers so far. */
  get handedOver(): number {
    return this.#handedOver;
  }

  /** Stops the workers now; what they were making fails. */
  async close(): Promise<void> {
    await this.#stop(new Error('the answer workers were closed'));
  }

  #start(): void {
    for (let i = 0; i < this.#size; i++) {
      const worker = new Worker(WORKER_URL, {
        resourceLimits: { maxYoungGenerationSizeMb: YOUNG_GENERATION_MB },
      });
      // A worker does not keep the process alive: the server, or a call waiting for it, does.
      worker.unref();
      worker.on('online', () => this.#ready.push(worker));
      worker.on('message', (result: AnswerResult) => this.#settle(result));
      worker.on('error', (error) => void this.#stop(error));
      worker.on('exit', () => {
        if (this.#workers.includes(worker)) void this.#stop(new Error('an answer worker exited'));
      });
      this.#workers.push(worker);
    }
    this.#idleTimer = setInterval(() => {
      if (performance.now() - this.#lastUse > IDLE_MS && this.#waiting.size === 0)
        void this.#stop(new Error('idle'));
    }, IDLE_MS / 5);
    this.#idleTimer.unref();
  }

  #settle(result: AnswerResult): void {
    const waiting = this.#waiting.get(result.id);
    if (!waiting) return;
    this.#waiting.delete(result.id);
    if ('error' in result) waiting.reject(new Error(`making a reply failed: ${result.error}`));
    else waiting.resolve(unpackBody(result.packed));
  }

  async #stop(reason: Error): Promise<void> {
    const workers = this.#workers;
    this.#workers = [];
    this.#ready = [];
    this.#windowStart = Number.NEGATIVE_INFINITY;
    clearInterval(this.#idleTimer);
    for (const waiting of this.#waiting.values()) waiting.reject(reason);
    this.#waiting.clear();
    await Promise.all(workers.map((worker) => worker.terminate()));
  }
}

const pools = new Map<number, AnswerWorkers>();

/**
 * The process's pool of `size` threads (none for 0), shared by every instance and session: the
 * cores are the machine's, and a pool per session would start threads per session.
 */
export function answerWorkers(size: number): AnswerWorkers | undefined {
  if (size === 0) return undefined;
  let pool = pools.get(size);
  if (!pool) pools.set(size, (pool = new AnswerWorkers(size)));
  return pool;
}
