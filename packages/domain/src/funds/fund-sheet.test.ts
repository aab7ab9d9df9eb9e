import { describe, expect, it } from 'vitest';
import { fundKindFromText, fundYearFromCell, matchFundHeading, readSheetDate } from './fund-sheet';

const today = '2026-03-02';

describe('the 资金台账 headings', () => {
  it.each([
    ['项目代码', 'code'],
    ['项目统一代码', 'code'],
    ['项目名称', 'name'],
    ['资金类型', 'kind'],
    ['资金来源', 'kind'],
    ['年度', 'year'],
    ['资金年度', 'year'],
    ['批次', 'batch'],
    ['下达金额（万元）', 'allocatedAmount'],
    ['下达资金(万元)', 'allocatedAmount'],
    ['资金下达金额', 'allocatedAmount'],
    ['下达日期', 'issuedOn'],
    ['下达文号', 'documentNumber'],
    ['支付金额（万元）', 'paidAmount'],
    ['拨付资金\n（万元）', 'paidAmount'],
    ['支付日期', 'paidOn'],
    ['凭证/说明', 'note'],
    ['备注', 'note'],
    ['序号', null],
    ['已支付比例', null],
    ['', null],
  ] as const)('reads %j as %s', (heading, column) => {
    expect(matchFundHeading(heading)).toBe(column);
  });
});

describe('the fund kind, year and date cells', () => {
  it.each([
    ['专项债券', 'specialBond'],
    ['专项债', 'specialBond'],
    ['地方政府专项债券', 'specialBond'],
    [' 中央预算内 ', 'centralBudget'],
    ['中央预算内投资', 'centralBudget'],
    ['超长期特别国债', 'ultraLongTreasury'],
    ['一般债券', null],
    ['', null],
  ] as const)('names %j as %s', (text, kind) => {
    expect(fundKindFromText(text)).toBe(kind);
  });

  it.each([
    [2026, 2026],
    ['2026年', 2026],
    ['２０２６', 2026],
    ['26', null],
    [1999, null],
    ['二〇二六', null],
  ] as const)('reads the year %j as %s', (cell, year) => {
    expect(fundYearFromCell(cell)).toBe(year);
  });

  it.each([
    [new Date(Date.UTC(2026, 0, 15)), { ok: true, value: '2026-01-15' }],
    [46037, { ok: true, value: '2026-01-15' }],
    ['2026-01-15', { ok: true, value: '2026-01-15' }],
    ['2026/1/5', { ok: true, value: '2026-01-05' }],
    ['2026.3.2', { ok: true, value: '2026-03-02' }],
    ['２０２６年１月５日', { ok: true, value: '2026-01-05' }],
    ['2026-03-03', { ok: false, problem: 'future' }],
    ['2026-02-30', { ok: false, problem: 'format' }],
    ['1月5日', { ok: false, problem: 'format' }],
    [12.5, { ok: false, problem: 'format' }],
    ['', { ok: false, problem: 'blank' }],
    [null, { ok: false, problem: 'blank' }],
  ] as const)('reads the date %j', (cell, reading) => {
    expect(readSheetDate(cell, today)).toEqual(reading);
  });
});
