import { describe, expect, it } from 'vitest';
import { categoryName, classifyRow, headingLevel, type RowContext, type RowKind, statedCount } from './rows';
import type { LedgerCell } from './text';

const above: RowContext = { afterHeader: false };
const below: RowContext = { afterHeader: true, columns: { seq: 0, name: 1, owner: 2, totalInvestment: 3 } };
const unmapped: RowContext = { afterHeader: true };

describe('classifyRow', () => {
  it.each<[string, LedgerCell[], RowContext, RowKind]>([
    ['empty cells', [null, null, null], above, 'blank'],
    ['blank text', ['', '  ', '\u3000'], below, 'blank'],
    ['no cells', [], below, 'blank'],
    ['table title', ['2025年宁德市重点项目计划表'], above, 'title'],
    ['title merged across', ['2025年宁德市重点项目计划表', '2025年宁德市重点项目计划表'], above, 'title'],
    ['filler line', ['填报单位：XX县发改局'], above, 'title'],
    ['date line', ['填报日期：2025年6月30日'], above, 'title'],
    ['title holding a unit', ['2025年重点项目计划表（单位：万元）'], above, 'title'],
    ['units line', [null, null, null, '单位：万元'], above, 'units'],
    ['bracketed units line', ['（单位：亿元）'], above, 'units'],
    ['filler and units', ['填报单位：XX县发改局', null, null, '单位：万元'], above, 'units'],
    ['filler and units in one cell', ['填报单位：XX县发改局    单位：万元'], above, 'units'],
    ['date and units', ['2025年6月', '单位：万元'], above, 'units'],
    ['header', ['序号', '项目名称', '建设单位', '总投资（万元）', '备注'], above, 'header'],
    ['header with line breaks', ['序号', '项目\n名称', '年度计划投资\n（万元）'], above, 'header'],
    ['second header row', [null, null, '计划投资', '形象进度目标', '完成投资', '形象进度'], below, 'header'],
    ['lower header row left unfilled', [null, null, '计划投资', '形象进度目标', null], below, 'header'],
    ['two column words above the header', ['计划投资', '形象进度目标'], above, 'title'],
    ['repeated header', ['序号', '项目名称', '建设单位', '总投资'], below, 'header'],
    ['column numbers', ['甲', '乙', 1, 2, 3, 4], below, 'header'],
    ['column numbers as text', ['1', '2', '3', '4', '5'], below, 'header'],
    ['total', [null, '合计', null, 1250000], below, 'total'],
    ['total in seq column', ['合计', null, null, 1250000], below, 'total'],
    ['spaced total', ['合  计', null, null, 1250000], below, 'total'],
    ['grand total', ['总计'], below, 'total'],
    ['city total with count', [null, '全市合计（120个）', null, 1250000], below, 'total'],
    ['subtotal', [null, '小计', null, 50000], below, 'subtotal'],
    ['named subtotal', [null, '产业项目小计', null, 50000], below, 'subtotal'],
    ['district total', [null, '蕉城区合计', null, 50000], below, 'subtotal'],
    ['breakdown', [null, '其中：省重点项目', null, 50000], below, 'subtotal'],
    ['category heading', ['一、产业项目（24个）', null, null, 980000], below, 'category'],
    [
      'category merged across',
      ['一、产业项目（24个）', '一、产业项目（24个）', '一、产业项目（24个）'],
      below,
      'category',
    ],
    ['bracketed category', ['（一）基础设施'], below, 'category'],
    ['arabic category', ['1. 社会民生类', null, null, '35,000'], below, 'category'],
    ['numeral in seq column', ['一', '产业项目', null, 980000], below, 'category'],
    ['numbered heading with an owner is data', ['1.宁德时代项目', null, '宁德时代', 5000], unmapped, 'data'],
    ['numbered name beside a seq number', [1, '1.5GW光伏项目', '某公司', 5000], below, 'data'],
    ['note', ['注：1. 本表金额单位为万元；2. ★为省重点项目'], below, 'note'],
    ['note with half-width colon', ['注:本表由各县区填报'], below, 'note'],
    ['numbered note', ['注1. 本表…'], below, 'note'],
    ['explanation', ['说明：投资按万元计'], below, 'note'],
    ['signatures', ['填报人：张三', null, '审核人：李四', '联系电话：0593-0000000'], below, 'note'],
    ['contact', ['联系人：王五'], below, 'note'],
    ['compiler', ['制表：宁德市发改委'], below, 'note'],
    ['data', [1, '★青拓不锈钢项目', '青拓集团', 1200000], below, 'data'],
    ['data with text amounts', ['2', '宁德时代车里湾项目', '宁德时代', '189,000'], below, 'data'],
    ['data without columns', [3, '福宁高速公路', '交投集团', 350000], unmapped, 'data'],
    ['data named after a note word', [4, '注塑产业园项目', '某公司', 5000], below, 'data'],
    ['nameless row is data', [5, null, '某公司', 5000], below, 'data'],
  ])('%s → %s', (_name, cells, context, expected) => {
    expect(classifyRow(cells, context)).toBe(expected);
  });

  it('walks a whole sheet', () => {
    const sheet: LedgerCell[][] = [
      ['2025年宁德市重点项目计划表'],
      ['填报单位：宁德市发改委', null, null, null, '单位：万元'],
      [],
      ['序号', '项目名称', '建设单位', '总投资', '年度计划', '年度计划'],
      ['序号', '项目名称', '建设单位', '总投资', '计划投资', '形象进度目标'],
      [null, '合计', null, 2200000, 400000, null],
      ['一、产业项目（2个）', null, null, 1500000, 300000, null],
      [1, '★青拓不锈钢项目', '青拓集团', 1200000, 250000, '投产'],
      [2, '宁德时代车里湾项目', '宁德时代', '300,000', '50,000', '主体完工'],
      ['（二）基础设施', null, null, 700000, 100000, null],
      [3, '福宁高速公路', '交投集团', 700000, 100000, '路基完成'],
      [null, '小计', null, 700000, 100000, null],
      ['注：1. 本表由各县区填报。'],
      ['填报人：张三', null, null, '审核人：李四'],
    ];
    let context: RowContext = { afterHeader: false };
    const kinds = sheet.map((cells) => {
      const kind = classifyRow(cells, context);
      if (kind === 'header') context = { afterHeader: true, columns: { seq: 0, name: 1 } };
      return kind;
    });
    expect(kinds).toEqual([
      'title',
      'units',
      'blank',
      'header',
      'header',
      'total',
      'category',
      'data',
      'data',
      'category',
      'data',
      'subtotal',
      'note',
      'note',
    ]);
  });
});

