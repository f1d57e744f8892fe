import type * as NodeCrypto from 'node:crypto';

let loaded: typeof NodeCrypto | undefined;

/**
 * node:crypto, loaded on first use: loading it costs a start ~8 ms (Node compiles some twenty of
 * its modules), and no start needs it before its first answer has gone (the journal's token
 * fingerprint is made after the reply is sent).
 */
export const crypto = (): typeof NodeCrypto => (loaded ??= process.getBuiltinModule('node:crypto'));
