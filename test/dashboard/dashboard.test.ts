import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolveConfig } from '../../src/config/config.ts';
import { createInstance, type Instance } from '../../src/instance.ts';
import { hasChromium, openBrowser } from './browser.ts';

const AUTH = { authorization: 'Bearer dev-token' };
/** A browser on a busy machine may take more than expect.poll's default second to draw. */
const POLL = { timeout: 15_000 };

/** Every answer of 400 or more, and every request that failed, while the page was open. */
function watchFailures(page: Page): string[] {
  const failures: string[] = [];
  page.on('response', (response) => {
    if (response.status() >= 400) failures.push(`${response.status()} ${response.url()}`);
  });
  page.on('requestfailed', (request) => failures.push(`failed ${request.url()}`));
  return failures;
}

describe.skipIf(!hasChromium)('the dashboard in a real browser', () => {
  let instance: Instance;
  let base: string;
  let browser: Awaited<ReturnType<typeof openBrowser>>;

  beforeAll(async () => {
    instance = await createInstance(resolveConfig({ database: ':memory:' }), false);
    await instance.app.listen({ host: '127.0.0.1', port: 0 });
    base = `http://127.0.0.1:${(instance.app.server.address() as AddressInfo).port}`;
    browser = await openBrowser();
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await instance?.close();
  });

  it('shows the calls made with curl, and opens one to its headers, answer and decisions', async () => {
    await fetch(`${base}/ai?prompt=best+basketball+shoes+for+2026`, { headers: AUTH });
    await fetch(`${base}/ai?prompt=how+to+fold+a+paper+crane`, { headers: AUTH });
    const page = await browser.context.newPage();
    const failures = watchFailures(page);
    await page.goto(`${base}/`);
    const rows = page.locator('table.log tbody tr');
    await expect.poll(() => rows.count(), POLL).toBe(2);
    // Newest first: the fixture's call is the second row.
    await expect
      .poll(() => rows.nth(1).textContent(), POLL)
      .toContain('fixture best-basketball-shoes-for-2026.json');
    await rows.nth(1).click();
    const detail = page.locator('section.detail');
    await expect
      .poll(() => detail.textContent(), POLL)
      .toContain('"fixture": "best-basketball-shoes-for-2026.json"');
    expect(await detail.textContent()).toContain('x-mock-fixture');
    expect(await detail.textContent()).toContain('"query":"best basketball shoes for 2026"');
    await page.screenshot({ path: join(tmpdir(), 'massive-mock-dashboard.png') });
    await page.locator('select[name=api]').selectOption('router');
    await expect.poll(() => rows.count(), POLL).toBe(0);
    expect(failures).toEqual([]);
    await page.close();
  });

  it('adds and removes a fault rule, and the journal shows it fire', async () => {
    const page = await browser.context.newPage();
    await page.goto(`${base}/#faults`);
    await page.locator('form.rule button').click();
    const rules = page.locator('table tbody tr');
    await expect.poll(() => rules.count(), POLL).toBe(1);
    expect(instance.control.faults.list()).toHaveLength(1);
    await page.locator('textarea[name=rule]').fill('{"effect": {"status": 999}}');
    await page.locator('form.rule button').click();
    await expect.poll(() => page.locator('#problem').textContent(), POLL).toContain('400: effect.status');
    await page.getByRole('button', { name: 'Remove rule-1' }).click();
    await expect.poll(() => rules.count(), POLL).toBe(0);
    expect(instance.control.faults.list()).toHaveLength(0);
    await page.close();
  });

  it('draws usage, jobs and coverage from the admin API', async () => {
    await fetch(`${base}/ai?prompt=queued&mode=async`, { headers: AUTH });
    const page = await browser.context.newPage();
    const failures = watchFailures(page);
    await page.goto(`${base}/#usage`);
    await expect.poll(() => page.locator('svg.chart rect.calls').count(), POLL).toBeGreaterThan(0);
    expect(await page.locator('main table').textContent()).toContain('dev-token');
    await page.goto(`${base}/#jobs`);
    await expect.poll(() => page.locator('.timeline').count(), POLL).toBe(1);
    await page.goto(`${base}/#coverage`);
    await expect.poll(() => page.locator('main').textContent(), POLL).toContain('getCompletion');
    expect(failures).toEqual([]);
    await page.close();
  });

  it("opens every chatbot's rendered page without a failing request, and keeps its assets out of the journal", async () => {
    const page = await browser.context.newPage();
    await page.setExtraHTTPHeaders(AUTH);
    const failures = watchFailures(page);
    instance.control.journal.clear();
    for (const model of ['chatgpt', 'perplexity', 'gemini', 'copilot']) {
      await page.goto(`${base}/ai?prompt=best+basketball+shoes+for+2026&format=rendered&model=${model}`, {
        waitUntil: 'networkidle',
      });
    }
    expect(failures).toEqual([]);
    expect(instance.control.journal.list().map((entry) => entry.path)).toEqual(['/ai', '/ai', '/ai', '/ai']);
    await page.close();
  });
});
