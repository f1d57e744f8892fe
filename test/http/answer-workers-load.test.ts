import { describe, expect, it } from 'vitest';
import { answerWorkers } from '../../src/http/massive/answer-workers.ts';
import { startHarness } from '../support/harness.ts';

describe('fresh answers under load, over HTTP', async () => {
  // Two emulators with the same seed: one makes every reply on its event loop, the other hands
  // them to its worker thread once they come faster than 50 a second.
  const alone = await startHarness({ seed: 42, answerThreads: 0 });
  const pooled = await startHarness({ seed: 42, answerThreads: 1 });
  const prompts = Array.from({ length: 240 }, (_, i) => `/ai?prompt=load+test+prompt+${i}&expiration=0`);

  it(
    'are the same bytes whichever thread made them, with the same headers',
    { timeout: 60_000 },
    async () => {
      const fromPool: string[] = [];
      // In waves, so that the pool starts partway and later waves are made on its thread.
      for (let wave = 0; wave < prompts.length; wave += 60) {
        const answers = await Promise.all(prompts.slice(wave, wave + 60).map((url) => pooled.get(url)));
        for (const res of answers) {
          expect(res.status).toBe(200);
          expect(res.headers['content-length']).toBe(String(Buffer.byteLength(res.text)));
          fromPool.push(res.text);
        }
      }
      // The process's pool of one thread, which the pooled emulator used.
      expect(answerWorkers(1)?.handedOver).toBeGreaterThan(0);
      for (const [i, url] of prompts.entries()) {
        const res = await alone.get(url);
        expect(res.text === fromPool[i], `${url} differs`).toBe(true);
      }
    },
  );
});
