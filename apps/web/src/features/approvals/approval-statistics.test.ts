import type { ApprovalPeriodStatistics } from '@tuijin/contracts';
import { describe, expect, it } from 'vitest';
import { approvalsZhCN } from '../../i18n/approvals.zh-CN';
import {
  compareGroups,
  defaultPeriod,
  isIsoDate,
  previousPeriod,
  readStatisticsView,
  type SpanChange,
  shiftDays,
  spanChange,
  statisticsQuery,
} from './approval-statistics';

/** The zh-CN headline of a change, interpolated the way i18next does. */
const zh = (change: SpanChange) =>
  approvalsZhCN.approvals.statistics.change[change.kind].replace(/\{\{(\w+)\}\}/g, (_, name: string) =>
    String(change[name as keyof SpanChange]),
  );

describe('spanChange', () => {
  it('reads 66 → 38 as 28 working days shorter, 42.4%', () => {
    const change = spanChange(66, 38)!;
    expect(change).toEqual({ kind: 'shorter', from: 66, to: 38, days: 28, percent: 42.4 });
    expect(zh(change)).toBe('由 66 个工作日缩短至 38 个工作日，缩短 28 个工作日（42.4%）');
  });

  it.each([
    [38, 45.5, { kind: 'longer', days: 7.5, percent: 19.7 }],
    [40.2, 40.2, { kind: 'same', days: 0, percent: 0 }],
    [12.3, 10.1, { kind: 'shorter', days: 2.2, percent: 17.9 }],
  ] as const)('from %s to %s: %o', (earlier, later, expected) => {
    expect(spanChange(earlier, later)).toMatchObject(expected);
  });

  it.each([
    [null, 38],
    [66, null],
    [0, 12],
  ])('has nothing to say from %s to %s', (earlier, later) => {
    expect(spanChange(earlier, later)).toBeNull();
  });

  it('writes the longer and same sentences too', () => {
    expect(zh(spanChange(38, 45)!)).toBe('由 38 个工作日延长至 45 个工作日，延长 7 个工作日（18.4%）');
    expect(zh(spanChange(38, 38)!)).toBe('与对比期持平，均为 38 个工作日');
  });
});

describe('periods', () => {
  it('defaults to the last twelve months against the twelve before', () => {
    const period = defaultPeriod('2026-12-06');
    expect(period).toEqual({ from: '2025-12-07', to: '2026-12-06' });
    expect(previousPeriod(period)).toEqual({ from: '2024-12-07', to: '2025-12-06' });
  });

  it('compares with as many days just before a chosen period', () => {
    expect(previousPeriod({ from: '2026-03-01', to: '2026-03-31' })).toEqual({
      from: '2026-01-29',
      to: '2026-02-28',
    });
  });

  it('moves dates across month, year and leap days', () => {
    expect(shiftDays('2024-03-01', -1)).toBe('2024-02-29');
    expect(shiftDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(shiftDays('2026-12-06', -729)).toBe('2024-12-07');
  });

  it.each([
    ['2026-12-06', true],
    ['2026-02-30', false],
    ['2026-1-06', false],
    ['', false],
    [null, false],
  ])('isIsoDate(%s) is %s', (value, expected) => {
    expect(isIsoDate(value)).toBe(expected);
  });
});

describe('readStatisticsView', () => {
  const today = '2026-12-06';
  const read = (search: string) => readStatisticsView(new URLSearchParams(search), today);

  it('opens on the default periods, comparing', () => {
    const view = read('');
    expect(view).toEqual({
      period: { from: '2025-12-07', to: '2026-12-06' },
      compare: { from: '2024-12-07', to: '2025-12-06' },
      isComparing: true,
    });
    expect(statisticsQuery(view)).toEqual({
      from: '2025-12-07',
      to: '2026-12-06',
      compareFrom: '2024-12-07',
      compareTo: '2025-12-06',
    });
  });

  it('keeps the periods, the switch and the region of the address', () => {
    const view = read(
      'from=2026-01-01&to=2026-06-30&compareFrom=2025-01-01&compareTo=2025-06-30&compare=off&region=350902',
    );
    expect(view).toEqual({
      period: { from: '2026-01-01', to: '2026-06-30' },
      compare: { from: '2025-01-01', to: '2025-06-30' },
      isComparing: false,
      regionCode: '350902',
    });
    expect(statisticsQuery(view)).toEqual({ from: '2026-01-01', to: '2026-06-30', regionCode: '350902' });
  });

  it('lets the 对比期 follow a chosen 统计期 until one is chosen for it', () => {
    expect(read('from=2026-07-01&to=2026-09-30').compare).toEqual({ from: '2026-03-31', to: '2026-06-30' });
  });

  it('drops a malformed or reversed period for its default', () => {
    expect(read('from=2026-13-01&to=2026-12-01').period).toEqual(defaultPeriod(today));
    expect(read('from=2026-12-01&to=2026-01-01').period).toEqual(defaultPeriod(today));
    expect(read('from=2026-12-01').period).toEqual(defaultPeriod(today));
  });
});

type Group = ApprovalPeriodStatistics['byProcedure'][number];
const group = (key: string, averageWorkingDays: number | null, count = 2): Group => ({
  key,
  name: key,
  count,
  onTime: 1,
  averageWorkingDays,
  medianWorkingDays: averageWorkingDays,
  averageCalendarDays: null,
  medianCalendarDays: null,
});

describe('compareGroups', () => {
  it('pairs the groups by key in the 统计期 order, those only in the 对比期 after', () => {
    const rows = compareGroups(
      [group('huanping', 20), group('tushen', 8.3), group('new', 3)],
      [group('tushen', 14), group('huanping', 35.2), group('gone', 6)],
    );
    expect(rows.map((row) => [row.key, row.change])).toEqual([
      ['huanping', -15.2],
      ['tushen', -5.7],
      ['new', null],
      ['gone', null],
    ]);
    expect(rows[3]).toMatchObject({ current: null, earlier: { key: 'gone' } });
  });

  it('has no change without a 对比期 or without an average', () => {
    expect(compareGroups([group('a', 5)], null)).toEqual([
      { key: 'a', name: 'a', current: group('a', 5), earlier: null, change: null },
    ]);
    expect(compareGroups([group('a', null, 0)], [group('a', 5)])[0]!.change).toBeNull();
  });
});
