import { mockErrorClass } from '../kernel/errors.ts';

/** The control plane's errors, each with its stable code and the status the admin API answers. */

/** A rule that can't be used: the message names the field and the rule. */
export const FaultRuleError = mockErrorClass('FaultRuleError', 'MOCK_ERR_FAULT_RULE', 400);
export type FaultRuleError = InstanceType<typeof FaultRuleError>;

/** A recording file that can't be used: the message names the file and the field. */
export const RecordingError = mockErrorClass('RecordingError', 'MOCK_ERR_RECORDING', 400);
export type RecordingError = InstanceType<typeof RecordingError>;

// VerificationError (MOCK_ERR_VERIFICATION, 408) is defined beside the Verification it carries, in verify.ts.
