import type { VirtualClock } from './clock.ts';
import { type Coverage, coverageMarkdown } from './coverage.ts';
import type { FaultRuleInput, Faults } from './faults.ts';
import type { FixtureRegistry, RuntimeFixtureInput } from './fixture-registry.ts';
import type { Journal, JournalEntry } from './journal.ts';
import type { JobState, MassiveService } from './service.ts';
import type { JobRecord, Store } from './store.ts';
import {
  type CountExpectation,
  type RequestMatch,
  VerificationError,
  verifyRequests,
  waitForRequest,
} from './verify.ts';

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
  /** What the traffic exercised; a reset keeps it (a suite resets between tests). */
  coverage: Coverage;
  /** Canned answers; the ones added at run time go with a reset. */
  fixtures: FixtureRegistry;
  /** Credits a job completed by hand is charged when it had not been (drawn to fail). */
  completionCost: number;
  /** Balances and rules from the configuration, put back by a reset. */
  balances: Readonly<Record<string, number | null>>;
  rules: readonly FaultRuleInput[];
  /** More to put back on a reset (recordings replay from their first answer again). */
  onReset?: () => void;
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
      options.fixtures.clear();
      options.onReset?.();
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
      complete: (id: string) => view(service.completeJob(id, options.completionCost)),
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
    /** What the client's calls exercised per operation, against what the documents define. */
    coverage: {
      report: () => options.coverage.report(),
      markdown: () => coverageMarkdown(options.coverage.report()),
      clear: () => options.coverage.clear(),
    },
    /** Canned answers added at run time, in the fixture files' format, matched before the files. */
    fixtures: {
      add: (fixture: RuntimeFixtureInput) => options.fixtures.add(fixture),
      list: () => options.fixtures.list(),
      remove: (id: string) => options.fixtures.remove(id),
      clear: () => options.fixtures.clear(),
    },
    /**
     * Asserts the journal holds `count` requests matching (exactly N, or a range; at least one by
     * default); throws a VerificationError showing the closest requests that did not match.
     */
    verify(match: RequestMatch, count?: CountExpectation): JournalEntry[] {
      const verification = verifyRequests(journal.list(), match, count);
      if (!verification.ok) throw new VerificationError(verification);
      return verification.matches;
    },
    /** Resolves with the first request matching, now or within `timeoutMs` (5 s by default). */
    waitFor: (match: RequestMatch, { timeoutMs = 5000 }: { timeoutMs?: number } = {}) =>
      waitForRequest(journal, match, timeoutMs),
  };
}

export type Control = ReturnType<typeof createControl>;
