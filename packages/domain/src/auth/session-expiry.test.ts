import { describe, expect, it } from 'vitest';
import { defaultSecurityPolicy as policy } from './security-policy';
import { sessionAlive } from './session-expiry';

const t0 = new Date('2026-01-05T00:00:00Z');
const plus = (minutes: number) => new Date(t0.getTime() + minutes * 60_000);

describe('sessionAlive', () => {
  it.each([
    { name: 'fresh', lastSeen: 0, now: 1, alive: true },
    { name: '29 minutes idle', lastSeen: 0, now: 29, alive: true },
    { name: '30 minutes idle', lastSeen: 0, now: 30, alive: false },
    { name: 'busy but older than 12 hours', lastSeen: 12 * 60 - 1, now: 12 * 60, alive: false },
    { name: 'busy for 11 hours', lastSeen: 11 * 60 - 1, now: 11 * 60, alive: true },
  ])('$name → $alive', ({ lastSeen, now, alive }) => {
    expect(sessionAlive({ createdAt: t0, lastSeenAt: plus(lastSeen) }, policy, plus(now))).toBe(alive);
  });
});
