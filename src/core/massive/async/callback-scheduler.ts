import { type CallbackTarget, MAX_ATTEMPTS, parseCallback, retryDelayMs } from './callbacks.ts';
import type { Clock } from '../../kernel/clock.ts';
import type { CallbackFault } from '../../control/faults.ts';
import type { Journal } from '../../control/journal.ts';
import { drawUuid } from '../../kernel/random.ts';
import type { DeliveryAttempt, DeliveryRecord, DeliveryStatus, Store } from '../store.ts';

/** One notification to POST, and how the receiver took it. */
export interface CallbackRequest {
  url: string;
  body: string;
  headers: Record<string, string>;
}

export type SendResult = { durationMs: number } & (
  | { kind: 'answered'; status: number }
  | { kind: 'error'; detail: string }
  | { kind: 'refused'; detail: string }
);

/** The adapter that makes the real HTTP request (src/http/callback-sender.ts). */
export interface CallbackSender {
  send(request: CallbackRequest): Promise<SendResult>;
}

/** A clock the scheduler can set timers on (the VirtualClock). */
export interface TimerClock extends Clock {
  at(epochMs: number, fire: () => void): () => void;
}

/** What a delivery's subject (a job or a batch) looks like now. */
export interface SubjectView {
  token: string;
  /** When it finishes (or finished): the first attempt is due then. */
  finishedAt: number;
  /** The notification's body. */
  payload: Record<string, unknown>;
}

export interface SchedulerOptions {
  store: Store;
  clock: TimerClock;
  seed: number;
  sender: CallbackSender;
  journal: Journal;
  /** The subject of a delivery as it is now; undefined once it is gone (a reset). */
  subject(delivery: DeliveryRecord): SubjectView | undefined;
}

/** A delivery as the admin API lists it: its record and every attempt. */
export interface DeliveryView extends DeliveryRecord {
  attemptsMade: DeliveryAttempt[];
}

/** What an attempt came to: its outcome, and the delivery's status after it. */
interface Settled {
  outcome: string;
  statusCode: number | null;
  detail: string;
  durationMs: number;
  status: DeliveryStatus;
}

const sqsDetail = (target: Extract<CallbackTarget, { kind: 'sqs' }>) =>
  `would be sent to the SQS queue ${target.queue} of account ${target.account} in ${target.region}; never sent`;

/**
 * The callback deliveries of one emulator: owed when a job or batch with a callback is queued,
 * stored, attempted when the emulator's clock reaches their time (a timer on the virtual clock,
 * so advancing it fires them), retried with backoff, and scheduled again from the store after a
 * restart. Attempts run beside the API, never inside a request; the sending is the injected
 * adapter's.
 */
