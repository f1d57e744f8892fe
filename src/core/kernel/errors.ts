/**
 * An error of the emulator's own features (a fault rule, a canned answer, a bundle, the clock, a
 * setting), told apart from a crash and from an emulated API's answer: the CLI prints it as one line,
 * the admin API answers it with its status, and a test suite matches on its stable `code`.
 * Each wing keeps its catalogue in its own `errors.ts`; this one holds the kernel's.
 */
export class MockError extends Error {
  readonly code: string;
  readonly status: number;

  constructor(code: string, status: number, message: string) {
    super(message);
    this.code = code;
    this.status = status;
  }
}

/** A MockError class of one code, in the manner of fastify's `createError`. */
export function mockErrorClass(name: string, code: string, status: number) {
  return class extends MockError {
    constructor(message: string) {
      super(code, status, message);
      this.name = name;
    }
  };
}

/** A move that would take the clock out of its range: the message names the bound. */
export const ClockRangeError = mockErrorClass('ClockRangeError', 'MOCK_ERR_CLOCK_RANGE', 400);
export type ClockRangeError = InstanceType<typeof ClockRangeError>;

/** A canned-answer file that can't be used: the message says which and why. */
export const FixtureError = mockErrorClass('FixtureError', 'MOCK_ERR_FIXTURE', 400);
export type FixtureError = InstanceType<typeof FixtureError>;
