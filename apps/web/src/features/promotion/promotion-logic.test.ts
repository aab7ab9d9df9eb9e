import { describe, expect, it } from 'vitest';
import { funnelChartOption, percentText, promotionLedgerUrl } from './promotion-logic';

describe('promotion page logic', () => {
  it('builds the ledger address from the filters, leaving blanks out', () => {
    expect(promotionLedgerUrl({ year: 2026, quarter: undefined, stage: 'signed', region: '' })).toBe(
      '/api/promotion/leads.xlsx?year=2026&stage=signed',
    );
    expect(promotionLedgerUrl({})).toBe('/api/promotion/leads.xlsx');
  });

  it('sizes the funnel by leads reached, in stage order, with counts and amounts in the tooltip', () => {
    const funnel = [
      {
        key: 'negotiating',
        name: '洽谈',
        currentCount: 2,
        currentWanYuan: '1',
        reachedCount: 7,
        reachedWanYuan: '9000.5',
      },
      {
        key: 'signed',
        name: '签约',
        currentCount: 5,
        currentWanYuan: '1',
        reachedCount: 5,
        reachedWanYuan: '8000',
      },
    ];
    const option = funnelChartOption(funnel, { reached: '累计到达', current: '当前', amount: '金额' });
    const series = option.series[0]!;
    expect(series.data).toEqual([
      { name: '洽谈', value: 7 },
      { name: '签约', value: 5 },
    ]);
    expect(series.max).toBe(7);
    expect(option.tooltip.formatter({ dataIndex: 0 })).toBe(
      '洽谈<br/>累计到达: 7<br/>当前: 2<br/>金额: 9000.5',
    );
    expect(percentText(null)).toBe('—');
    expect(percentText('60.0')).toBe('60.0%');
  });
});