describe('categoryName', () => {
  it.each<[LedgerCell, string | null]>([
    ['一、产业项目（24个）', '产业项目'],
    ['二、基础设施项目(12个)', '基础设施项目'],
    ['（一）基础设施', '基础设施'],
    ['(三)社会民生', '社会民生'],
    ['1. 社会民生类', '社会民生类'],
    ['2、生态环保', '生态环保'],
    ['十一、重大平台 共5个', '重大平台'],
    ['三、续建项目：', '续建项目'],
    ['产业项目（24个）', '产业项目'],
    ['一', null],
    ['（一）', null],
    [null, null],
  ])('%j → %j', (text, expected) => {
    expect(categoryName(text)).toBe(expected);
  });
});

describe('statedCount and headingLevel', () => {
  it.each([
    ['一、新建项目（17个）', 17, 1],
    ['二、续建项目(18个)', 18, 1],
    ['（一）产业项目 共5项', 5, 2],
    ['1. 社会民生类（3个项目）', 3, 3],
    ['（2）道路工程', null, 4],
    ['合计（34个）', 34, 1],
    ['小计', null, 1],
    ['A. 其他', null, 5],
  ] as const)('%s → count %s, level %i', (text, count, level) => {
    expect(statedCount(text)).toBe(count);
    expect(headingLevel(text)).toBe(level);
  });
});
