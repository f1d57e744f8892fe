import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { type Category, PROFILES } from '../../src/core/massive/generate/profiles.ts';

const ROOT = resolve(import.meta.dirname, '../../src/core/massive/generate');

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory()
      ? files(join(dir, entry.name))
      : entry.name.endsWith('.ts')
        ? [join(dir, entry.name)]
        : [],
  );
}

/** Each file's relative imports inside the generator (type-only ones too: a cycle of types is still a tangle). */
function importGraph(): Map<string, string[]> {
  const graph = new Map<string, string[]>();
  for (const file of files(ROOT)) {
    const imports = [...readFileSync(file, 'utf8').matchAll(/^(?:import|export)\b[^'"]*?from '(\.[^']+)'/gm)]
      .map((match) => resolve(dirname(file), match[1] ?? ''))
      .filter((target) => target.startsWith(ROOT));
    graph.set(file, imports);
  }
  return graph;
}

function findCycle(graph: Map<string, string[]>): string[] | null {
  const state = new Map<string, 'open' | 'done'>();
  const path: string[] = [];
  const visit = (node: string): string[] | null => {
    if (state.get(node) === 'done') return null;
    if (state.get(node) === 'open') return [...path.slice(path.indexOf(node)), node];
    state.set(node, 'open');
    path.push(node);
    for (const next of graph.get(node) ?? []) {
      const cycle = visit(next);
      if (cycle) return cycle;
    }
    path.pop();
    state.set(node, 'done');
    return null;
  };
  for (const node of graph.keys()) {
    const cycle = visit(node);
    if (cycle) return cycle.map((file) => relative(ROOT, file));
  }
  return null;
}

describe('the generator’s code', () => {
  it('has no import cycle', () => {
    const graph = importGraph();
    expect(graph.size).toBeGreaterThan(20);
    expect(findCycle(graph)).toBeNull();
  });

  it('finds a cycle when there is one (the check itself works)', () => {
    const graph = new Map([
      ['a', ['b']],
      ['b', ['c']],
      ['c', ['a']],
    ]);
    expect(findCycle(graph)).toHaveLength(4);
  });

  it('fills every field of every category’s profile', () => {
    const categories: Category[] = [
      'footwear',
      'electronics',
      'software',
      'travel',
      'food',
      'health',
      'finance',
      'home',
      'science',
      'media',
      'vehicles',
      'pets',
      'other',
    ];
    expect(Object.keys(PROFILES).sort()).toEqual([...categories].sort());
    for (const [category, profile] of Object.entries(PROFILES)) {
      for (const field of [
        'fields',
        'kinds',
        'criteria',
        'audiences',
        'siteWords',
        'cons',
        'brands',
      ] as const)
        expect(profile[field].length, `${category}.${field}`).toBeGreaterThan(0);
      expect(new Set(profile.criteria).size, category).toBeGreaterThanOrEqual(8);
      expect(profile.siteWords.length, category).toBeGreaterThanOrEqual(6);
      expect(profile.prices[0], category).toBeLessThan(profile.prices[1]);
      expect(profile.priceLabel, category).toMatch(/^\p{Lu}/u);
      if (profile.pickStyle === 'model' || profile.pickStyle === 'tier')
        expect(profile.lines.length, category).toBeGreaterThanOrEqual(6);
    }
  });

  it('keeps one writer per file and the English helpers in one place', () => {
    const writers = readdirSync(join(ROOT, 'writers')).filter(
      (name) => !['context.ts', 'index.ts', 'steps.ts', 'phrasebooks.ts'].includes(name),
    );
    for (const name of writers) {
      const source = readFileSync(join(ROOT, 'writers', name), 'utf8');
      expect(source.match(/^export const \w+: Writer/gm), name).toHaveLength(1);
    }
    // Articles and plurals are built in english.ts only.
    for (const file of files(ROOT).filter((f) => !f.endsWith('english.ts'))) {
      expect(readFileSync(file, 'utf8'), relative(ROOT, file)).not.toMatch(/\? 'an' : 'a'|`\$\{\w+\}s`/);
    }
  });
});
