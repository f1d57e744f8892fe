import type { JournalEntry } from './journal.ts';

/**
 * What a client's traffic exercised of the API, against what the documents define: per operation,
 * the statuses, query parameters, enum values, revisions and fault kinds. The tally counts every
 * call as it is journaled, so it outlives the bounded journal and a reset.
 */

/** The part of an OpenAPI document coverage reads. */
export interface CoverageDocument {
  paths: Record<string, Record<string, unknown>>;
  components: Record<string, Record<string, unknown>>;
}

interface Operation {
  operationId: string;
  method: string;
  path: string;
  statuses: Set<string>;
  parameters: Set<string>;
  enums: Map<string, Set<string>>;
  /** The default of an enum parameter, counted when a call leaves it out. */
  defaults: Map<string, string>;
  revisions: Set<string>;
  faults: Set<string>;
}

type Schema = { $ref?: string; enum?: unknown[]; default?: unknown };
type Parameter = { name?: string; in?: string; schema?: Schema; $ref?: string };

const resolve = <T extends { $ref?: string }>(
  document: CoverageDocument,
  value: T | undefined,
): T | undefined => {
  if (!value?.$ref) return value;
  const [, , section = '', name = ''] = value.$ref.split('/');
  return document.components[section]?.[name] as T | undefined;
};

/** The fault kinds an operation can be given: every error status it documents, a delay, a failed job. */
function faultKinds(statuses: Iterable<string>, parameters: Set<string>): string[] {
  const errors = [...statuses].filter((status) => Number(status) >= 400).map((status) => `status ${status}`);
  return [...errors, 'delay', ...(parameters.has('mode') ? ['failJob'] : [])];
}

/** Every operation the documents define, merged across revisions, keyed by operationId. */
export function definedOperations(documents: readonly { revision: string; document: CoverageDocument }[]) {
  const operations = new Map<string, Operation>();
  for (const { revision, document } of documents) {
    for (const [path, item] of Object.entries(document.paths)) {
      for (const [method, value] of Object.entries(item)) {
        const operation = value as { operationId?: string; parameters?: Parameter[]; responses?: object };
        if (!operation?.operationId) continue;
        let known = operations.get(operation.operationId);
        if (!known) {
          known = {
            operationId: operation.operationId,
            method: method.toUpperCase(),
            path,
            statuses: new Set(),
            parameters: new Set(),
            enums: new Map(),
            defaults: new Map(),
            revisions: new Set(),
            faults: new Set(),
          };
          operations.set(operation.operationId, known);
        }
        known.revisions.add(revision);
        for (const status of Object.keys(operation.responses ?? {})) known.statuses.add(status);
        for (const reference of operation.parameters ?? []) {
          const parameter = resolve(document, reference);
          if (!parameter?.name || parameter.in !== 'query') continue;
          known.parameters.add(parameter.name);
          const schema = resolve(document, parameter.schema);
          const values = schema?.enum;
          if (!values) continue;
          if (schema.default !== undefined) known.defaults.set(parameter.name, String(schema.default));
          const set = known.enums.get(parameter.name) ?? new Set<string>();
          for (const item of values) set.add(String(item));
          known.enums.set(parameter.name, set);
        }
        for (const kind of faultKinds(known.statuses, known.parameters)) known.faults.add(kind);
      }
    }
  }
  return operations;
}

type Counts = Map<string, number>;
const bump = (counts: Counts, key: string) => counts.set(key, (counts.get(key) ?? 0) + 1);

interface Tally {
  calls: number;
  statuses: Counts;
  parameters: Counts;
  enums: Map<string, Counts>;
  revisions: Counts;
  faults: Counts;
}

/** One dimension of an operation: what is defined, how often each value was seen, what never was. */
export interface CoverageDimension {
  defined: string[];
  seen: Record<string, number>;
  missing: string[];
}

export interface OperationCoverage {
  operationId: string;
  method: string;
  path: string;
  calls: number;
  statuses: CoverageDimension;
  parameters: CoverageDimension;
  enums: Record<string, CoverageDimension>;
  revisions: CoverageDimension;
  faults: CoverageDimension;
}

export interface CoverageReport {
  calls: number;
  /** Calls no documented operation answered (unknown paths). */
  unmatched: number;
  operations: OperationCoverage[];
}

/** What coverage needs to know of a journaled call beyond the entry. */
export interface CoverageFacts {
  /** The revision that answered it. */
  revision: string;
  /** The effects of the fault rules that fired, by rule id. */
  effectOf: (ruleId: string) => { delayMs?: number; failJob?: boolean } | undefined;
}

function dimension(defined: Iterable<string>, counts: Counts): CoverageDimension {
  const list = [...defined];
  const order = (a: string, b: string) => a.localeCompare(b, 'en', { numeric: true });
  return {
    defined: list.sort(order),
    seen: Object.fromEntries([...counts].sort(([a], [b]) => order(a, b))),
    missing: list.filter((value) => !counts.has(value)),
  };
}

