import { describe, expect, it } from 'vitest';
import { problemRegionSumsOf } from '../problems/problem-region-sums';
import { type RegionFactsInput, regionFactsOfProject, regionSumsOf } from './region-sums';

const input = (over: Partial<RegionFactsInput> = {}): RegionFactsInput => ({
  project: {
    regionCode: '350902',
    recordedStage: 'underway',
    actualStartOn: '2026-03-10',
    actualCompletionOn: null,
    actualOperationOn: '2026-11-05',
  },
  year: 2026,
  plan: {
    status: 'frozen',
    adjusted: {
      plannedInvestmentWanYuan: '1200',
      splitKind: 'none',
      splitWanYuan: null,
      plansStart: true,
      plansCompletion: true,
      plansOperation: true,
    },
    baseline: {
      plannedInvestmentWanYuan: '1000',
      splitKind: 'quarter',
      splitWanYuan: ['100', '200', '300', '400'],
      plansStart: true,
      plansCompletion: null,
      plansOperation: false,
    },
  },
  ytd: ['10', '10', '30', '30', '30', '30', '30', '30', '30', '30', '30', '30'],
  reports: [
    { month: 1, status: 'approved', isSubmitted: true, late: false, inStatistics: true },
    { month: 2, status: 'submitted', isSubmitted: true, late: true, inStatistics: false },
    { month: 3, status: 'draft', isSubmitted: false, late: false, inStatistics: false },
  ],
  ...over,
});

describe('regionFactsOfProject', () => {
  it('gives one row per basis with a plan, each by its own curve and flags', () => {
    const [adjusted, baseline] = regionFactsOfProject(input());
    expect(adjusted).toMatchObject({ basis: 'adjusted', planned: '1200', startedOn: '2026-03-10' });
    expect(adjusted?.cumPlan.slice(0, 3)).toEqual(['100', '200', '300']);
    expect(adjusted?.completedOn).toBe('2026-11-05');
    expect(adjusted?.operatingOn).toBe('2026-11-05');
    expect(baseline).toMatchObject({
      basis: 'baseline',
      planned: '1000',
      completedOn: null,
      operatingOn: null,
    });
    expect(baseline?.cumPlan.slice(0, 4)).toEqual(['33.3333', '66.6667', '100', '166.6667']);
    expect(adjusted?.onTime.slice(0, 3)).toEqual([true, false, false]);
    expect(adjusted?.late.slice(0, 3)).toEqual([false, true, false]);
    expect(adjusted?.inStat.slice(0, 3)).toEqual([true, false, false]);
  });

  it.each([
    ['a draft plan has no baseline row', { plan: { ...input().plan, status: 'draft' as const } }, 1],
    ['a frozen plan has both rows', {}, 2],
  ])('%s', (_name, over, rows) => {
    expect(regionFactsOfProject(input(over))).toHaveLength(rows);
  });

  it('stops counting a dropped project as started or due', () => {
    const [facts] = regionFactsOfProject(
      input({ project: { ...input().project, recordedStage: 'dropped' } }),
    );
    expect(facts).toMatchObject({ isDue: false, startedOn: null, operatingOn: null });
    expect(facts?.submitted.some(Boolean)).toBe(false);
  });
});

describe('regionSumsOf', () => {
  it('sums per region, basis and month, counting starts by the month’s last day and by day', () => {
    const facts = [
      ...regionFactsOfProject(input()),
      ...regionFactsOfProject(input({ project: { ...input().project, actualStartOn: '2025-06-01' } })),
    ];
    const { months, days } = regionSumsOf(facts);
    const march = months.find((m) => m.basis === 'adjusted' && m.month === 3);
    const feb = months.find((m) => m.basis === 'adjusted' && m.month === 2);
    expect(march).toMatchObject({ projects: 2, planned: '2400', cumPlan: '600', ytd: '60', started: 2 });
    expect(feb?.started).toBe(1);
    const started = days
      .filter((d) => d.basis === 'adjusted' && d.started > 0)
      .map((d) => [d.onDate, d.started]);
    expect(started).toEqual([
      ['2026-03-10', 1],
      ['2026-01-01', 1],
    ]);
    expect(months).toHaveLength(24);
  });
});

describe('problemRegionSumsOf', () => {
  it('counts received, solved with days, and open problems per region, project region and due date', () => {
    const rows = problemRegionSumsOf([
      {
        regionCode: 'a',
        projectRegionCode: 'a',
        dueOn: '2026-05-01',
        status: 'raised',
        raisedOn: '2026-04-01',
        writtenOffOn: null,
      },
      {
        regionCode: 'a',
        projectRegionCode: 'a',
        dueOn: '2026-05-01',
        status: 'written_off',
        raisedOn: '2026-04-01',
        writtenOffOn: '2026-04-11',
      },
      {
        regionCode: 'a',
        projectRegionCode: 'b',
        dueOn: '2026-05-01',
        status: 'rejected',
        raisedOn: '2026-04-01',
        writtenOffOn: null,
      },
    ]);
    expect(rows).toEqual([
      {
        regionCode: 'a',
        projectRegionCode: 'a',
        dueOn: '2026-05-01',
        problems: 2,
        received: 2,
        solved: 1,
        days: 10,
        open: 1,
      },
      {
        regionCode: 'a',
        projectRegionCode: 'b',
        dueOn: '2026-05-01',
        problems: 1,
        received: 0,
        solved: 0,
        days: 0,
        open: 0,
      },
    ]);
  });
});
