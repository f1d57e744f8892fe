import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SETTINGS } from '../../src/config/settings.ts';

const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
const configuration = readFileSync(new URL('../../docs/configuration.md', import.meta.url), 'utf8');

describe('docs/configuration.md', () => {
  it.each(SETTINGS.map((setting) => [setting.flag, setting.env]))('documents --%s and $%s', (flag, env) => {
    expect(configuration).toContain(`--${flag}`);
    expect(configuration).toContain(env.replace(/_(MIN|MAX)_MS$/, ''));
  });
});

describe('README', () => {
  it('links only to docs pages that exist, or that the other helpers write', () => {
    const pages = [...readme.matchAll(/\]\((docs\/[^)#]+)/g)].map((match) => match[1] as string);
    expect(pages.length).toBeGreaterThan(8);
    const pending = ['docs/router-chat.md', 'docs/search-browser.md', 'docs/benchmarks.md'];
    for (const page of pages)
      expect(existsSync(new URL(`../../${page}`, import.meta.url)) || pending.includes(page), page).toBe(
        true,
      );
  });

  it('puts no paragraph in a table cell', () => {
    const cells = readme
      .split('\n')
      .filter((line) => line.startsWith('|'))
      .flatMap((line) => line.split('|'));
    for (const cell of cells) expect(cell.trim().length, cell).toBeLessThan(120);
  });

  it('sets every variable the Quick start uses before its first use', () => {
    const section = /^## Quick start\n([\s\S]*?)^## /m.exec(readme)?.[1] ?? '';
    const shell = [...section.matchAll(/```sh\n([\s\S]*?)```/g)].map((block) => block[1]).join('\n');
    const used = [...shell.matchAll(/\$\{?([A-Z_][A-Z0-9_]*)/g)];
    expect(used.map((match) => match[1])).toContain('MASSIVE_TOKEN');
    for (const match of used) {
      const before = shell.slice(0, match.index);
      expect(before, `$${match[1]} is used before it is set`).toMatch(
        new RegExp(`^export ${match[1]}=\\S`, 'm'),
      );
    }
  });

  it('keeps the two newcomer commands', () => {
    expect(readme).toContain('npm ci && npm start');
    expect(readme).toContain('npm ci && npm test');
  });
});