/** The fault kinds one call exercised: a forced status, a delay, a failed job. */
function exercisedFaults(entry: JournalEntry, facts: CoverageFacts): string[] {
  const fired = entry.decisions.faults ?? [];
  const prefer = entry.headers?.prefer ?? '';
  if (fired.length === 0 && prefer === '') return [];
  const kinds = new Set<string>();
  if (fired.length && entry.status >= 400) kinds.add(`status ${entry.status}`);
  if (/\bdelay=/.test(prefer)) kinds.add('delay');
  for (const id of fired) {
    const effect = facts.effectOf(id);
    if (effect?.delayMs) kinds.add('delay');
    if (effect?.failJob) kinds.add('failJob');
  }
  return [...kinds];
}

/**
 * The tally, fed one journal entry at a time. `operationOf` names the operation of a path when
 * the call was refused before its handler ran (401, 422), so those statuses count too.
 */
export function createCoverage(
  defined: ReadonlyMap<string, Operation>,
  operationOf: (method: string, path: string, revision: string) => string | undefined,
) {
  const tallies = new Map<string, Tally>();
  let calls = 0;
  let unmatched = 0;
  return {
    record(entry: JournalEntry, facts: CoverageFacts): void {
      calls++;
      const id = entry.decisions.operation ?? operationOf(entry.method, entry.path, facts.revision);
      const operation = id === undefined ? undefined : defined.get(id);
      if (!operation) {
        unmatched++;
        return;
      }
      let tally = tallies.get(operation.operationId);
      if (!tally) {
        tally = {
          calls: 0,
          statuses: new Map(),
          parameters: new Map(),
          enums: new Map(),
          revisions: new Map(),
          faults: new Map(),
        };
        tallies.set(operation.operationId, tally);
      }
      tally.calls++;
      bump(tally.statuses, String(entry.status));
      bump(tally.revisions, facts.revision);
      const enums = tally.enums;
      const countValue = (name: string, value: string) =>
        enums.set(name, bump(enums.get(name) ?? new Map<string, number>(), value));
      for (const [name, value] of Object.entries(entry.query)) {
        bump(tally.parameters, name);
        if (!operation.enums.has(name)) continue;
        for (const item of Array.isArray(value) ? value : [value]) countValue(name, item);
      }
      for (const [name, value] of operation.defaults)
        if (entry.query[name] === undefined) countValue(name, value);
      for (const kind of exercisedFaults(entry, facts)) bump(tally.faults, kind);
    },
    report(): CoverageReport {
      const empty = new Map<string, number>();
      return {
        calls,
        unmatched,
        operations: [...defined.values()].map((operation) => {
          const tally = tallies.get(operation.operationId);
          return {
            operationId: operation.operationId,
            method: operation.method,
            path: operation.path,
            calls: tally?.calls ?? 0,
            statuses: dimension(operation.statuses, tally?.statuses ?? empty),
            parameters: dimension(operation.parameters, tally?.parameters ?? empty),
            enums: Object.fromEntries(
              [...operation.enums].map(([name, values]) => [
                name,
                dimension(values, tally?.enums.get(name) ?? empty),
              ]),
            ),
            revisions: dimension(operation.revisions, tally?.revisions ?? empty),
            faults: dimension(operation.faults, tally?.faults ?? empty),
          };
        }),
      };
    },
    clear(): void {
      tallies.clear();
      calls = 0;
      unmatched = 0;
    },
  };
}

export type Coverage = ReturnType<typeof createCoverage>;

const listed = (values: readonly string[]) =>
  values.length ? values.map((value) => `\`${value}\``).join(', ') : '-';
const seenList = (seen: Record<string, number>) =>
  listed(Object.entries(seen).map(([value, count]) => `${value}×${count}`));

/** The report as Markdown: one table per operation, the never-exercised column first to the eye. */
export function coverageMarkdown(report: CoverageReport): string {
  const lines = [
    '# massive-mock coverage',
    '',
    `${report.calls} calls; ${report.unmatched} to no documented operation.`,
  ];
  for (const operation of report.operations) {
    const rows: [string, CoverageDimension][] = [
      ['statuses', operation.statuses],
      ['parameters', operation.parameters],
      ...Object.entries(operation.enums).map(([name, values]): [string, CoverageDimension] => [
        `${name} values`,
        values,
      ]),
      ['revisions', operation.revisions],
      ['fault kinds', operation.faults],
    ];
    lines.push(
      '',
      `## ${operation.operationId} (${operation.method} ${operation.path}): ${operation.calls} calls`,
      '',
      '| | never exercised | exercised (calls) |',
      '| --- | --- | --- |',
      ...rows.map(([name, values]) => `| ${name} | ${listed(values.missing)} | ${seenList(values.seen)} |`),
    );
  }
  return `${lines.join('\n')}\n`;
}
