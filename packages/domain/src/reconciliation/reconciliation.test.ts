import { describe, expect, it } from 'vitest';
import {
  checkReconciliationSettings,
  reconcile,
  defaultReconciliationSettings as settings,
} from './reconciliation';

const figures = (reported: string, statistics: string | null, funds = '0', imported = true) => ({
  reportedWanYuan: reported,
  statisticsWanYuan: statistics,
  fundsPaidWanYuan: funds,
  statisticsImported: imported,
});

describe('reconcile (10 % and 100 万元 by default)', () => {
  it('lists a report above 入统 by more than 10 % and 100 万元, with the gap and its share', () => {
    expect(reconcile(figures('12000', '10000'), settings)).toEqual({
      gapWanYuan: '2000',
      gapPercent: '20.0',
      flags: ['reportedVsStatistics'],
    });
    // Below 入统 counts the same way: the gap is negative, its share is of 入统.
    expect(reconcile(figures('8000', '10000'), settings).flags).toEqual(['reportedVsStatistics']);
    expect(reconcile(figures('8000', '10000'), settings).gapWanYuan).toBe('-2000');
  });

  it('lets a gap within 10 %, or below 100 万元, pass', () => {
    expect(reconcile(figures('11000', '10000'), settings).flags).toEqual([]);
    expect(reconcile(figures('11000.01', '10000'), settings).flags).toEqual(['reportedVsStatistics']);
    expect(reconcile(figures('150', '100'), settings)).toEqual({
      gapWanYuan: '50',
      gapPercent: '50.0',
      flags: [],
    });
    expect(reconcile(figures('10000', '10000'), settings).flags).toEqual([]);
  });

  it('counts any gap of the minimum against a 入统 of zero', () => {
    expect(reconcile(figures('500', '0'), settings)).toEqual({
      gapWanYuan: '500',
      gapPercent: null,
      flags: ['reportedVsStatistics'],
    });
    expect(reconcile(figures('0', '0'), settings).flags).toEqual([]);
  });

  it('flags reported investment missing from imported statistics, not from a month never imported', () => {
    expect(reconcile(figures('300', null), settings).flags).toEqual(['notInStatistics']);
    expect(reconcile(figures('300', null, '0', false), settings).flags).toEqual([]);
    expect(reconcile(figures('99', null), settings).flags).toEqual([]);
    expect(reconcile(figures('300', null), settings).gapWanYuan).toBeNull();
  });

  it('flags funds paid beyond the reported investment by the minimum', () => {
    expect(reconcile(figures('1000', '1000', '1200'), settings).flags).toEqual(['fundsBeyondReported']);
    expect(reconcile(figures('1000', '1000', '1099'), settings).flags).toEqual([]);
    expect(reconcile(figures('1000', '2000', '1500'), settings).flags).toEqual([
      'reportedVsStatistics',
      'fundsBeyondReported',
    ]);
  });
});

describe('checkReconciliationSettings', () => {
  it('refuses a share outside (0, 100] and a negative or malformed amount, naming the field', () => {
    expect(() => checkReconciliationSettings({ gapPercent: 0, gapMinWanYuan: '100' })).toThrow(/差异比例/);
    expect(() => checkReconciliationSettings({ gapPercent: 101, gapMinWanYuan: '100' })).toThrow(/差异比例/);
    expect(() => checkReconciliationSettings({ gapPercent: 5, gapMinWanYuan: '-1' })).toThrow(/差异金额/);
    expect(checkReconciliationSettings({ gapPercent: 5, gapMinWanYuan: '0' })).toEqual({
      gapPercent: 5,
      gapMinWanYuan: '0',
    });
  });
});