export function createCallbackScheduler(options: SchedulerOptions) {
  const { store, clock, sender, journal } = options;
  const timers = new Map<string, () => void>();
  const inFlight = new Set<Promise<void>>();
  let closed = false;

  function arm(id: string, at: number): void {
    timers.get(id)?.();
    timers.delete(id);
    let fired = false;
    // A due timer fires inside `clock.at`; the attempt itself starts after the current work (a
    // request, a transaction, a clock move) is done.
    const cancel = clock.at(at, () => {
      fired = true;
      timers.delete(id);
      if (closed) return;
      const run = attempt(id).finally(() => inFlight.delete(run));
      inFlight.add(run);
    });
    if (!fired) timers.set(id, cancel);
  }

  async function attempt(id: string): Promise<void> {
    await Promise.resolve();
    const delivery = store.delivery(id);
    if (!delivery || delivery.status !== 'pending') return;
    const subject = options.subject(delivery);
    if (!subject) return;
    // A first attempt waits for its subject, which an admin call may have made finish sooner or later.
    const due = subject.finishedAt + delivery.delayMs;
    if (delivery.attempts === 0 && due > clock.now()) {
      store.updateDelivery(id, { ...delivery, dueAt: due });
      return arm(id, due);
    }
    const number = delivery.attempts + 1;
    const at = clock.now();
    const target = parseCallback(delivery.target);
    const settled = await settle(delivery, target, number, subject.payload);
    if (!store.delivery(id)) return; // forgotten by a reset meanwhile
    const retry = settled.status === 'pending';
    const dueAt = retry ? at + retryDelayMs(number) : at;
    store.transaction(() => {
      store.addDeliveryAttempt({
        deliveryId: id,
        attempt: number,
        at,
        outcome: settled.outcome,
        statusCode: settled.statusCode,
        detail: settled.detail,
        durationMs: settled.durationMs,
      });
      store.updateDelivery(id, { status: settled.status, attempts: number, dueAt });
    });
    journal.record({
      time: at,
      method: 'POST',
      path: target.kind === 'http' ? target.url : delivery.target,
      query: {},
      token: subject.token,
      status: settled.statusCode ?? 0,
      durationMs: settled.durationMs,
      decisions: {
        operation: 'callback',
        ...(delivery.subject.kind === 'job' && { jobId: delivery.subject.id }),
        ...(delivery.rules.length && { faults: delivery.rules }),
      },
      kind: 'callback',
      callback: {
        deliveryId: id,
        subject: delivery.subject,
        attempt: number,
        outcome: settled.outcome,
        status: settled.status,
        detail: settled.detail,
      },
    });
    if (retry && !closed) arm(id, dueAt);
  }

  async function settle(
    delivery: DeliveryRecord,
    target: CallbackTarget,
    number: number,
    payload: Record<string, unknown>,
  ): Promise<Settled> {
    const quiet = { statusCode: null, durationMs: 0 };
    if (delivery.drop)
      return {
        ...quiet,
        outcome: 'dropped',
        status: 'dropped',
        detail: 'dropped by a fault rule; never sent',
      };
    if (target.kind === 'sqs')
      return { ...quiet, outcome: 'recorded', status: 'recorded', detail: sqsDetail(target) };
    const result = await sender.send({
      url: target.url,
      body: JSON.stringify(payload),
      headers: {
        'content-type': 'application/json',
        'x-mock-delivery': delivery.id,
        'x-mock-attempt': String(number),
      },
    });
    const last = number >= MAX_ATTEMPTS;
    const failed = (outcome: string, statusCode: number | null, detail: string): Settled => ({
      outcome,
      statusCode,
      durationMs: result.durationMs,
      detail: last ? `${detail}; gave up after ${number} attempts` : detail,
      status: last ? 'failed' : 'pending',
    });
    if (result.kind === 'refused')
      return {
        ...quiet,
        durationMs: result.durationMs,
        outcome: 'refused',
        status: 'refused',
        detail: result.detail,
      };
    if (result.kind === 'error') return failed('error', null, result.detail);
    if (result.status < 200 || result.status > 299)
      return failed('failed', result.status, `the receiver answered ${result.status}`);
    if (number <= delivery.failFirst)
      return failed(
        'failed',
        result.status,
        `the receiver answered ${result.status}, counted as failed by a fault rule (${number} of ${delivery.failFirst})`,
      );
    return {
      outcome: 'delivered',
      status: 'delivered',
      statusCode: result.status,
      durationMs: result.durationMs,
      detail: `the receiver answered ${result.status}`,
    };
  }

  return {
    /**
     * Owes a notification for a job or batch just queued (call it in the transaction that queues
     * it): stored, then attempted once the subject finishes.
     */
    owe(input: {
      subject: DeliveryRecord['subject'];
      target: string;
      baseUrl: string;
      finishedAt: number;
      fault?: CallbackFault;
      rules: string[];
    }): DeliveryRecord {
      const delayMs = input.fault?.delayMs ?? 0;
      const delivery: DeliveryRecord = {
        id: drawUuid(options.seed, 'delivery', input.subject.id),
        subject: input.subject,
        target: input.target,
        baseUrl: input.baseUrl,
        createdAt: clock.now(),
        dueAt: input.finishedAt + delayMs,
        status: 'pending',
        attempts: 0,
        delayMs,
        failFirst: input.fault?.failures ?? 0,
        drop: input.fault?.drop ?? false,
        rules: input.rules,
      };
      store.insertDelivery(delivery);
      arm(delivery.id, delivery.dueAt);
      return delivery;
    },

    /** Schedules every pending delivery in the store: what a (re)started emulator does first. */
    start(): void {
      for (const delivery of store.pendingDeliveries()) arm(delivery.id, delivery.dueAt);
    },

    /** A subject finished sooner or later than drawn (an admin call): its first attempt moves. */
    refresh(subjectId: string): void {
      for (const delivery of store.deliveriesOf(subjectId)) {
        const subject = options.subject(delivery);
        if (delivery.status !== 'pending' || delivery.attempts > 0 || !subject) continue;
        const dueAt = subject.finishedAt + delivery.delayMs;
        store.updateDelivery(delivery.id, { ...delivery, dueAt });
        arm(delivery.id, dueAt);
      }
    },

    list(limit = 1000): DeliveryView[] {
      return store
        .deliveries(limit)
        .map((delivery) => ({ ...delivery, attemptsMade: store.deliveryAttempts(delivery.id) }));
    },

    /** Resolves once no attempt is running (those they schedule run when the clock gets there). */
    async idle(): Promise<void> {
      while (inFlight.size) await Promise.all([...inFlight]);
    },

    /** Forgets every timer (the store is emptied by the caller). */
    reset(): void {
      for (const cancel of timers.values()) cancel();
      timers.clear();
    },

    /** Stops attempting, and waits for the attempts running to be recorded. */
    async close(): Promise<void> {
      closed = true;
      for (const cancel of timers.values()) cancel();
      timers.clear();
      while (inFlight.size) await Promise.all([...inFlight]);
    },
  };
}

export type CallbackScheduler = ReturnType<typeof createCallbackScheduler>;
