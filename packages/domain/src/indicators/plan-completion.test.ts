import { describe, expect, it } from 'vitest';
import { AppError } from '../errors';
import { planCompletionRate } from './plan-completion';

describe('plan completion rate', () => {
  it.each([
    ['3220000', '5000000', '64.4'],
    ['950000', '1000000', '95.0'],
    ['0.1', '0.3', '33.3'],
    ['12.5', '100', '12.5'],
    ['1.25', '100', '1.3'],
    ['1.2499', '100', '1.2'],
    ['105', '100', '105.0'],
    ['0', '100', '0.0'],
    ['100', '0', null],
    ['0', '0', null],
  ])('%s of %s 万元 → %s', (completedYtdWanYuan, plannedWanYuan, percent) => {
    expect(planCompletionRate({ completedYtdWanYuan, plannedWanYuan }).percent).toBe(percent);
  });

  it('answers the figures behind the rate, normalised', () => {
    expect(planCompletionRate({ completedYtdWanYuan: '3220000.00', plannedWanYuan: '05000000' })).toEqual({
      numerator: '3220000',
      denominator: '5000000',
      percent: '64.4',
    });
  });

  it.each([
    ['-1', '100'],
    ['1', '-100'],
    ['1.00001', '100'],
    ['1,000', '100'],
  ])('refuses %s of %s', (completedYtdWanYuan, plannedWanYuan) => {
    expect(() => planCompletionRate({ completedYtdWanYuan, plannedWanYuan })).toThrow(AppError);
  });
});
