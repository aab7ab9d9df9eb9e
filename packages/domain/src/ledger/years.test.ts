import { describe, expect, it } from 'vitest';
import type { LedgerCell } from './text';
import { isYearRangeProblem, parseYearRange } from './years';

const range = (startYear: number, startMonth: number | null, endYear: number, endMonth: number | null) => ({
  startYear,
  startMonth,
  endYear,
  endMonth,
});

describe('parseYearRange', () => {
  it.each<[LedgerCell, ReturnType<typeof range>]>([
    [2024, range(2024, null, 2024, null)],
    ['2024', range(2024, null, 2024, null)],
    ['2024年', range(2024, null, 2024, null)],
    ['2024.3', range(2024, 3, 2024, 3)],
    [2024.3, range(2024, 3, 2024, 3)],
    [2024.12, range(2024, 12, 2024, 12)],
    ['2024.10', range(2024, 10, 2024, 10)],
    ['2024-03', range(2024, 3, 2024, 3)],
    ['2024年3月', range(2024, 3, 2024, 3)],
    ['2025.07-2028', range(2025, 7, 2028, null)],
    ['2025年7月-2027年', range(2025, 7, 2027, null)],
    ['2015.12—2018.12', range(2015, 12, 2018, 12)],
    ['2015.12——2018.12', range(2015, 12, 2018, 12)],
    ['2024-2026年', range(2024, null, 2026, null)],
    ['2024年-2026年', range(2024, null, 2026, null)],
    ['2024–2026', range(2024, null, 2026, null)],
    ['2024～2026', range(2024, null, 2026, null)],
    ['2024~2026', range(2024, null, 2026, null)],
    ['2024--2026', range(2024, null, 2026, null)],
    ['2024年3月至2026年12月', range(2024, 3, 2026, 12)],
    ['2024到2026', range(2024, null, 2026, null)],
    ['２０２４．３－２０２６', range(2024, 3, 2026, null)],
    [' 2024 - 2026 ', range(2024, null, 2026, null)],
    ['2024/3-2025/6', range(2024, 3, 2025, 6)],
    ['2024年初-2026年底', range(2024, null, 2026, null)],
    ['2025.3-2025.11', range(2025, 3, 2025, 11)],
    ['2024-2024', range(2024, null, 2024, null)],
    [new Date(Date.UTC(2025, 6, 1)), range(2025, 7, 2025, 7)],
  ])('%j → %j', (value, expected) => {
    expect(parseYearRange(value)).toEqual(expected);
  });

  it.each<[LedgerCell | undefined]>([[null], [undefined], [''], ['  '], ['-'], ['—'], ['/']])(
    '%j → null',
    (value) => {
      expect(parseYearRange(value)).toBeNull();
    },
  );

  it.each<[LedgerCell, string]>([
    ['2028-2025', '建设年限的结束早于开始：2028-2025'],
    ['2025.7-2025.3', '建设年限的结束早于开始：2025.7-2025.3'],
    ['2024.13', '建设年限中的月份 13 不存在：2024.13'],
    ['2024年0月', '建设年限中的月份 0 不存在：2024年0月'],
    ['2015.12—2018.14', '建设年限中的月份 14 不存在：2015.12—2018.14'],
    ['1024-2026', '建设年限中的年份 1024 不合理：1024-2026'],
    ['202', '无法识别的建设年限：202'],
    ['三年', '无法识别的建设年限：三年'],
    ['2024-2025-2026', '无法识别的建设年限：2024-2025-2026'],
    ['2024年开工', '无法识别的建设年限：2024年开工'],
    [true, '无法识别的建设年限：true'],
    [2024.1, '建设年限“2024.1”有歧义（1月还是10月？），请写成“2024年1月”或“2024年10月”'],
  ])('%j is a problem', (value, message) => {
    const parsed = parseYearRange(value);
    expect(isYearRangeProblem(parsed)).toBe(true);
    expect(parsed).toEqual({ problem: message });
  });
});
