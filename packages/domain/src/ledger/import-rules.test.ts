import { describe, expect, it } from 'vitest';
import {
  constructionTypeOfHeading,
  importedStage,
  ledgerLevels,
  ledgerPlanYear,
  matchDomainName,
  officeListLevel,
  regionFromSheetName,
  regionsNamedBy,
  yearFromTitle,
} from './import-rules';

describe('ledgerLevels', () => {
  it.each([
    [false, 'county', [], ['county']],
    [true, 'county', [], ['provincial', 'county']],
    [true, 'city', [], ['provincial', 'city']],
    [false, 'county', ['city'], ['city']],
    [true, 'county', ['city'], ['provincial', 'city']],
    [false, 'city', ['provincial', 'county'], ['provincial', 'county']],
    [false, 'provincial', [], ['provincial']],
  ] as const)('marker %s, office %s, existing %j → %j', (marked, office, existing, levels) => {
    expect(ledgerLevels(marked, office, existing.length > 0 ? existing : undefined)).toEqual(levels);
  });

  it('puts a new project on the office’s own list, and never adds it to an existing one', () => {
    expect(ledgerLevels(false, 'county')).toEqual(['county']);
    expect(ledgerLevels(false, 'county', ['city'])).toEqual(['city']);
    expect(ledgerLevels(false, 'county', [])).toEqual(['county']);
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
    [2027, null, { stage: 'preparing', constructionType: 'new' }],
    [2026, null, { stage: 'preparing', constructionType: 'new' }],
    [2015, null, { stage: 'underway', constructionType: 'continuing' }],
    [2026, 'continuing', { stage: 'preparing', constructionType: 'continuing' }],
    [2025, 'new', { stage: 'underway', constructionType: 'new' }],
  ] as const)('start %i in 2026, heading %s → %j', (startYear, stated, expected) => {
    expect(importedStage(startYear, 2026, stated)).toEqual(expected);
  });
});

describe('constructionTypeOfHeading', () => {
  it.each([
    ['新建项目', 'new'],
    ['新开工项目', 'new'],
    ['计划新开工项目', 'new'],
    ['续建项目', 'continuing'],
    ['在建项目', 'continuing'],
    ['产业项目', null],
    ['现代产业', null],
    [null, null],
  ] as const)('%s → %s', (heading, type) => {
    expect(constructionTypeOfHeading(heading)).toBe(type);
  });
});

describe('regionsNamedBy', () => {
  const regions = [
    { code: '350000', name: '福建省', path: '350000' },
    { code: '350900', name: '宁德市', path: '350000.350900' },
    { code: '350902', name: '蕉城区', path: '350000.350900.350902' },
    { code: '350900-DQ', name: '东侨经济开发区', path: '350000.350900.350900-DQ' },
  ];
  it.each([
    ['蕉城区', ['350902']],
    ['宁德市蕉城区', ['350902']],
    ['福建省宁德市蕉城区', ['350902']],
    [' 东侨经济开发区 ', ['350900-DQ']],
    ['宁德市', ['350900']],
    ['蕉城区漳湾镇', []],
    ['宁德市东侨工业园区', []],
    [null, []],
  ] as const)('%s → %j', (location, codes) => {
    expect(regionsNamedBy(location, regions).map((r) => r.code)).toEqual(codes);
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
