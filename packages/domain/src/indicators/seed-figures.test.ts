import { describe, expect, it } from 'vitest';
import { addDecimals, sumDecimals } from '../money/decimal';
import { averageDays } from './average-days';
import { doubleHalf } from './double-half';
import { problemResolutionRate } from './office-rates';
import { planCompletionRate } from './plan-completion';
import { resumptionRate, startRate } from './project-rates';
import { isBehindTimeProgress, progressGap, timeProgress } from './time-progress';

/** One project's annual plan and its monthly completed investment (万元), January first. */
interface PlanRecord {
  plannedWanYuan: string;
  monthlyWanYuan: string[];
}

/** A project in a start/resumption list. */
interface ProjectRecord {
  isPlannedToStart: boolean;
  isStarted: boolean;
  isSpecialBond: boolean;
}

const ytd = (plan: PlanRecord, month: number) => addDecimals(plan.monthlyWanYuan.slice(0, month));
const completedBy = (plans: PlanRecord[], month: number) => sumDecimals(plans, (plan) => ytd(plan, month));
const planned = (plans: PlanRecord[]) => sumDecimals(plans, (plan) => plan.plannedWanYuan);

/** `count` records built by `make(i)`: a list of projects or problems to count through the rules. */
const records = <T>(count: number, make: (i: number) => T): T[] =>
  Array.from({ length: count }, (_, i) => make(i));

// Luohe, one scope: 5,000,000 万元 planned; 46.0% by April, 64.4% by May.
const luoheScopeA: PlanRecord[] = [
  { plannedWanYuan: '1800000.5', monthlyWanYuan: ['150000.25', '160000', '250000', '270000', '330000'] },
  { plannedWanYuan: '1200000', monthlyWanYuan: ['100000', '110000.5', '180000', '190000', '240000'] },
  { plannedWanYuan: '1399999.5', monthlyWanYuan: ['100000', '120000', '190000', '200000', '250000'] },
  { plannedWanYuan: '600000', monthlyWanYuan: ['49999.75', '59999.5', '80000', '90000', '100000'] },
];
// Luohe, another scope: 2,000,000 万元 planned, 1,338,000 completed by May.
const luoheScopeB: PlanRecord[] = [
  { plannedWanYuan: '900000', monthlyWanYuan: ['100000', '100000.5', '120000', '130000', '150000'] },
  { plannedWanYuan: '700000.1234', monthlyWanYuan: ['60000', '80000', '96000', '110000', '122000'] },
  { plannedWanYuan: '399999.8766', monthlyWanYuan: ['40000', '45000', '55000', '60000', '69999.5'] },
];
// Hui'an: 1,000,000 万元 planned, 950,000 completed by the year's end.
const huian: PlanRecord[] = [
  { plannedWanYuan: '350000', monthlyWanYuan: ['333000'] },
  { plannedWanYuan: '420000.75', monthlyWanYuan: ['399000.5'] },
  { plannedWanYuan: '229999.25', monthlyWanYuan: ['217999.5'] },
];

