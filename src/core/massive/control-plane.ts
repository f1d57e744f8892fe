import type { Batches } from './async/batches.ts';
import type { CallbackScheduler } from './async/callback-scheduler.ts';
import type { VirtualClock } from '../kernel/clock.ts';
import { type Coverage, coverageMarkdown } from '../control/coverage.ts';
import { FaultRuleError } from '../control/errors.ts';
import type { FaultRuleInput, Faults } from '../control/faults.ts';
import type { FixtureRegistry, RuntimeFixtureInput } from './fixture-registry.ts';
import type { Journal, JournalEntry } from '../control/journal.ts';
import type { JobState, MassiveService } from './service.ts';
import type { JobRecord, Store } from './store.ts';
import {
  type CountExpectation,
  type RequestMatch,
  VerificationError,
  verifyRequests,
  waitForRequest,
} from '../control/verify.ts';

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
  /** What the traffic exercised; a reset keeps it (a suite resets between tests). */
  coverage: Coverage;
  /** Canned answers; the ones added at run time go with a reset. */
  fixtures: FixtureRegistry;
  /** Credits a job completed by hand is charged when it had not been (drawn to fail). */
  completionCost: number;
  /** Balances and rules from the configuration, put back by a reset. */
  balances: Readonly<Record<string, number | null>>;
  rules: readonly FaultRuleInput[];
  /** What else a reset puts back (recordings replay from their first answer, the router's rate-limit windows empty). */
  resets?: readonly (() => void)[];
}

/** Balances and rules from the configuration, applied at start and again by each reset. */
function applyConfiguration({ store, faults, balances, rules }: ControlOptions): void {
  for (const [token, balance] of Object.entries(balances)) store.openAccount(token, balance);
  rules.forEach((rule, index) => {
    try {
      faults.add(rule);
    } catch (error) {
      if (!(error instanceof FaultRuleError)) throw error;
      throw new FaultRuleError(`faults[${index}] of the configuration: ${error.message}`);
    }
  });
}

/** Jobs listed, read and settled by hand; settling one moves its callback's first attempt, and its batch's. */
function jobControls({ store, service, callbacks, completionCost }: ControlOptions) {
  const view = (job: JobRecord): JobView => ({ ...job, state: service.stateOf(job) });
  const settled = (job: JobRecord): JobView => {
    callbacks.refresh(job.id);
    if (job.batchId) callbacks.refresh(job.batchId);
    return view(job);
  };
  return {
    list: (limit = 1000) => store.jobs(limit).map(view),
    get: (id: string) => {
      const job = store.job(id);
      return job && view(job);
    },
    complete: (id: string) => settled(service.completeJob(id, completionCost)),
    fail: (id: string) => settled(service.failJob(id)),
  };
}

function batchControls({ batches, completionCost }: ControlOptions) {
  return {
    list: (limit = 1000) => batches.list(limit),
    get: (id: string) => batches.get(id),
    /** Every prompt not finished yet is answered now (and charged, if it was drawn to fail). */
    complete: (id: string) => batches.complete(id, completionCost),
    /** Every prompt not finished yet fails now, refunded. */
    fail: (id: string) => batches.fail(id),
  };
}

function accountControls({ store }: ControlOptions) {
  return {
    list: () => store.accounts(),
    get: (token: string) => store.account(token),
    /** Sets a balance; null makes it unlimited. */
    set: (token: string, balance: number | null) => {
      store.setBalance(token, balance);
      return { token, balance };
    },
  };
}

/** Verification over the journal: exact counts with near misses, and waiting for a call. */
function verification(journal: Journal) {
  return {
    /**
     * Asserts the journal holds `count` requests matching (exactly N, or a range; at least one by
     * default); throws a VerificationError showing the closest requests that did not match.
     */
    verify(match: RequestMatch, count?: CountExpectation): JournalEntry[] {
      const result = verifyRequests(journal.list(), match, count);
      if (!result.ok) throw new VerificationError(result);
      return result.matches;
    },
    /** Resolves with the first request matching, now or within `timeoutMs` (5 s by default). */
    waitFor: (match: RequestMatch, { timeoutMs = 5000 }: { timeoutMs?: number } = {}) =>
      waitForRequest(journal, match, timeoutMs),
  };
}

/**
 * Everything a test drives: faults, the clock, jobs, accounts and the journal. The admin API and
 * the library API are two doors onto this one object.
 */
export function createControl(options: ControlOptions) {
  const { store, clock, faults, journal, callbacks, coverage, fixtures } = options;
  applyConfiguration(options);
  return {
    /** Back to the start: empty store (configured balances again), real time, no journal, configured rules. */
    reset(): void {
      callbacks.reset();
      store.clear();
      clock.reset();
      journal.clear();
      faults.clear();
      fixtures.clear();
      for (const reset of options.resets ?? []) reset();
      applyConfiguration(options);
    },
    faults: {
      add: (rule: FaultRuleInput) => faults.add(rule),
      list: () => faults.list(),
      remove: (id: string) => faults.remove(id),
      clear: () => faults.clear(),
    },
    clock,
    jobs: jobControls(options),
    batches: batchControls(options),
    callbacks: {
      /** Deliveries, newest first, each with its status and every attempt. */
      list: (limit = 1000) => callbacks.list(limit),
      /** Resolves once no delivery attempt is running: await it after moving the clock. */
      idle: () => callbacks.idle(),
    },
    accounts: accountControls(options),
    journal: { list: journal.list, clear: journal.clear },
    /** What the client's calls exercised per operation, against what the documents define. */
    coverage: {
      report: () => coverage.report(),
      markdown: () => coverageMarkdown(coverage.report()),
      clear: () => coverage.clear(),
    },
    /** Canned answers added at run time, in the fixture files' format, matched before the files. */
    fixtures: {
      add: (fixture: RuntimeFixtureInput) => fixtures.add(fixture),
      list: () => fixtures.list(),
      remove: (id: string) => fixtures.remove(id),
      clear: () => fixtures.clear(),
    },
    ...verification(journal),
  };
}

export type Control = ReturnType<typeof createControl>;
