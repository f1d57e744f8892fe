import { describe, expect, it } from 'vitest';
import { startMassiveMock } from '../../src/index.ts';
import { MockError } from '../../src/core/kernel/errors.ts';

describe("the emulator's own errors", () => {
  it('carry a stable code and the status the admin API answers, per wing', async () => {
    const mock = await startMassiveMock();
    try {
      const misuse = [
        () => mock.faults.add({ effect: { status: 999 } } as never),
        () => mock.clock.set(Number.MAX_SAFE_INTEGER),
        () => mock.fixtures.add({ match: { prompt: '' } } as never),
        () => mock.verify({ path: '/ai' }, 1),
      ];
      const caught = misuse.map((call) => {
        try {
          call();
        } catch (error) {
          return error;
        }
        throw new Error('expected a MockError');
      });
      expect(caught.every((error) => error instanceof MockError)).toBe(true);
      expect(caught.map((error) => [(error as MockError).code, (error as MockError).status])).toEqual([
        ['MOCK_ERR_FAULT_RULE', 400],
        ['MOCK_ERR_CLOCK_RANGE', 400],
        ['MOCK_ERR_FIXTURE', 400],
        ['MOCK_ERR_VERIFICATION', 408],
      ]);
    } finally {
      await mock.close();
    }
  });
});
