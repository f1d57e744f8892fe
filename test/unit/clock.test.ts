import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { VirtualClock } from '../../src/core/kernel/clock.ts';

describe('the virtual clock’s timers', () => {
  it('fire when the clock is moved past them, in the order of their times', () => {
    const clock = new VirtualClock();
    clock.freeze();
    const start = clock.now();
    const fired: string[] = [];
    clock.at(start + 2000, () => fired.push('second'));
    clock.at(start + 1000, () => fired.push('first'));
    clock.advance(999);
    expect(fired).toEqual([]);
    clock.advance(5000);
    expect(fired).toEqual(['first', 'second']);
    clock.advance(5000);
    expect(fired).toEqual(['first', 'second']);
  });

  it('fire by real time when the clock runs, and not once cancelled', async () => {
    const clock = new VirtualClock();
    const fired: string[] = [];
    clock.at(clock.now() + 30, () => fired.push('kept'));
    const cancel = clock.at(clock.now() + 30, () => fired.push('cancelled'));
    cancel();
    await sleep(80);
    expect(fired).toEqual(['kept']);
  });

  it('fire on set, and a timer already due fires at once', () => {
    const clock = new VirtualClock();
    clock.freeze();
    const fired: number[] = [];
    clock.at(Date.parse('2030-01-01T00:00:00Z'), () => fired.push(1));
    clock.at(0, () => fired.push(0));
    expect(fired).toEqual([0]);
    clock.set(Date.parse('2030-06-01T00:00:00Z'));
    expect(fired).toEqual([0, 1]);
  });

  it('stay quiet while frozen, and leave nothing armed once cleared', async () => {
    const clock = new VirtualClock();
    clock.freeze();
    const fired: string[] = [];
    clock.at(clock.now() + 10, () => fired.push('x'));
    await sleep(40);
    expect(fired).toEqual([]);
    clock.clearTimers();
    clock.advance(100);
    expect(fired).toEqual([]);
  });
});
