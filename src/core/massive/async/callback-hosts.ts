import { BlockList, isIP } from 'node:net';

/** The hosts a callback may call unless `--callback-hosts` says otherwise: this is a local tool. */
export const DEFAULT_CALLBACK_HOSTS = ['loopback', 'private'] as const;

const RANGES: Record<string, [string, number, 'ipv4' | 'ipv6'][]> = {
  loopback: [
    ['127.0.0.0', 8, 'ipv4'],
    ['::1', 128, 'ipv6'],
  ],
  private: [
    ['10.0.0.0', 8, 'ipv4'],
    ['172.16.0.0', 12, 'ipv4'],
    ['192.168.0.0', 16, 'ipv4'],
    ['fc00::', 7, 'ipv6'],
  ],
  // Where clouds answer with instance credentials: never called unless listed by name or range.
  'link-local': [
    ['169.254.0.0', 16, 'ipv4'],
    ['fe80::', 10, 'ipv6'],
  ],
};

/**
 * Link-local ranges and the cloud metadata addresses outside them (AWS's IPv6 one sits in the ULA
 * range `private` allows; Alibaba's in the shared range): refused unless an entry names them.
 */
const GUARDED: [string, number, 'ipv4' | 'ipv6'][] = [
  ...(RANGES['link-local'] ?? []),
  ['fd00:ec2::254', 128, 'ipv6'],
  ['100.100.100.200', 32, 'ipv4'],
];

export interface HostPolicy {
  /** Whether a host may be called, given the addresses its name resolves to. */
  allows(hostname: string, addresses: readonly string[]): boolean;
  /** The entries, for the message of a refused call. */
  entries: readonly string[];
}

const versionOf = (family: number) => (family === 4 ? 'ipv4' : 'ipv6');

/** An IPv4 address mapped into IPv6 (`::ffff:127.0.0.1`) is judged as the IPv4 one. */
const unmapped = (address: string) => address.replace(/^::ffff:(?=\d+\.)/i, '');

const blockOf = (ranges: readonly [string, number, 'ipv4' | 'ipv6'][]) => {
  const list = new BlockList();
  for (const [network, prefix, type] of ranges) list.addSubnet(network, prefix, type);
  return list;
};

const guarded = blockOf(GUARDED);

/** Whether an address is in a list, IPv4-mapped IPv6 judged as IPv4. */
const within = (list: BlockList, address: string) => {
  const plain = unmapped(address);
  const family = isIP(plain);
  return family !== 0 && list.check(plain, versionOf(family));
};

/** Whether an address is link-local or a cloud metadata address: never called by default. */
export const isGuardedAddress = (address: string) => within(guarded, address);

/**
 * The hosts callbacks may call: `*` (any), `loopback`, `private` (RFC 1918, IPv6 ULA),
 * `link-local` (with the cloud metadata addresses), an address or CIDR range (`10.1.0.0/16`), a
 * host name, or `*.example.com`. A name is allowed when it is listed, or when every address it
 * resolves to is in an allowed range. Link-local and metadata addresses are refused even with `*`
 * unless `link-local` or an address or range holding them is listed.
 */
export function createHostPolicy(entries: readonly string[] = DEFAULT_CALLBACK_HOSTS): HostPolicy {
  const blocks = new BlockList();
  const explicit = new BlockList();
  const names: string[] = [];
  const suffixes: string[] = [];
  let any = false;
  for (const entry of entries.map((text) => text.trim().toLowerCase()).filter(Boolean)) {
    if (entry === '*') {
      any = true;
      continue;
    }
    if (RANGES[entry]) {
      for (const [network, prefix, type] of RANGES[entry]) {
        blocks.addSubnet(network, prefix, type);
        if (entry === 'link-local') explicit.addSubnet(network, prefix, type);
      }
      continue;
    }
    // Only now: Node compiles its IPv6 pattern on the first isIP, 6-9 ms of a start that needs none.
    const [base = '', bits] = entry.split('/');
    const family = isIP(base);
    if (family)
      for (const list of [blocks, explicit])
        list.addSubnet(
          base,
          bits === undefined ? (family === 4 ? 32 : 128) : Number(bits),
          versionOf(family),
        );
    else if (entry.startsWith('*.')) suffixes.push(entry.slice(1));
    else names.push(entry);
  }
  return {
    entries,
    allows(hostname, addresses) {
      if (addresses.some((address) => isGuardedAddress(address) && !within(explicit, address))) return false;
      const host = hostname.toLowerCase().replace(/^\[|\]$/g, '');
      if (any || names.includes(host) || suffixes.some((suffix) => host.endsWith(suffix))) return true;
      return addresses.length > 0 && addresses.every((address) => within(blocks, address));
    },
  };
}

/** Checks a `--callback-hosts` entry; the message says what is wrong with it. */
export function hostEntryProblem(entry: string): string | undefined {
  const text = entry.trim().toLowerCase();
  const [base = '', bits, extra] = text.split('/');
  const family = isIP(base);
  if (bits === undefined) return undefined;
  if (!family || extra !== undefined) return `"${entry}" is not an address range such as 10.0.0.0/8`;
  const prefix = Number(bits);
  if (!Number.isInteger(prefix) || prefix < 0 || prefix > (family === 4 ? 32 : 128))
    return `"${entry}" has a prefix length outside 0-${family === 4 ? 32 : 128}`;
  return undefined;
}
