import { describe, expect, it } from 'vitest';
import { playwrightDeviceNames } from '../../scripts/update-device-names.ts';
import { deviceNames } from '../../src/core/massive/params/devices.ts';

describe('the device-name snapshot', () => {
  it('equals the installed playwright-core descriptors (npm run update:devices refreshes it)', () => {
    expect(deviceNames()).toEqual(playwrightDeviceNames());
    expect(deviceNames().length).toBeGreaterThan(100);
  });
});
