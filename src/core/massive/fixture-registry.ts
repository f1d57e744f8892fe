import { type CannedAnswer, createFixtureIndex, type FixtureIndex, parseCannedAnswer } from './fixtures.ts';
import type { Conversation } from './conversation.ts';
import type { Answer } from './generate/types.ts';

/** A canned answer added at run time (library or admin API), as listed back. */
export interface RuntimeFixture {
  id: string;
  match: CannedAnswer['match'];
  answer: Answer;
}

/** What `fixtures.add()` takes: the fixture files' format, with an optional id. */
export interface RuntimeFixtureInput {
  id?: string;
  match: unknown;
  answer: unknown;
}

/**
 * Every canned answer the service can serve: the ones added at run time (matched first), then the
 * fixture folder's, then the bundled examples. `epoch` counts the changes since the start, so the cache
 * can tell an answer written before a stub from one written after it.
 */
export function createFixtureRegistry(
  initial: readonly CannedAnswer[],
  bundled: readonly CannedAnswer[] = [],
) {
  let epoch = 0;
  let nextId = 0;
  const runtime: RuntimeFixture[] = [];
  const epochs = new WeakMap<CannedAnswer, number>();
  let files: FixtureIndex = createFixtureIndex(initial);
  let added: FixtureIndex = createFixtureIndex([]);
  const examples = createFixtureIndex(bundled);
  const canned = new Map<string, CannedAnswer>();

  const rebuildRuntime = () => {
    added = createFixtureIndex(runtime.map((fixture) => canned.get(fixture.id) as CannedAnswer));
  };

  return {
    /** Changes since the start: 0 while only the files loaded at start answer. */
    get epoch() {
      return epoch;
    },
    find(conversation: Conversation): CannedAnswer | undefined {
      return added.find(conversation) ?? files.find(conversation) ?? examples.find(conversation);
    },
    /** The user's own canned answer for a conversation (runtime or folder), not a bundled example. */
    findOwn(conversation: Conversation): CannedAnswer | undefined {
      return added.find(conversation) ?? files.find(conversation);
    },
    /** The epoch that brought a fixture in: 0 for those loaded at start. */
    epochOf: (fixture: CannedAnswer): number => epochs.get(fixture) ?? 0,
    /** Checks and adds one; throws a FixtureError naming the field. A known id is replaced. */
    add(input: RuntimeFixtureInput): RuntimeFixture {
      const id = typeof input?.id === 'string' && input.id !== '' ? input.id : `fixture-${++nextId}`;
      const parsed = parseCannedAnswer(input, `fixture ${id}`);
      const fixture: RuntimeFixture = { id, match: parsed.match, answer: parsed.answer };
      const at = runtime.findIndex((known) => known.id === id);
      if (at >= 0) runtime.splice(at, 1);
      // The newest first: on equal specificity the index keeps the first one it was given.
      runtime.unshift(fixture);
      canned.set(id, parsed);
      epochs.set(parsed, ++epoch);
      rebuildRuntime();
      return fixture;
    },
    /** Runtime fixtures, newest first (the order they are matched in on a tie). */
    list: (): RuntimeFixture[] => runtime.map((fixture) => ({ ...fixture })),
    remove(id: string): boolean {
      const at = runtime.findIndex((known) => known.id === id);
      if (at < 0) return false;
      runtime.splice(at, 1);
      canned.delete(id);
      epoch++;
      rebuildRuntime();
      return true;
    },
    clear(): void {
      if (runtime.length === 0) return;
      runtime.length = 0;
      canned.clear();
      epoch++;
      rebuildRuntime();
    },
    /** Swaps in a freshly read set of file fixtures (the fixture folder changed). */
    replaceFiles(fixtures: readonly CannedAnswer[]): void {
      epoch++;
      for (const fixture of fixtures) epochs.set(fixture, epoch);
      files = createFixtureIndex(fixtures);
    },
  };
}

export type FixtureRegistry = ReturnType<typeof createFixtureRegistry>;
