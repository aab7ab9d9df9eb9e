import { describe, expect, it } from 'vitest';
import { AppError } from '../errors';
import {
  daysInYear,
  isBehindTimeProgress,
  progressGap,
  timeProgress,
  timeProgressByDay,
} from './time-progress';

describe('time progress by months (the default)', () => {
  it.each([
    [0, '0.0'],
    [1, '8.3'],
    [2, '16.7'],
    [3, '25.0'],
    [5, '41.7'],
    [6, '50.0'],
    [9, '75.0'],
    [12, '100.0'],
  ])('end of month %s → %s%%', (asOfMonth, percent) => {
    expect(timeProgress({ year: 2025, asOfMonth })).toEqual({
      numerator: String(asOfMonth),
      denominator: '12',
      percent,
    });
  });

  it.each([
    [2025, -1],
    [2025, 13],
    [2025, 5.5],
    [1800, 5],
  ])('refuses year %s month %s', (year, asOfMonth) => {
    expect(() => timeProgress({ year, asOfMonth })).toThrow(AppError);
  });
});

describe('time progress by days', () => {
  it.each([
    [2025, '2025-01-01', '1', '365', '0.3'],
    [2025, '2025-05-31', '151', '365', '41.4'],
    [2024, '2024-05-31', '152', '366', '41.5'],
    [2025, '2025-07-02', '183', '365', '50.1'],
    [2024, '2024-07-01', '183', '366', '50.0'],
    [2024, '2024-12-31', '366', '366', '100.0'],
    [2025, '2024-12-31', '0', '365', '0.0'],
    [2025, '2026-01-10', '365', '365', '100.0'],
  ])('%s as of %s → %s/%s = %s%%', (year, isoDate, numerator, denominator, percent) => {
    expect(timeProgressByDay(year, isoDate)).toEqual({ numerator, denominator, percent });
  });

  it.each([['2025-02-29'], ['2025-13-01'], ['2025-5-31'], ['31/05/2025'], ['']])('refuses %s', (isoDate) => {
    expect(() => timeProgressByDay(2025, isoDate)).toThrow(AppError);
  });

  it.each([
    [2024, 366],
    [2025, 365],
    [2000, 366],
    [2100, 365],
  ])('%s has %s days', (year, days) => {
    expect(daysInYear(year)).toBe(days);
  });
});

describe('gap to time progress', () => {
  it.each([
    ['64.4', '41.7', '22.7', false],
    ['66.9', '41.7', '25.2', false],
    ['40.0', '41.7', '-1.7', true],
    ['41.7', '41.7', '0.0', false],
    ['41.6', '41.7', '-0.1', true],
    ['0.0', '8.3', '-8.3', true],
    ['105.0', '100.0', '5.0', false],
    [null, '41.7', null, false],
  ])('completion %s against %s → %s points, behind: %s', (completion, time, gap, isBehind) => {
    expect(progressGap(completion, time)).toBe(gap);
    expect(isBehindTimeProgress(completion, time)).toBe(isBehind);
  });
});
