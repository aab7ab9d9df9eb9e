import { wanYuanTypingCases } from '@tuijin/domain';
import { describe, expect, it } from 'vitest';
import { runningTotals } from './report-values';

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
