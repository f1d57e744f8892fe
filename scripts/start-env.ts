import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The environment `npm start` gives the server (the `NAME=value` words before `node` in
 * package.json's start script): the bench and the tests that run the server as `npm start` does
 * take it from there, and the Dockerfile sets the same.
 */
export function startEnv(root: string): Record<string, string> {
  const { scripts } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
    scripts: { start: string };
  };
  const env: Record<string, string> = {};
  for (const word of scripts.start.split(' ')) {
    const pair = /^([A-Z_][A-Z0-9_]*)=(\S*)$/.exec(word);
    if (!pair) break;
    env[pair[1] as string] = pair[2] as string;
  }
  return env;
}
