import { describe, expect, it } from 'vitest';
import {
  importedStage,
  ledgerLevels,
  ledgerPlanYear,
  matchDomainName,
  officeListLevel,
  regionFromSheetName,
  yearFromTitle,
} from './import-rules';

describe('ledgerLevels', () => {
  it.each([
    [false, 'county', [], ['county']],
    [true, 'county', [], ['provincial', 'county']],
    [true, 'city', [], ['provincial', 'city']],
    [false, 'county', ['city'], ['city', 'county']],
    [false, 'provincial', [], ['provincial']],
  ] as const)('marker %s, office %s, existing %j → %j', (marked, office, existing, levels) => {
    expect(ledgerLevels(marked, office, existing)).toEqual(levels);
  });

  it('reads the office level from its region level', () => {
    expect(officeListLevel('province')).toBe('provincial');
    expect(officeListLevel('city')).toBe('city');
    expect(officeListLevel('county')).toBe('county');
    expect(officeListLevel('zone')).toBe('county');
  });
});

describe('matchDomainName', () => {
  const dictionary = ['基础设施', '现代产业', '社会民生', '重大平台'];
  it.each([
    ['基础设施', { name: '基础设施', isNew: false }],
    ['基础设施项目', { name: '基础设施', isNew: false }],
    ['产业项目', { name: '现代产业', isNew: false }],
    ['社会民生类', { name: '社会民生', isNew: false }],
    ['乡村振兴项目', { name: '乡村振兴', isNew: true }],
    [null, { name: '其他', isNew: true }],
    ['  ', { name: '其他', isNew: true }],
  ])('%s → %j', (category, expected) => {
    expect(matchDomainName(category, dictionary)).toEqual(expected);
  });

  it('adds a new entry when two dictionary names are equally near', () => {
    expect(matchDomainName('产业', ['现代产业', '传统产业'])).toEqual({ name: '产业', isNew: true });
  });
});

describe('regionFromSheetName', () => {
  const regions = [
    { code: '350902', name: '蕉城区' },
    { code: '350981', name: '福安市' },
    { code: '350982', name: '福鼎市' },
    { code: '350900-DQ', name: '东侨经济开发区' },
  ];
  it.each([
    ['蕉城区', '350902'],
    ['福安市重点项目', '350981'],
    ['福鼎', '350982'],
    ['2025年东侨经济开发区', '350900-DQ'],
    ['Sheet1', null],
    ['汇总', null],
  ])('%s → %s', (sheet, code) => {
    expect(regionFromSheetName(sheet, regions)?.code ?? null).toBe(code);
  });

  it('refuses to guess between two regions named equally well', () => {
    expect(regionFromSheetName('蕉城福安合并', regions)).toBeNull();
  });
});

describe('importedStage', () => {
  it.each([
    [2027, { stage: 'preparing', constructionType: 'new' }],
    [2026, { stage: 'started', constructionType: 'new' }],
    [2015, { stage: 'underway', constructionType: 'continuing' }],
  ] as const)('start %i in 2026 → %j', (startYear, expected) => {
    expect(importedStage(startYear, 2026)).toEqual(expected);
  });
});

describe('yearFromTitle', () => {
  it.each([
    ['2026年宁德市重点项目建设计划表', 2026],
    ['蕉城区 2025 年重点项目', 2025],
    ['重点项目台账（2024年度）', 2024],
    ['宁德市重点项目建设计划表', null],
    ['2025.07-2028', null],
    [null, null],
  ] as const)('%s → %s', (title, year) => {
    expect(yearFromTitle(title)).toBe(year);
  });
});

describe('ledgerPlanYear', () => {
  it('takes the explicit year over any title', () => {
    expect(ledgerPlanYear(2027, ['2026年重点项目'], 2025)).toBe(2027);
  });

  it("takes the first title naming a year, the sheet's own first", () => {
    expect(ledgerPlanYear(null, ['重点项目表', '2026年重点项目', '2024年重点项目'], 2025)).toBe(2026);
  });

  it('falls back to the current year', () => {
    expect(ledgerPlanYear(undefined, ['重点项目表', null], 2025)).toBe(2025);
  });
});
