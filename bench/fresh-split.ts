/**
 * Where a fresh answer's time goes, step by step as the service makes one (core/service.ts
 * freshAnswer, then revisions/present.ts makeReply): storing what makes it (one transaction, as
 * a call commits it), generating the content, rendering the page, presenting and encoding it as
 * JSON, and the bytes of the reply. In-process, no HTTP. `node bench/fresh-split.ts [answers=300]`;
 * the store is a temporary file, as by default.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { systemClock } from '../src/core/kernel/clock.ts';
import { conversationKey } from '../src/core/massive/conversation.ts';
import { generateAnswer, renderMarked } from '../src/core/massive/generate/index.ts';
import { parseAiRequest } from '../src/core/massive/params/request.ts';
import { deriveSeed } from '../src/core/kernel/random.ts';
import { jsonParts } from '../src/core/massive/revisions/encode.ts';
import { DEFAULT_REVISION, findRevision, type Revision } from '../src/core/massive/revisions/index.ts';
import { openSqliteStore } from '../src/store/sqlite-store.ts';

const count = Number(process.argv[2] ?? 300);
const dir = mkdtempSync(join(tmpdir(), 'massive-mock-split-'));
const store = openSqliteStore(join(dir, 'split.db'));
const STEPS = ['store (insert + commit)', 'generate', 'render', 'JSON encoding', 'reply bytes'] as const;
type Step = (typeof STEPS)[number];
/** Wall time, and CPU time (which other work on the machine moves much less), per step. */
const wall = Object.fromEntries(STEPS.map((step) => [step, 0])) as Record<Step, number>;
const cpu = { ...wall };
let bytes = 0;
const timed = <T>(step: Step, work: () => T): T => {
  const started = performance.now();
  const used = process.cpuUsage();
  const result = work();
  const { user, system } = process.cpuUsage(used);
  wall[step] += performance.now() - started;
  cpu[step] += (user + system) / 1000;
  return result;
};
const revision = findRevision(DEFAULT_REVISION) as Revision;
try {
  for (let i = 0; i < count + 20; i++) {
    if (i === 20) for (const step of STEPS) wall[step] = cpu[step] = 0; // after a warm-up
    const { conversation } = parseAiRequest({ prompt: `bench fresh prompt ${i}`, expiration: '0' });
    const key = conversationKey(conversation);
    const seed = deriveSeed(1, key, 1);
    timed('store (insert + commit)', () =>
      store.transaction(() =>
        store.addAnswer({
          key,
          version: 1,
          createdAt: systemClock.now(),
          seed,
          domains: 'reserved',
          canned: null,
        }),
      ),
    );
    // What makeReply does (revisions/present.ts), step by step; the default revision
    // shows no event stream, so none is made.
    const answer = timed('generate', () => generateAnswer(conversation, seed));
    const rendered = timed('render', () => renderMarked(conversation, answer, seed));
    const presented = timed('JSON encoding', () => revision.present({ page: rendered.completion, sse: '' }));
    bytes += timed(
      'reply bytes',
      () => jsonParts(conversation.model, presented, rendered.completion.html).length,
    );
  }
} finally {
  store.close();
  rmSync(dir, { recursive: true, force: true });
}
const sum = (times: Record<Step, number>) => STEPS.reduce((total, step) => total + times[step], 0);
const each = (ms: number) => (ms / count).toFixed(2).padStart(6);
process.stdout.write(
  `${count} fresh answers, ${(bytes / count / 1000).toFixed(0)} kB of JSON each; ms each, wall and CPU:\n`,
);
for (const step of [...STEPS, 'total'] as const) {
  const [w, c] = step === 'total' ? [sum(wall), sum(cpu)] : [wall[step], cpu[step]];
  const share = ((100 * c) / sum(cpu)).toFixed(0).padStart(3);
  process.stdout.write(`  ${step.padEnd(24)} ${each(w)} ${each(c)}  ${share}% of the CPU\n`);
}
