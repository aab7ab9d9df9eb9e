import { describe, expect, it } from 'vitest';
import { parseLedgerPeriod } from './periods';

describe('parseLedgerPeriod', () => {
  it.each([
    ['2022年1-12月重点项目进展情况表', 2022, 1, 12],
    ['宁德市重点项目1-7月份进展情况', null, 1, 7],
    ['2023年上半年重点项目完成情况', 2023, 1, 6],
    ['蕉城区重点项目前三季度投资完成情况', null, 1, 9],
    ['2024年一季度重点项目', 2024, 1, 3],
    ['2024年第二季度重点项目', 2024, 1, 6],
    ['２０２６年１～１１月重点项目月度进展台账', 2026, 1, 11],
    ['2026年宁德市蕉城区重点项目建设情况表（截至11月）', 2026, 1, 11],
    ['2026年10月份重点项目进展', 2026, 10, 10],
    ['2025年度重点项目完成情况', 2025, 1, 12],
    ['2026年1至5月重点项目', 2026, 1, 5],
  ] as const)('%s → %s, %i–%i', (title, year, fromMonth, toMonth) => {
    expect(parseLedgerPeriod(title)).toMatchObject({ year, fromMonth, toMonth });
  });

  it.each([['2026年宁德市重点项目建设计划表'], ['重点项目库'], [''], [null], ['2026年1-13月']])(
    '%s names no period',
    (title) => {
      expect(parseLedgerPeriod(title)).toBeNull();
    },
  );
});
