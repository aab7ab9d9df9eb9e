import { describe, expect, it } from 'vitest';
import { archivedThrough, auditRetentionRefusal } from './audit-retention';

describe('auditRetentionRefusal', () => {
  it.each([
    [179, true],
    [0, true],
    [180.5, true],
    [180, false],
    [3650, false],
  ])('%s days refused: %s', (days, isRefused) => {
    expect(auditRetentionRefusal(days) !== null).toBe(isRefused);
  });

  it('says the minimum and what it got', () => {
    expect(auditRetentionRefusal(90)).toContain('不得少于 180 天');
    expect(auditRetentionRefusal(90)).toContain('90 天');
  });
});

describe('archivedThrough', () => {
  const d = (day: string) => new Date(`2026-${day}T00:00:00Z`);
  it.each([
    ['no export', [], null],
    ['one export from before the oldest event', [{ from: d('01-01'), to: d('03-01') }], d('03-01')],
    ['an export that starts after the oldest event', [{ from: d('02-01'), to: d('03-01') }], null],
    [
      'exports joined without a gap, in any order',
      [
        { from: d('03-01'), to: d('04-01') },
        { from: d('01-01'), to: d('03-01') },
      ],
      d('04-01'),
    ],
    [
      'a gap stops the coverage',
      [
        { from: d('01-01'), to: d('02-01') },
        { from: d('03-01'), to: d('04-01') },
      ],
      d('02-01'),
    ],
  ])('%s', (_name, exports, expected) => {
    expect(archivedThrough(d('01-15'), exports)).toEqual(expected);
  });
});
