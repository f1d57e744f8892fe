import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { startCli } from '../support/cli-process.ts';

const dir = mkdtempSync(join(tmpdir(), 'massive-mock-kill-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const CLI = ['src/cli.ts'];
const auth = { authorization: 'Bearer survivor' };

describe('a process killed with SIGKILL while queuing jobs', () => {
  it(
    'keeps every acknowledged job, a balance that matches what was charged, and byte-identical answers',
    { timeout: 60_000 },
    async () => {
      const database = join(dir, 'jobs.db');
      const args = [
        ...CLI,
        '--database',
        database,
        '--credits',
        'survivor=100000',
        '--job-min-ms',
        '0',
        '--job-max-ms',
        '0',
      ];
      const first = await startCli(process.execPath, args);
      // Answers are stored as what makes them: after the kill they are made again, byte for byte.
      const KEPT = [
        '/ai?prompt=kept+answer',
        '/ai?prompt=kept+answer&format=rendered',
        '/ai?prompt=kept+answer&format=raw',
      ];
      const kept = new Map<string, string>();
      for (const path of KEPT)
        kept.set(path, await (await fetch(`${first.url}${path}`, { headers: auth })).text());
      const acknowledged: string[] = [];
      let stop = false;
      const queue = async (worker: number) => {
        for (let i = 0; !stop; i++) {
          try {
            const res = await fetch(`${first.url}/ai?prompt=job+${worker}+${i}&mode=async`, {
              headers: auth,
            });
            const body = await res.text();
            if (res.status === 202) acknowledged.push((JSON.parse(body) as { id: string }).id);
          } catch {
            return; // the process is gone
          }
        }
      };
      const workers = [0, 1, 2, 3].map(queue);
      await new Promise((resolve) => setTimeout(resolve, 1500));
      const code = await first.stop('SIGKILL');
      stop = true;
      await Promise.all(workers);
      expect(code).toBeNull();
      expect(acknowledged.length).toBeGreaterThan(10);

      const second = await startCli(process.execPath, args);
      try {
        for (const path of KEPT) {
          const res = await fetch(`${second.url}${path}`, { headers: auth });
          expect(res.headers.get('x-mock-cache'), path).toBe('hit');
          expect(await res.text(), path).toBe(kept.get(path));
        }
        for (const id of acknowledged) {
          const res = await fetch(`${second.url}/ai/completions?id=${id}`, { headers: auth });
          expect(res.status, id).toBe(200);
          await res.arrayBuffer();
        }
      } finally {
        expect(await second.stop()).toBe(0);
      }
      const db = new Database(database, { readonly: true });
      const { jobs, charged } = db
        .prepare('SELECT COUNT(*) AS jobs, SUM(cost) AS charged FROM jobs')
        .get() as {
        jobs: number;
        charged: number;
      };
      const { balance } = db.prepare("SELECT balance FROM accounts WHERE token = 'survivor'").get() as {
        balance: number;
      };
      db.close();
      expect(jobs).toBeGreaterThanOrEqual(acknowledged.length);
      // The kept answer's calls were charged too, in both processes.
      expect(balance).toBe(100000 - charged - 2 * KEPT.length);
      expect(charged).toBe(jobs);
    },
  );
});
