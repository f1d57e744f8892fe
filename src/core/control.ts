import type { VirtualClock } from './clock.ts';
import type { FaultRuleInput, Faults } from './faults.ts';
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
  /** Balances and rules from the configuration, put back by a reset. */
  balances: Readonly<Record<string, number | null>>;
  rules: readonly FaultRuleInput[];
  /** What else a reset empties (the router's rate-limit windows). */
  resets?: readonly (() => void)[];
}

/**
 * Everything a test drives: faults, the clock, jobs, accounts and the journal. The admin API and
 * the library API are two doors onto this one object.
 */
export function createControl(options: ControlOptions) {
  const { store, clock, faults, journal, service } = options;
  const view = (job: JobRecord): JobView => ({ ...job, state: service.stateOf(job) });

  function applyConfiguration(): void {
    for (const [token, balance] of Object.entries(options.balances)) store.openAccount(token, balance);
    for (const rule of options.rules) faults.add(rule);
  }
  applyConfiguration();

  return {
    /** Back to the start: empty store (configured balances again), real time, no journal, configured rules. */
    reset(): void {
      store.clear();
      clock.reset();
      journal.clear();
      faults.clear();
      for (const reset of options.resets ?? []) reset();
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
      complete: (id: string) => view(service.completeJob(id)),
      fail: (id: string) => view(service.failJob(id)),
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
