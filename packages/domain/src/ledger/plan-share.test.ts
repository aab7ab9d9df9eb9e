import { describe, expect, it } from 'vitest';
import { matchColumn } from './columns';
import { checkPlanShare, planShareReadings } from './plan-share';

describe('planShareReadings', () => {
  it.each([
    [0.753, ['75.3', '0.753']],
    [75.3, ['7530', '75.3']],
    ['75.3%', ['75.3']],
    ['７５％', ['75']],
    ['0.5', ['50', '0.5']],
    [0, ['0']],
    ['—', []],
    [null, []],
    ['/', []],
  ])('%o may be %o percent', (cell, readings) => {
    expect(planShareReadings(cell)).toEqual(readings);
  });
});

describe('checkPlanShare', () => {
  const check = (cell: string | number | null, completed: string | null, plan: string | null) =>
    checkPlanShare({ cell, completedToDateWanYuan: completed, planWanYuan: plan });

  it('agrees within 0.5 percentage points, whichever way the number is written', () => {
    // 1500 ÷ 2000 = 75%.
    expect(check(0.75, '1500', '2000')).toEqual({
      statedPercent: '75',
      computedPercent: '75.0',
      disagrees: false,
    });
    expect(check(75, '1500', '2000')?.statedPercent).toBe('75');
    expect(check('75.5%', '1500', '2000')?.disagrees).toBe(false);
    expect(check('74.5%', '1500', '2000')?.disagrees).toBe(false);
    // A whole-percent sheet: 1510 ÷ 2000 = 75.5% printed as 75% (or 76%).
    expect(check('76%', '1510', '2000')?.disagrees).toBe(false);
  });

  it('disagrees beyond 0.5 points, compared exactly', () => {
    expect(check('75.6%', '1500', '2000')).toEqual({
      statedPercent: '75.6',
      computedPercent: '75.0',
      disagrees: true,
    });
    expect(check(0.7449, '1500', '2000')?.disagrees).toBe(true);
    // 1000 ÷ 3000 = 33.33…%: 33.8 is 0.47 off (agrees), 33.9 is 0.57 off.
    expect(check('33.8%', '1000', '3000')?.disagrees).toBe(false);
    expect(check('33.9%', '1000', '3000')?.disagrees).toBe(true);
    // A share of another plan (the 年初 plan before an adjustment).
    expect(check(0.6, '1500', '2000')?.disagrees).toBe(true);
  });

  it('has nothing to check without a share, a completed figure or a plan', () => {
    expect(check(null, '1500', '2000')).toBeNull();
    expect(check(0.75, null, '2000')).toBeNull();
    expect(check(0.75, '1500', null)).toBeNull();
    expect(check(0.75, '1500', '0')).toBeNull();
  });
});

describe('the 占年度计划% column', () => {
  it.each([
    ['占年度计划%', undefined],
    ['占年度计划(%)', '1-11月完成'],
    ['1-11月占年度计划%', undefined],
    ['占年度计划比例', '1-11月'],
  ])('%s (under %s) is planShare', (header, group) => {
    expect(matchColumn(header, group)).toBe('planShare');
  });

  it('leaves other rates unread', () => {
    expect(matchColumn('完成率', undefined)).toBeNull();
  });
});
