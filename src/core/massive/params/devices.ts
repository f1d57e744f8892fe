import names from './device-names.json' with { type: 'json' };

/**
 * Playwright's phone and tablet descriptors, as a snapshot taken from playwright-core by
 * scripts/update-device-names.ts (a test keeps it equal to the installed version).
 */
const byLowerCase: ReadonlyMap<string, string> = new Map(names.map((name) => [name.toLowerCase(), name]));

/** The device names `/ai/devices` lists, in case-insensitive alphabetical order. */
export function deviceNames(): readonly string[] {
  return names;
}

/** The catalogue spelling of a device name given in any case. */
export function findDevice(name: string): string | undefined {
  return byLowerCase.get(name.toLowerCase());
}
