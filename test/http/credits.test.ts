import { describe, expect, it } from 'vitest';
import { startHarness } from '../support/harness.ts';

describe('credits', async () => {
  const mock = await startHarness({ credits: { three: 3, ten: 10, five: 5 } });

  it('are unlimited for tokens without a configured balance', async () => {
    for (let i = 0; i < 5; i++) expect((await mock.get(`/ai?prompt=free+${i}`, 'rich')).status).toBe(200);
  });

  it('pay for each successful call; the fourth call of a 3-credit token is 402', async () => {
    for (let i = 0; i < 3; i++) expect((await mock.get(`/ai?prompt=paid+${i}`, 'three')).status).toBe(200);
    const res = await mock.get('/ai?prompt=one+too+many', 'three');
    expect(res.status).toBe(402);
    expect(res.text).toBe('Credit balance is 0; top up at https://dashboard.joinmassive.com/plans');
    expect(mock.instance.store.account('three')?.balance).toBe(0);
  });

  it('are not charged for invalid calls or lookups', async () => {
    await mock.get('/ai?prompt=x&country=zz', 'five');
    await mock.get('/ai/devices', 'five');
    await mock.get('/ai/completions?id=1851dab8-4619-409f-893f-47dd3a180bc3', 'five');
    expect(mock.instance.store.account('five')?.balance).toBe(5);
  });

  it('are debited atomically: with 10 credits, exactly 10 of 100 concurrent calls succeed', async () => {
    const calls = Array.from({ length: 100 }, (_, i) => mock.get(`/ai?prompt=race+${i}`, 'ten'));
    const statuses = (await Promise.all(calls)).map((res) => res.status);
    expect(statuses.filter((status) => status === 200)).toHaveLength(10);
    expect(statuses.filter((status) => status === 402)).toHaveLength(90);
    expect(mock.instance.store.account('ten')?.balance).toBe(0);
  });
});

describe('credit cost', async () => {
  const mock = await startHarness({ credits: { t: 12 }, creditCost: 5 });

  it('follows the configured cost, and refuses a call the balance cannot pay', async () => {
    expect((await mock.get('/ai?prompt=a', 't')).status).toBe(200);
    expect((await mock.get('/ai?prompt=b', 't')).status).toBe(200);
    expect(mock.instance.store.account('t')?.balance).toBe(2);
    expect((await mock.get('/ai?prompt=c', 't')).status).toBe(402);
  });
});
