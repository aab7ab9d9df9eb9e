import { describe, expect, it } from 'vitest';
import { AppError } from '../errors';
import { averageDays } from './average-days';

describe('average days', () => {
  it.each([
    [[80, 52, 71, 61], '264', '66.0'],
    [[45, 30, 41, 36], '152', '38.0'],
    [[1, 2], '3', '1.5'],
    [[1, 1, 2], '4', '1.3'],
    [[1, 2, 2], '5', '1.7'],
    [[0, 0, 0, 0, 0, 0, 0, 1], '1', '0.1'],
    [[0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1], '1', '0.1'],
    [['0.5', '1.25'], '1.75', '0.9'],
    [[], '0', null],
  ] as const)('%j → total %s, average %s', (durations, totalDays, average) => {
    expect(averageDays(durations)).toEqual({ totalDays, count: durations.length, average });
  });

  it.each([[[3, -1]], [[1.5]]])('refuses %j', (durations) => {
    expect(() => averageDays(durations)).toThrow(AppError);
  });
});
