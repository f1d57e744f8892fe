/**
 * Regenerates src/core/massive/params/device-names.json from Playwright's device descriptors
 * (playwright-core, a dev dependency): phones and tablets, without the `Desktop *` entries, in
 * case-insensitive order. Loading playwright-core at run time costs about 200 ms and 80 MB of
 * memory for 200 names, so the server reads this snapshot; test/unit/device-names.test.ts fails
 * when it no longer matches the installed playwright-core. Run: npm run update:devices
 */
import { writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const { devices } = createRequire(import.meta.url)('playwright-core') as { devices: Record<string, unknown> };

export function playwrightDeviceNames(): string[] {
  return Object.keys(devices)
    .filter((name) => !name.startsWith('Desktop '))
    .sort((a, b) => {
      const left = a.toLowerCase();
      const right = b.toLowerCase();
      return left < right ? -1 : left > right ? 1 : 0;
    });
}

if (import.meta.main) {
  const target = new URL('../src/core/massive/params/device-names.json', import.meta.url);
  writeFileSync(target, `${JSON.stringify(playwrightDeviceNames(), null, 2)}\n`);
  process.stdout.write(`wrote ${playwrightDeviceNames().length} device names to ${target.pathname}\n`);
}
