import { describe, expect, it } from 'vitest';
import { AppError } from '../errors';
import { completionRate, operationRate, resumptionRate, startRate } from './project-rates';

describe('project counts as rates', () => {
  it.each([
    [48, 53, '90.6'],
    [391, 397, '98.5'],
    [0, 53, '0.0'],
    [53, 53, '100.0'],
    [2, 3, '66.7'],
    [0, 0, null],
    ['48', '53', '90.6'],
  ] as const)('开工率 %s of %s → %s', (started, plannedToStart, percent) => {
    expect(startRate({ started, plannedToStart })).toEqual({
      numerator: String(started),
      denominator: String(plannedToStart),
      percent,
    });
  });

  it.each([
    [1014, 1020, '99.4'],
    [1, 8, '12.5'],
    [0, 0, null],
  ] as const)('复工率 %s of %s → %s', (resumed, toResume, percent) => {
    expect(resumptionRate({ resumed, toResume }).percent).toBe(percent);
  });

  it.each([
    [5, 400, '1.3'],
    [7, 8, '87.5'],
    [0, 0, null],
  ] as const)('竣工率 %s of %s → %s', (completed, plannedToComplete, percent) => {
    expect(completionRate({ completed, plannedToComplete }).percent).toBe(percent);
  });

  it.each([
    [1, 3, '33.3'],
    [12, 10, '120.0'],
    [0, 0, null],
  ] as const)('投产率 %s of %s → %s', (inOperation, plannedToOperate, percent) => {
    expect(operationRate({ inOperation, plannedToOperate }).percent).toBe(percent);
  });

  it.each([
    [-1, 5],
    [1, -5],
    [1.5, 5],
  ])('refuses %s of %s', (started, plannedToStart) => {
    expect(() => startRate({ started, plannedToStart })).toThrow(AppError);
  });
});
