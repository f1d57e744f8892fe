import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SETTINGS } from '../../src/config/settings.ts';

const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');

describe('README', () => {
  it.each(SETTINGS.map((setting) => [setting.flag, setting.env]))('documents --%s and $%s', (flag, env) => {
    expect(readme).toContain(`--${flag}`);
    expect(readme).toContain(env.replace(/_(MIN|MAX)_MS$/, ''));
  });

  it('keeps the two newcomer commands', () => {
    expect(readme).toContain('npm ci && npm start');
    expect(readme).toContain('npm ci && npm test');
  });
});
