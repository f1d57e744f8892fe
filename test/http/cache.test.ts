import { describe, expect, it } from 'vitest';
import { DAY_MS } from '../../src/core/massive/service.ts';
import { startHarness } from '../support/harness.ts';

describe('the one-day answer cache', async () => {
  const mock = await startHarness();
  const { clock } = mock.instance.control;
  clock.freeze();

  it('serves the same answer again within the day, with X-Mock-Cache and Age', async () => {
    const first = await mock.get('/ai?prompt=best+hiking+boots&country=us');
    expect(first.headers['x-mock-cache']).toBe('miss');
    expect(first.headers.age).toBeUndefined();
    clock.advance(90_000);
    const second = await mock.get('/ai?prompt=best+hiking+boots&country=US');
    expect(second.headers['x-mock-cache']).toBe('hit');
    expect(second.headers.age).toBe('90');
    expect(second.text).toBe(first.text);
  });

  it('keys on the conversation, not on format or mode', async () => {
    const json = await mock.get('/ai?prompt=tallest+buildings');
    const rendered = await mock.get('/ai?prompt=tallest+buildings&format=rendered');
    expect(rendered.headers['x-mock-cache']).toBe('hit');
    expect(rendered.text).toBe(json.body.html);
    expect((await mock.get('/ai?prompt=tallest+buildings&model=gemini')).headers['x-mock-cache']).toBe(
      'miss',
    );
  });

  it('generates a new answer once the cached one is a day old', async () => {
    const first = await mock.get('/ai?prompt=learn+to+juggle');
    clock.advance(DAY_MS - 1000);
    expect((await mock.get('/ai?prompt=learn+to+juggle')).headers['x-mock-cache']).toBe('hit');
    clock.advance(1000);
    const later = await mock.get('/ai?prompt=learn+to+juggle');
    expect(later.headers['x-mock-cache']).toBe('miss');
    expect(later.body.completion).not.toBe(first.body.completion);
  });

  it('expiration=0 asks again, answers differently, and the new answer becomes the cached one', async () => {
    const cached = await mock.get('/ai?prompt=sourdough+starter+tips');
    const fresh = await mock.get('/ai?prompt=sourdough+starter+tips&expiration=0');
    expect(fresh.headers['x-mock-cache']).toBe('miss');
    expect(fresh.body.completion).not.toBe(cached.body.completion);
    const again = await mock.get('/ai?prompt=sourdough+starter+tips');
    expect(again.headers['x-mock-cache']).toBe('hit');
    expect(again.text).toBe(fresh.text);
  });
});
