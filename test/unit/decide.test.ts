import { describe, expect, it } from 'vitest';
import { decideCall } from '../../src/core/control/decide.ts';
import type { FaultDecision } from '../../src/core/control/faults.ts';
import { parsePrefer } from '../../src/core/control/prefer.ts';

const quiet: FaultDecision = { delayMs: 0, failJob: false, fired: [] };
const documented = new Set([401, 402, 403, 422, 500, 503, 504]);
const decide = (prefer: string | undefined, faults = quiet) =>
  decideCall({ operation: 'getCompletion', prefer: parsePrefer(prefer), faults, documented });

describe('decideCall', () => {
  it('lets a call through when nothing is asked', () => {
    expect(decide(undefined)).toEqual({ delayMs: 0, failJob: false, fired: [], notices: [] });
  });

  it('adds the Prefer delay to the rules’ delays', () => {
    expect(decide('delay=100', { ...quiet, delayMs: 50, fired: ['slow'] })).toMatchObject({
      delayMs: 150,
      fired: ['slow'],
    });
  });

  it('forces a documented Prefer code over a rule’s status, and names both', () => {
    const decision = decide('code=402', { ...quiet, error: { status: 503, retryAfter: 1 }, fired: ['r1'] });
    expect(decision.forced).toEqual({ status: 402 });
    expect(decision.fired).toEqual(['r1', 'Prefer: code=402']);
  });

  it('keeps a rule’s status and Retry-After when Prefer asks for nothing', () => {
    expect(decide(undefined, { ...quiet, error: { status: 503, retryAfter: 7 } }).forced).toEqual({
      status: 503,
      retryAfter: 7,
    });
  });

  it('ignores an undocumented code and a part it does not understand, and says so', () => {
    const decision = decide('code=418, colour=blue');
    expect(decision.forced).toBeUndefined();
    expect(decision.notices).toEqual([
      'Prefer ignored: colour=blue',
      'Prefer code=418 ignored: getCompletion does not document it',
    ]);
  });

  it('passes a success code through without forcing anything', () => {
    expect(decide('code=200')).toMatchObject({ notices: [], fired: [] });
  });

  it('carries failJob from the rules', () => {
    expect(decide(undefined, { ...quiet, failJob: true }).failJob).toBe(true);
  });
});