describe('published figures, recomputed from records', () => {
  it('Luohe: 64.4% of the plan by May, 22.7 points ahead of 序时进度', () => {
    const completion = planCompletionRate({
      completedYtdWanYuan: completedBy(luoheScopeA, 5),
      plannedWanYuan: planned(luoheScopeA),
    });
    expect(completion).toEqual({ numerator: '3220000', denominator: '5000000', percent: '64.4' });
    const time = timeProgress({ year: 2020, asOfMonth: 5 });
    expect(time.percent).toBe('41.7');
    expect(progressGap(completion.percent, time.percent!)).toBe('22.7');
    expect(isBehindTimeProgress(completion.percent, time.percent!)).toBe(false);
  });

  it('Luohe: 66.9% of the plan by May in the second scope', () => {
    const completion = planCompletionRate({
      completedYtdWanYuan: completedBy(luoheScopeB, 5),
      plannedWanYuan: planned(luoheScopeB),
    });
    expect(completion).toEqual({ numerator: '1338000', denominator: '2000000', percent: '66.9' });
  });

  it('Luohe: 双过半 first reached with the May report, one month early', () => {
    const verdicts = [1, 2, 3, 4, 5].map((asOfMonth) =>
      doubleHalf({
        asOfMonth,
        completedYtdWanYuan: completedBy(luoheScopeA, asOfMonth),
        plannedWanYuan: planned(luoheScopeA),
      }),
    );
    expect(verdicts.map((v) => v.investment.percent)).toEqual(['8.0', '17.0', '31.0', '46.0', '64.4']);
    const first = verdicts.find((v) => v.isReached);
    expect(first?.timeProgress.numerator).toBe('5');
    expect(first?.monthsEarly).toBe(1);
  });

  it("Hui'an: 95% of the annual plan", () => {
    const completion = planCompletionRate({
      completedYtdWanYuan: completedBy(huian, 12),
      plannedWanYuan: planned(huian),
    });
    expect(completion).toEqual({ numerator: '950000', denominator: '1000000', percent: '95.0' });
  });

  it("Hui'an: 48 of the 53 projects planned to start have started, 90.6%", () => {
    const projects: ProjectRecord[] = [
      ...records(53, (i) => ({ isPlannedToStart: true, isStarted: i < 48, isSpecialBond: false })),
      // Continuing projects are not planned to start and must not count either way.
      ...records(30, () => ({ isPlannedToStart: false, isStarted: true, isSpecialBond: false })),
    ];
    const plannedToStart = projects.filter((p) => p.isPlannedToStart);
    const rate = startRate({
      started: plannedToStart.filter((p) => p.isStarted).length,
      plannedToStart: plannedToStart.length,
    });
    expect(rate).toEqual({ numerator: '48', denominator: '53', percent: '90.6' });
  });

  it('Shandong: 391 of 397 special-bond projects started, 98.5%', () => {
    const projects: ProjectRecord[] = [
      ...records(397, (i) => ({ isPlannedToStart: true, isStarted: i % 66 !== 65, isSpecialBond: true })),
      ...records(120, (i) => ({ isPlannedToStart: true, isStarted: i % 2 === 0, isSpecialBond: false })),
    ];
    const bonds = projects.filter((p) => p.isSpecialBond && p.isPlannedToStart);
    const rate = startRate({
      started: bonds.filter((p) => p.isStarted).length,
      plannedToStart: bonds.length,
    });
    expect(rate).toEqual({ numerator: '391', denominator: '397', percent: '98.5' });
  });

  it('Shandong: resumption 99.4% (the article gives only the rate; 1,014 of 1,020 key projects give it)', () => {
    const projects = records(1020, (i) => ({ isResumed: i >= 6 }));
    const rate = resumptionRate({
      resumed: projects.filter((p) => p.isResumed).length,
      toResume: projects.length,
    });
    expect(rate).toEqual({ numerator: '1014', denominator: '1020', percent: '99.4' });
  });

  it('Shandong: 1,075 of 1,200 problems solved, 89.6%', () => {
    const statuses = ['resolved', 'inProgress', 'escalated', 'reopened'] as const;
    const problems = [
      ...records(1075, () => ({ status: 'writtenOff' as const })),
      ...records(125, (i) => ({ status: statuses[i % statuses.length]! })),
    ];
    const rate = problemResolutionRate({
      solved: problems.filter((p) => p.status === 'writtenOff').length,
      received: problems.length,
    });
    expect(rate).toEqual({ numerator: '1075', denominator: '1200', percent: '89.6' });
  });

  it('Luohe: average approval time from 66 to 38 days', () => {
    const before = [{ days: 80 }, { days: 52 }, { days: 71 }, { days: 61 }];
    const after = [{ days: 45 }, { days: 30 }, { days: 41 }, { days: 36 }];
    expect(averageDays(before.map((a) => a.days)).average).toBe('66.0');
    expect(averageDays(after.map((a) => a.days)).average).toBe('38.0');
  });
});
