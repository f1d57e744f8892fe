import { DAY_MS } from './service.ts';

/**
 * How much the store keeps. Past `maxBytes` it gives up, in this order: jobs past their retention
 * (then 404, as an id never issued), answers no call can be served any more (older versions of a
 * conversation), cached answers past the one-day expiry, then cached answers still fresh, oldest
 * first (a call for one is then a miss, and gets the conversation's next version). It never gives
 * up an answer a job still owes, nor any balance: those outrank the bound.
 */
export interface Retention {
  /** Most bytes the database file holds. */
  maxBytes: number;
  /** How long a finished job can still be fetched, in ms of the emulator clock. */
  jobRetentionMs: number;
}

export const DEFAULT_RETENTION: Retention = { maxBytes: 256 * 2 ** 20, jobRetentionMs: DAY_MS };

/**
 * Once past the bound, the store prunes down to this share of it, so that it prunes once per many
 * answers rather than on each one.
 */
const PRUNE_TO = 0.9;

export const pruneTarget = (retention: Retention): number => Math.floor(retention.maxBytes * PRUNE_TO);

/** Jobs ready before this time have expired. */
export const jobCutoff = (now: number, retention: Retention): number => now - retention.jobRetentionMs;

/** Answers made before this time are past the cache's one-day expiry. */
export const cacheCutoff = (now: number): number => now - DAY_MS;

/**
 * Freed pages past this share of the bound go back to the file system; fewer stay in the file,
 * where the next answers reuse them.
 */
export const giveBackAbove = (retention: Retention): number => Math.floor(retention.maxBytes * 0.25);
