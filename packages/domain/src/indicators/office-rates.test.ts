import { describe, expect, it } from 'vitest';
import { problemResolutionRate, reportingTimeliness, statisticsEntryRate } from './office-rates';

describe('office rates', () => {
  it.each([
    [95, 100, '95.0'],
    [2, 3, '66.7'],
    [0, 0, null],
  ] as const)('按时报送率 %s of %s → %s', (onTime, due, percent) => {
    expect(reportingTimeliness({ onTime, due }).percent).toBe(percent);
  });

  it.each([
    [1, 8, '12.5'],
    [5, 400, '1.3'],
    [0, 0, null],
  ] as const)('入统率 %s of %s → %s', (entered, total, percent) => {
    expect(statisticsEntryRate({ entered, total }).percent).toBe(percent);
  });

  it.each([
    [1075, 1200, '89.6'],
    [0, 1200, '0.0'],
    [1200, 1200, '100.0'],
    [0, 0, null],
  ] as const)('问题解决率 %s of %s → %s', (solved, received, percent) => {
    expect(problemResolutionRate({ solved, received })).toEqual({
      numerator: String(solved),
      denominator: String(received),
      percent,
    });
  });
});
