import { describe, expect, it } from 'vitest';
import { type AmountUnit, parseAmount, parseUnitFromText } from './amounts';
import { type ColumnKey, mapColumns } from './columns';
import { categoryName, classifyRow, type RowContext, type RowKind } from './rows';
import { cleanText, type LedgerCell, stripLevelMarker } from './text';
import { parseYearRange } from './years';

const width = 14;
const row = (...cells: LedgerCell[]): LedgerCell[] => [
  ...cells,
  ...Array<null>(width - cells.length).fill(null),
];
const header1 = row(
  '序号',
  '项目名称',
  '建设单位',
  '建设地点',
  '建设规模及\n主要建设内容',
  '建设起止\n年限',
  '总投资',
  '年度计划',
  '年度计划',
  '1-5月\n完成投资',
  '形象进度',
  '责任单位',
  '挂钩领导',
  '备注',
);
const filledHeader2 = header1.map((cell, i) => (i === 7 ? '计划投资' : i === 8 ? '形象进度目标' : cell));
const bareHeader2 = row(null, null, null, null, null, null, null, '计划投资', '形象进度目标');

/** A county ledger with the traits offices produce; the reader filled (or not) the merged header. */
const sheet = (header2: LedgerCell[]): LedgerCell[][] => [
  row('2025年蕉城区重点项目建设计划表'),
  row('填报单位：蕉城区发展和改革局（盖章）'),
  row('单位：万元'),
  header1,
  header2,
  row('合计', null, null, null, null, null, 45000),
  row('一、产业项目（3个）'),
  row(
    1,
    '★时代新能源锂电池扩产项目',
    '宁德时代',
    '漳湾镇',
    '动力电池',
    '2025.07-2028',
    '8.97亿元',
    '189,000',
    '封顶',
    '300 ',
  ),
  row(
    2,
    '新能源汽车\n零部件产业园',
    '蕉城产投',
    '七都镇',
    '标准厂房',
    '2025年7月-2027年',
    '130,000.00',
    null,
  ),
  row(3, '铜材料精深加工项目', '蕉城产投', null, '铜箔', '2024', '4000万元', '3. 5', '设备安装', 0),
  row('小计', null, null, null, null, null, 4000),
  row(' '),
  row('二、基础设施项目（2个）'),
  row(
    1,
    '■城区道路提升改造工程',
    '城投',
    '城区',
    '主次干道',
    '2015.12—2018.12',
    45000,
    '１２，０００',
    '路面',
    '5,600',
  ),
  row(2, '\u3000国道改线工程\u3000', '城投', '蕉城区', '一级公路', '2024-2026年', 80000, 20000, '路基', null),
  row('小计', null, null, null, null, null, 125000),
  row('注：1. 本表金额单位为万元；2. 带★、■的为省重点项目。'),
  row('填报人：张三', null, null, '审核人：李四'),
];

interface Imported {
  name: string;
  isProvincial: boolean;
  category: string | null;
  total: string | null;
  plan: string | null;
  done: string | null;
  years: string;
}

/** Reads a sheet the way the import pipeline composes these rules. */
function read(rows: LedgerCell[][]) {
  const kinds: RowKind[] = [];
  const projects: Imported[] = [];
  let context: RowContext = { afterHeader: false };
  let previous: LedgerCell[] | null = null;
  let sheetUnit: AmountUnit | null = null;
  let category: string | null = null;
  for (const cells of rows) {
    const kind = classifyRow(cells, context);
    kinds.push(kind);
    if (kind === 'units') sheetUnit = cells.map((c) => parseUnitFromText(c)).find((u) => u) ?? sheetUnit;
    if (kind === 'header') {
      const group = kinds.at(-2) === 'header' ? previous : null;
      context = {
        afterHeader: true,
        columns: { ...context.columns, ...mapColumns(cells, group ?? undefined) },
      };
    }
    if (kind === 'category') category = categoryName(cells.find((c) => cleanText(c) !== null));
    if (kind === 'data') {
      const at = (key: ColumnKey) => cells[context.columns?.[key] ?? -1];
      const amount = (key: ColumnKey) => parseAmount(at(key), sheetUnit).wanYuan;
      const marked = stripLevelMarker(cleanText(at('name')) ?? '');
      const years = parseYearRange(at('period'));
      projects.push({
        name: marked.name,
        isProvincial: marked.isProvincial,
        category,
        total: amount('totalInvestment'),
        plan: amount('annualPlan'),
        done: amount('completedToDate'),
        years: years && 'startYear' in years ? `${years.startYear}-${years.endYear}` : String(years),
      });
    }
    previous = cells;
  }
  return { kinds, projects, columns: context.columns };
}

describe('a messy county ledger, read by the rules', () => {
  it.each([
    ['filled', filledHeader2],
    ['left empty', bareHeader2],
  ])('with the merged header cells %s', (_name, header2) => {
    const { kinds, projects, columns } = read(sheet(header2));
    expect(kinds).toEqual([
      'title',
      'title',
      'units',
      'header',
      'header',
      'total',
      'category',
      'data',
      'data',
      'data',
      'subtotal',
      'blank',
      'category',
      'data',
      'data',
      'subtotal',
      'note',
      'note',
    ]);
    expect(columns).toEqual({
      seq: 0,
      name: 1,
      owner: 2,
      location: 3,
      scale: 4,
      period: 5,
      totalInvestment: 6,
      annualPlan: 7,
      annualTarget: 8,
      completedToDate: 9,
      progress: 10,
      responsibleUnit: 11,
      leader: 12,
      remark: 13,
    });
    const [industry, infrastructure] = ['产业项目', '基础设施项目'];
    expect(projects).toEqual([
      p('时代新能源锂电池扩产项目', true, industry, '89700', '189000', '300', '2025-2028'),
      p('新能源汽车零部件产业园', false, industry, '130000', null, null, '2025-2027'),
      p('铜材料精深加工项目', false, industry, '4000', '3.5', '0', '2024-2024'),
      p('城区道路提升改造工程', true, infrastructure, '45000', '12000', '5600', '2015-2018'),
      p('国道改线工程', false, infrastructure, '80000', '20000', null, '2024-2026'),
    ]);
  });
});

function p(
  name: string,
  isProvincial: boolean,
  category: string,
  total: string | null,
  plan: string | null,
  done: string | null,
  years: string,
): Imported {
  return { name, isProvincial, category, total, plan, done, years };
}
