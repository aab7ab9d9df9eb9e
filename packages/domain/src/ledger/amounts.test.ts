import { describe, expect, it } from 'vitest';
import { type AmountUnit, parseAmount, parseUnitFromText } from './amounts';
import type { LedgerCell } from './text';

describe('parseUnitFromText', () => {
  it.each<[LedgerCell, AmountUnit | null]>([
    ['单位：万元', 'wanYuan'],
    ['单位: 亿元', 'yiYuan'],
    ['单位:元', 'yuan'],
    ['（单位：元）', 'yuan'],
    ['金额单位：万元', 'wanYuan'],
    ['单位：万元、个', 'wanYuan'],
    ['填报单位：宁德市发改委            单位：万元', 'wanYuan'],
    ['2025年宁德市重点项目计划表（单位：亿元）', 'yiYuan'],
    ['总投资（亿元）', 'yiYuan'],
    ['总投资(万元)', 'wanYuan'],
    ['年度计划投资\n（万元）', 'wanYuan'],
    ['1-5月完成投资【万元】', 'wanYuan'],
    ['总投资/万元', 'wanYuan'],
    ['总投资', null],
    ['建设单位', null],
    ['填报单位：元宝食品有限公司', null],
    ['总投资10亿元以上项目', null],
    ['', null],
    [null, null],
    [10000, null],
  ])('%j → %s', (text, expected) => {
    expect(parseUnitFromText(text)).toBe(expected);
  });
});

describe('parseAmount', () => {
  it.each<[LedgerCell | undefined, AmountUnit | null, string | null]>([
    [3500, null, '3500'],
    [3500, 'wanYuan', '3500'],
    [12.5, 'yiYuan', '125000'],
    [8.97, 'yiYuan', '89700'],
    [5000000, 'yuan', '500'],
    [1, 'yuan', '0.0001'],
    [0.1 + 0.2, null, '0.3'],
    [1.5e21, null, '1500000000000000000000'],
    [0, null, '0'],
    [-0, null, '0'],
    ['0', null, '0'],
    ['0.00', null, '0'],
    ['189,000', null, '189000'],
    ['130,000.00', null, '130000'],
    ['300 ', null, '300'],
    ['3. 5', null, '3.5'],
    ['１２３．５', null, '123.5'],
    ['\u3000１２\u3000', null, '12'],
    ['１，２３４', null, '1234'],
    ['007.50', null, '7.5'],
    ['.5', null, '0.5'],
    ['5.', null, '5'],
    ['1.2E+3', null, '1200'],
    ['8.97亿元', null, '89700'],
    ['８.９７亿元', null, '89700'],
    ['8.97亿元', 'yuan', '89700'],
    ['4000万元', 'yiYuan', '4000'],
    ['5000000元', null, '500'],
    ['3亿', null, '30000'],
    ['2.5万', 'yuan', '2.5'],
    ['1.5', 'yiYuan', '15000'],
    ['1', 'yuan', '0.0001'],
    ['0.5', 'yuan', '0.0001'],
    ['0.4', 'yuan', '0'],
    ['1.23455', null, '1.2346'],
    ['1.23454', null, '1.2345'],
    ['0.0000004', null, '0'],
    ['0.00005', null, '0.0001'],
    ['123456789012345678.12345', null, '123456789012345678.1235'],
  ])('%j in %s → %s 万元', (value, unit, expected) => {
    expect(parseAmount(value, unit)).toEqual({ wanYuan: expected, problem: null });
  });

  it.each<[LedgerCell | undefined]>([
    [null],
    [undefined],
    [''],
    ['   '],
    ['\u3000'],
    ['-'],
    ['—'],
    ['——'],
    ['–'],
    ['－'],
    ['/'],
    ['／'],
  ])('%j is not known, not 0', (value) => {
    expect(parseAmount(value, null)).toEqual({ wanYuan: null, problem: null });
  });

  it.each<[LedgerCell, string]>([
    ['约3亿', '无法识别的金额：约3亿'],
    ['3亿左右', '无法识别的金额：3亿左右'],
    ['待定', '无法识别的金额：待定'],
    ['无', '无法识别的金额：无'],
    ['50%', '无法识别的金额：50%'],
    ['1,89,000', '无法识别的金额：1,89,000'],
    ['1.2.3', '无法识别的金额：1.2.3'],
    ['万元', '无法识别的金额：万元'],
    [' 12 万 美元 ', '无法识别的金额：12 万 美元'],
    [true, '无法识别的金额：true'],
    [new Date(Date.UTC(2025, 0, 5)), '无法识别的金额：2025-01-05'],
    [Number.NaN, '无法识别的金额：NaN'],
    [-5, '金额不能为负数：-5'],
    ['-5', '金额不能为负数：-5'],
    ['－１２.５万元', '金额不能为负数：－１２.５万元'],
  ])('%j → %s', (value, problem) => {
    expect(parseAmount(value, null)).toEqual({ wanYuan: null, problem });
  });
});
