import { describe, expect, it } from 'vitest';
import { demoClock, notAfter } from './demo-clock';

const now = new Date('2026-12-08T02:30:00+08:00');

describe('demo clock', () => {
  it('keeps a scripted moment that has passed', () => {
    const earlier = new Date('2026-12-07T16:00:00+08:00');
    expect(notAfter(earlier, now)).toEqual(earlier);
    expect(demoClock(earlier, { now: () => now }).now()).toEqual(earlier);
  });

  it('moves a moment later today to just before the load, keeping the order of the day', () => {
    const nine = notAfter(new Date('2026-12-08T09:00:00+08:00'), now);
    const four = notAfter(new Date('2026-12-08T16:00:00+08:00'), now);
    expect(nine.getTime()).toBeLessThan(now.getTime());
    expect(four.getTime()).toBeLessThan(now.getTime());
    expect(nine.getTime()).toBeLessThan(four.getTime());
    // 15 hours before midnight → 54 seconds before the load.
    expect(now.getTime() - nine.getTime()).toBe(54_000);
  });
});
