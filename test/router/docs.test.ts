import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { startHarness } from '../support/harness.ts';

const run = promisify(execFile);
const ROOT = new URL('../../', import.meta.url).pathname;
const page = readFileSync(new URL('docs/router-chat.md', `file://${ROOT}`), 'utf8');
const examples = [...page.matchAll(/```js\n([\s\S]*?)```/g)].map((block) => block[1] ?? '');

/** docs/router-chat.md's examples run verbatim (as ES modules, in their own process) against a started server. */
describe('docs/router-chat.md', async () => {
  const mock = await startHarness();
  const base = await mock.instance.app.listen({ host: '127.0.0.1', port: 0 });
  const node = async (code: string) =>
    (
      await run(process.execPath, ['--input-type=module', '--eval', code], {
        cwd: ROOT,
        env: { ...process.env, MASSIVE_MOCK_URL: base },
        timeout: 30_000,
      })
    ).stdout;

  it('has the openai SDK example and the Vercel AI SDK example', () => {
    expect(examples).toHaveLength(2);
  });

  it('the openai SDK example answers, streams the same text, and calls the tool with the city', async () => {
    const out = await node(examples[0] ?? '');
    const answer = out.split('\n')[0] ?? '';
    expect(answer.length).toBeGreaterThan(10);
    // Printed once from the JSON answer, once from the stream's deltas.
    expect(out.split(`${answer}\n`)).toHaveLength(3);
    expect(out).toMatch(/prompt_tokens: \d+/);
    expect(out).toContain(`name: 'get_weather'`);
    expect(out).toContain(`arguments: '{"city":"Lisbon"}'`);
  });

  it('the Vercel AI SDK example calls the tool, then answers with its result', async () => {
    const out = await node(examples[1] ?? '');
    expect(out).toContain(`{ city: 'Lisbon' }`);
    expect(out).toContain('According to getWeather, city is Lisbon, temperature is 21, condition is sunny.');
  });
});
