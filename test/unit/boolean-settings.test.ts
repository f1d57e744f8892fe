import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config/config.ts';

describe('boolean settings (--replay-only, --record-failures)', () => {
  it('are flags without a value, or true/false in the environment', () => {
    const flags = loadConfig({ argv: ['--record', 'rec', '--replay-only'], env: {} }).config;
    expect(flags).toMatchObject({ record: 'rec', replayOnly: true, recordFailures: false });
    const env = loadConfig({
      argv: [],
      env: {
        MASSIVE_MOCK_RECORD: 'rec',
        MASSIVE_MOCK_REPLAY_ONLY: 'true',
        MASSIVE_MOCK_RECORD_FAILURES: '0',
      },
    }).config;
    expect(env).toMatchObject({ replayOnly: true, recordFailures: false });
  });

  it('refuses a value that is not one', () => {
    expect(() => loadConfig({ argv: [], env: { MASSIVE_MOCK_RECORD_FAILURES: 'maybe' } })).toThrow(
      ConfigError,
    );
    expect(() => loadConfig({ argv: [], env: { MASSIVE_MOCK_RECORD_FAILURES: 'maybe' } })).toThrow(
      /recordFailures \(\$MASSIVE_MOCK_RECORD_FAILURES\) must be true or false/,
    );
  });
});
