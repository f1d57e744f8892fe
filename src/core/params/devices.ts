import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

let catalogue: { names: readonly string[]; byLowerCase: ReadonlyMap<string, string> } | undefined;

/**
 * Playwright's device descriptors, smartphones and tablets only. Loaded on first use: requiring
 * playwright-core takes about 200 ms, which start-up should not pay for calls without a device.
 */
function devices() {
  if (!catalogue) {
    const { devices: descriptors }: { devices: Record<string, unknown> } = require('playwright-core');
    const names = Object.keys(descriptors)
      .filter((name) => !name.startsWith('Desktop '))
      .sort((a, b) => {
        const left = a.toLowerCase();
        const right = b.toLowerCase();
        return left < right ? -1 : left > right ? 1 : 0;
      });
    catalogue = { names, byLowerCase: new Map(names.map((name) => [name.toLowerCase(), name])) };
  }
  return catalogue;
}

/** The device names `/ai/devices` lists, in case-insensitive alphabetical order. */
export function deviceNames(): readonly string[] {
  return devices().names;
}

/** The catalogue spelling of a device name given in any case. */
export function findDevice(name: string): string | undefined {
  return devices().byLowerCase.get(name.toLowerCase());
}
