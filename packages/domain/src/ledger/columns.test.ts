import { describe, expect, it } from 'vitest';
import {
  type ColumnKey,
  columnKeys,
  ledgerColumns,
  mapColumns,
  matchColumn,
  normaliseHeader,
} from './columns';

describe('normaliseHeader', () => {
  it.each([
    ['总投资（万元）', '总投资'],
    ['年度计划投资\n（万元）', '年度计划投资'],
    [' 项目 名称 ', '项目名称'],
    ['建设起止年限(年.月)', '建设起止年限'],
    ['1～5月完成投资', '1-5月完成投资'],
    ['1至5月完成投资', '1-5月完成投资'],
    ['2025年度计划投资', '计划投资'],
    ['*项目名称：', '项目名称'],
    ['总投资/万元', '总投资'],
    ['（万元）', '万元'],
  ])('%j → %s', (text, expected) => {
    expect(normaliseHeader(text)).toBe(expected);
  });
});

describe('matchColumn', () => {
  it.each<[string, ColumnKey | null]>([
    ['11月完成', 'monthCompleted'],
    ['10月份完成投资', 'monthCompleted'],
    ['本月完成投资', 'monthCompleted'],
    ['当月完成', 'monthCompleted'],
    ['占年度计划%', 'planShare'],
    ['序号', 'seq'],
    ['项目名称', 'name'],
    ['项目\n名称', 'name'],
    ['项目', 'name'],
    ['建设单位', 'owner'],
    ['项目业主', 'owner'],
    ['责任主体', 'owner'],
    ['业主单位', 'owner'],
    ['项目建设单位', 'owner'],
    ['建设地点', 'location'],
    ['项目地点', 'location'],
    ['建设规模及主要建设内容', 'scale'],
    ['建设内容', 'scale'],
    ['建设规模', 'scale'],
    ['建设起止年限', 'period'],
    ['建设起止年限\n（年.月）', 'period'],
    ['建设年限', 'period'],
    ['起止年限', 'period'],
    ['总投资', 'totalInvestment'],
    ['总投资（亿元）', 'totalInvestment'],
    ['计划总投资', 'totalInvestment'],
    ['项目总投资(万元)', 'totalInvestment'],
    ['年度计划投资', 'annualPlan'],
    ['年度计划投资\n（万元）', 'annualPlan'],
    ['2025年计划投资', 'annualPlan'],
    ['计划投资', 'annualPlan'],
    ['年度投资计划', 'annualPlan'],
    ['本年计划投资', 'annualPlan'],
    ['1-5月完成投资', 'completedToDate'],
    ['1-12月完成投资（万元）', 'completedToDate'],
    ['1～5月完成投资', 'completedToDate'],
    ['1—5月累计完成投资', 'completedToDate'],
    ['2025年1-5月完成投资', 'completedToDate'],
    ['累计完成投资', 'completedToDate'],
    ['本年完成投资', 'completedToDate'],
    ['自开工累计完成投资', 'completedToDate'],
    ['1-5月形象进度', 'progress'],
    ['1-5月计划投资', null],
    ['1-5月完成投资占年度计划%', null],
    ['完成率', null],
    ['年度计划完成率', null],
    ['形象进度目标', 'annualTarget'],
    ['年度建设目标', 'annualTarget'],
    ['年度目标', 'annualTarget'],
    ['2025年形象进度目标', 'annualTarget'],
    ['形象进度', 'progress'],
    ['目前进展', 'progress'],
    ['工程进展', 'progress'],
    ['目前形象进度', 'progress'],
    ['责任单位', 'responsibleUnit'],
    ['牵头责任单位', 'responsibleUnit'],
    ['挂钩领导', 'leader'],
    ['包保领导', 'leader'],
    ['挂钩市领导', 'leader'],
    ['挂钩联系市领导', 'leader'],
    ['备注', 'remark'],
    ['项目代码', 'code'],
    ['统一代码', 'code'],
    ['投资项目统一代码', 'code'],
    ['项目类别', 'category'],
    ['类别', 'category'],
    ['合计', null],
    ['其中：中央预算内', null],
    ['', null],
  ])('%j → %s', (header, expected) => {
    expect(matchColumn(header)).toBe(expected);
  });

  it.each<[string, string, ColumnKey | null]>([
    ['计划投资', '年度计划', 'annualPlan'],
    ['形象进度目标', '年度计划', 'annualTarget'],
    ['形象进度', '年度计划', 'annualTarget'],
    ['投资', '2025年度计划', 'annualPlan'],
    ['合计', '年度计划投资（万元）', 'annualPlan'],
    ['完成投资', '1-5月', 'completedToDate'],
    ['形象进度', '1～5月', 'progress'],
    ['计划投资', '1-5月', null],
    ['完成投资', '1-5月完成情况', 'completedToDate'],
    ['投资', '截至5月底累计完成', 'completedToDate'],
    ['形象进度', '1-5月完成情况', 'progress'],
    ['完成率', '1-5月完成情况', null],
    ['合计', '总投资（万元）', 'totalInvestment'],
    ['其中：专项债', '总投资（万元）', null],
    ['总投资', '项目基本情况', 'totalInvestment'],
    ['项目名称', '项目名称', 'name'],
    ['', '建设单位', 'owner'],
  ])('%j under %j → %s', (header, group, expected) => {
    expect(matchColumn(header, group)).toBe(expected);
  });

  it('names every synonym for one column only', () => {
    const words = columnKeys.flatMap((key) => ledgerColumns[key].synonyms);
    expect(new Set(words).size).toBe(words.length);
  });

  it.each(columnKeys)('matches %s by its own label', (key) => {
    expect(matchColumn(ledgerColumns[key].label)).toBe(key);
  });
});

describe('mapColumns', () => {
  it('maps a two-row header, the leftmost cell winning a repeated column', () => {
    const group = [
      '序号',
      '项目名称',
      '总投资（万元）',
      '年度计划',
      '年度计划',
      '1-5月',
      '1-5月',
      '备注',
      '备注',
    ];
    const header = [
      '序号',
      '项目名称',
      '总投资（万元）',
      '计划投资',
      '形象进度目标',
      '完成投资',
      '形象进度',
      '备注',
      '备注',
    ];
    expect(mapColumns(header, group)).toEqual({
      seq: 0,
      name: 1,
      totalInvestment: 2,
      annualPlan: 3,
      annualTarget: 4,
      completedToDate: 5,
      progress: 6,
      remark: 7,
    });
  });

  it('maps a one-row header and skips unknown columns', () => {
    expect(mapColumns(['序号', '★', '项目名称', null, '建设单位', '资金来源'])).toEqual({
      seq: 0,
      name: 2,
      owner: 4,
    });
  });
});
