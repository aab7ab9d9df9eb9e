import { describe, expect, it } from 'vitest';
import {
  categoryHeading,
  chineseNumeral,
  constructionPeriodText,
  groupIntoCategories,
  layoutLedgerBody,
  markedProjectName,
  monthlyLedgerTitle,
  neutraliseCellText,
  sumFormula,
  sumOfAmounts,
} from './sheet-layout';

describe('neutraliseCellText', () => {
  it.each([
    ["=cmd|' /C calc'!A0", "'=cmd|' /C calc'!A0"],
    ['+1', "'+1"],
    ['-2+3', "'-2+3"],
    ['@SUM(A1:A2)', "'@SUM(A1:A2)"],
    ['\tcalc', "'\tcalc"],
    ['\rcalc', "'\rcalc"],
    ['时代新能源=项目', '时代新能源=项目'],
    ['2025.07-2027', '2025.07-2027'],
    ['', ''],
    ["'already", "'already"],
  ])('%j → %j', (text, expected) => {
    expect(neutraliseCellText(text)).toBe(expected);
  });
});

describe('chineseNumeral', () => {
  it.each([
    [1, '一'],
    [4, '四'],
    [10, '十'],
    [11, '十一'],
    [20, '二十'],
    [24, '二十四'],
    [99, '九十九'],
  ])('%i → %s', (n, expected) => {
    expect(chineseNumeral(n)).toBe(expected);
  });

  it.each([0, 100, 1.5, -1])('refuses %s', (n) => {
    expect(() => chineseNumeral(n)).toThrow(RangeError);
  });
});

describe('ledger texts', () => {
  it('numbers a category heading in Chinese with its count', () => {
    expect(categoryHeading(1, '产业项目', 24)).toBe('一、产业项目（24个）');
    expect(categoryHeading(12, '社会民生', 3)).toBe('十二、社会民生（3个）');
  });

  it.each([
    [['provincial', 'city'], '★宁德时代扩产项目'],
    [['city'], '宁德时代扩产项目'],
    [[], '宁德时代扩产项目'],
  ])('marks a provincial key project: %j', (levels, expected) => {
    expect(markedProjectName('宁德时代扩产项目', levels)).toBe(expected);
  });

  it.each([
    [{ startYear: 2026, startMonth: null, endYear: 2026, endMonth: null }, '2026'],
    [{ startYear: 2025, startMonth: 7, endYear: 2027, endMonth: null }, '2025.07-2027'],
    [{ startYear: 2015, startMonth: 12, endYear: 2018, endMonth: 12 }, '2015.12-2018.12'],
    [{ startYear: 2024, startMonth: null, endYear: 2026, endMonth: null }, '2024-2026'],
    [{ startYear: 2026, startMonth: 3, endYear: 2026, endMonth: 11 }, '2026.03-2026.11'],
  ])('writes the construction period %j as %s', (period, expected) => {
    expect(constructionPeriodText(period)).toBe(expected);
  });

  it('titles a monthly ledger', () => {
    expect(monthlyLedgerTitle(2026, '宁德市蕉城区', 10)).toBe(
      '2026年宁德市蕉城区重点项目建设情况表（截至10月）',
    );
  });
});

describe('groupIntoCategories', () => {
  const items = [
    { name: 'a', domain: '社会民生' },
    { name: 'b', domain: '现代产业' },
    { name: 'c', domain: '其他' },
    { name: 'd', domain: '现代产业' },
  ];

  it('orders categories by the given order, then the rest by name, keeping item order', () => {
    const groups = groupIntoCategories(items, (i) => i.domain, ['现代产业', '基础设施', '社会民生']);
    expect(groups.map((g) => [g.name, g.items.map((i) => i.name)])).toEqual([
      ['现代产业', ['b', 'd']],
      ['社会民生', ['a']],
      ['其他', ['c']],
    ]);
  });

  it('gives no category for no items', () => {
    expect(groupIntoCategories([], () => 'x')).toEqual([]);
  });
});

describe('layoutLedgerBody', () => {
  it('puts 合计 first, then heading, items numbered from 1 and 小计 per category', () => {
    const rows = layoutLedgerBody(
      [
        { name: '现代产业', items: ['p1', 'p2'] },
        { name: '基础设施', items: ['p3'] },
      ],
      6,
    );
    expect(rows).toEqual([
      { kind: 'total', row: 6, subtotalRows: [10, 13], count: 3 },
      { kind: 'category', row: 7, heading: '一、现代产业（2个）', count: 2 },
      { kind: 'item', row: 8, seq: 1, item: 'p1' },
      { kind: 'item', row: 9, seq: 2, item: 'p2' },
      { kind: 'subtotal', row: 10, firstItemRow: 8, lastItemRow: 9, count: 2 },
      { kind: 'category', row: 11, heading: '二、基础设施（1个）', count: 1 },
      { kind: 'item', row: 12, seq: 1, item: 'p3' },
      { kind: 'subtotal', row: 13, firstItemRow: 12, lastItemRow: 12, count: 1 },
    ]);
  });

  it('lays out an empty ledger as a lone 合计 row', () => {
    expect(layoutLedgerBody([], 6)).toEqual([{ kind: 'total', row: 6, subtotalRows: [], count: 0 }]);
  });
});

describe('sum formulas and their cached values', () => {
  it.each<[string, { from: number; to: number } | number[], string]>([
    ['H', { from: 8, to: 31 }, 'SUM(H8:H31)'],
    ['H', { from: 8, to: 7 }, '0'],
    ['AB', [10, 13, 40], 'SUM(AB10,AB13,AB40)'],
    ['H', [], '0'],
  ])('%s %j → %s', (letter, rows, expected) => {
    expect(sumFormula(letter, rows)).toBe(expected);
  });

  it.each<[(string | null)[], string]>([
    [['0.1', '0.2', null, '1234567.8901'], '1234568.1901'],
    [[null, null], '0'],
    [[], '0'],
    [['-5', '5.0000'], '0'],
  ])('sums %j exactly to %s, blanks skipped', (values, expected) => {
    expect(sumOfAmounts(values)).toBe(expected);
  });
});
