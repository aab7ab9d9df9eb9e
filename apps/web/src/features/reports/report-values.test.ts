import { wanYuanTypingCases } from '@tuijin/domain';
import dayjs from 'dayjs';
import { describe, expect, it } from 'vitest';
import { type ReportFormValues, reportToValues, runningTotals, valuesToFields } from './report-values';

describe('the report form’s running totals', () => {
  it.each([
    // typed, approved year-to-date before, approved since-start before → year-to-date, since-start
    ['300', '1200', '5000', '1500', '5300'],
    ['0', '1200', '5000', '1200', '5000'],
    ['12.5', '0', '0', '12.5', '12.5'],
    ['0.0001', '99.9999', '199.9999', '100', '200'],
    [' 1,000 ', '1200', '5000', '2200', '6000'],
    ['１，０００．５', '0', '100', '1000.5', '1100.5'],
    ['-200', '1200', '5000', '1000', '4800'],
    ['99999999999999.9999', '0.0001', '0', '100000000000000', '99999999999999.9999'],
  ])('%s typed on %s / %s → %s / %s', (typed, ytdBefore, sinceStartBefore, ytd, sinceStart) => {
    expect(runningTotals(typed, ytdBefore, sinceStartBefore)).toEqual({ ytd, sinceStart });
  });

  it.each([undefined, '', '   ', 'abc', '1.23456', '12万', '1e3', '--5'])(
    'shows no running total while %o is not an amount',
    (typed) => {
      expect(runningTotals(typed, '1200', '5000')).toBeNull();
    },
  );

  it('adds exactly where floats would drift', () => {
    expect(runningTotals('0.1', '0.2', '0.2')).toEqual({ ytd: '0.3', sinceStart: '0.3' });
  });
});

describe('report values and fields', () => {
  it('opens an empty form without a report', () => {
    expect(reportToValues(null)).toEqual({ progress: '', inStatistics: false, workersOnSite: null });
  });

  it('sends what was typed, trimmed, with dates as days and the 入统 amount only when 已入统', () => {
    const values: ReportFormValues = {
      completedWanYuan: ' 300.5 ',
      progress: '主体完工',
      actualStartOn: dayjs('2026-03-09'),
      actualCompletionOn: null,
      inStatistics: false,
      statisticsWanYuan: '200',
      workersOnSite: 42,
    };
    expect(valuesToFields(values)).toEqual({
      completedWanYuan: '300.5',
      progress: '主体完工',
      actualStartOn: '2026-03-09',
      actualCompletionOn: null,
      actualOperationOn: null,
      inStatistics: false,
      statisticsWanYuan: null,
      workersOnSite: 42,
    });
    expect(valuesToFields({ ...values, inStatistics: true }).statisticsWanYuan).toBe('200');
    expect(
      valuesToFields({ ...values, inStatistics: true, statisticsWanYuan: '  ' }).statisticsWanYuan,
    ).toBeNull();
  });

  it('sends blanks for an untouched form', () => {
    expect(valuesToFields({})).toEqual({
      completedWanYuan: '',
      progress: '',
      actualStartOn: null,
      actualCompletionOn: null,
      actualOperationOn: null,
      inStatistics: false,
      statisticsWanYuan: null,
      workersOnSite: null,
    });
  });

  it('reads a stored report back into the same fields', () => {
    const fields = {
      completedWanYuan: '300.5',
      progress: '主体完工',
      actualStartOn: '2026-03-09',
      actualCompletionOn: null,
      actualOperationOn: '2026-11-30',
      inStatistics: true,
      statisticsWanYuan: '280',
      workersOnSite: 42,
    };
    const values = reportToValues(fields);
    expect(values.actualStartOn?.format('YYYY-MM-DD')).toBe('2026-03-09');
    expect(values.actualCompletionOn).toBeNull();
    expect(valuesToFields(values)).toEqual(fields);
  });
});

describe("the report form's running sums read a typed amount as the domain does", () => {
  it.each(wanYuanTypingCases)('%j → %s', (typed, value) => {
    const totals = runningTotals(typed, '0', '100');
    expect(totals?.ytd ?? null).toBe(value);
    expect(totals?.sinceStart ?? null).toBe(value === null ? null : String(Number(value) + 100));
  });

  it('adds the typed amount to the approved totals exactly', () => {
    expect(runningTotals('0.1', '0.2', '1000.0001')).toEqual({ ytd: '0.3', sinceStart: '1000.1001' });
  });
});
