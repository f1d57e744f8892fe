import type { Batches } from './batches.ts';
import type { CallbackScheduler } from './callback-scheduler.ts';
import type { VirtualClock } from './clock.ts';
import { FaultRuleError, type FaultRuleInput, type Faults } from './faults.ts';
import type { Journal } from './journal.ts';
import type { JobState, MassiveService } from './service.ts';
import type { JobRecord, Store } from './store.ts';

/** A job as the control plane shows it: its record and its state at the emulator's time. */
export interface JobView extends JobRecord {
  state: JobState;
}

export interface ControlOptions {
  store: Store;
  clock: VirtualClock;
  faults: Faults;
  journal: Journal;
  service: MassiveService;
  batches: Batches;
  callbacks: CallbackScheduler;
  /** Credits a job completed by hand is charged when it had not been (drawn to fail). */
  completionCost: number;
  /** Balances and rules from the configuration, put back by a reset. */
  balances: Readonly<Record<string, number | null>>;
  rules: readonly FaultRuleInput[];
}

/**
 * Everything a test drives: faults, the clock, jobs, accounts and the journal. The admin API and
 * the library API are two doors onto this one object.
 */
export function createControl(options: ControlOptions) {
  const { store, clock, faults, journal, service, batches, callbacks } = options;
  /** A job settled by hand moves the first attempt of its callback, and of its batch's. */
  const settled = (job: JobRecord): JobView => {
    callbacks.refresh(job.id);
    if (job.batchId) callbacks.refresh(job.batchId);
    return view(job);
  };
  const view = (job: JobRecord): JobView => ({ ...job, state: service.stateOf(job) });

  function applyConfiguration(): void {
    for (const [token, balance] of Object.entries(options.balances)) store.openAccount(token, balance);
    options.rules.forEach((rule, index) => {
      try {
        faults.add(rule);
      } catch (error) {
        if (!(error instanceof FaultRuleError)) throw error;
        throw new FaultRuleError(`faults[${index}] of the configuration: ${error.message}`);
      }
    });
  }
  applyConfiguration();

  return {
    /** Back to the start: empty store (configured balances again), real time, no journal, configured rules. */
    reset(): void {
      callbacks.reset();
      store.clear();
      clock.reset();
      journal.clear();
      faults.clear();
      applyConfiguration();
    },
    faults: {
      add: (rule: FaultRuleInput) => faults.add(rule),
      list: () => faults.list(),
      remove: (id: string) => faults.remove(id),
      clear: () => faults.clear(),
    },
    clock,
    jobs: {
      list: (limit = 1000) => store.jobs(limit).map(view),
      get: (id: string) => {
        const job = store.job(id);
        return job && view(job);
      },
      complete: (id: string) => settled(service.completeJob(id, options.completionCost)),
      fail: (id: string) => settled(service.failJob(id)),
    },
    batches: {
      list: (limit = 1000) => batches.list(limit),
      get: (id: string) => batches.get(id),
      /** Every prompt not finished yet is answered now (and charged, if it was drawn to fail). */
      complete: (id: string) => batches.complete(id, options.completionCost),
      /** Every prompt not finished yet fails now, refunded. */
      fail: (id: string) => batches.fail(id),
    },
    callbacks: {
      /** Deliveries, newest first, each with its status and every attempt. */
      list: (limit = 1000) => callbacks.list(limit),
      /** Resolves once no delivery attempt is running: await it after moving the clock. */
      idle: () => callbacks.idle(),
    },
    accounts: {
      list: () => store.accounts(),
      get: (token: string) => store.account(token),
      /** Sets a balance; null makes it unlimited. */
      set: (token: string, balance: number | null) => {
        store.setBalance(token, balance);
        return { token, balance };
      },
    },
    journal: {
      list: journal.list,
      clear: journal.clear,
    },
  };
}

export type Control = ReturnType<typeof createControl>;
