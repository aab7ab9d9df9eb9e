import { describe, expect, it } from 'vitest';
import { cleanText, type LedgerCell, stripLevelMarker, toHalfWidth } from './text';

describe('cleanText', () => {
  it.each<[LedgerCell | undefined, string | null]>([
    ['  宁德时代  ', '宁德时代'],
    ['\u3000青拓集团\u3000', '青拓集团'],
    ['\u00a0福安市\u00a0', '福安市'],
    ['\u200b项目\ufeff', '项目'],
    ['宁德时代\n新能源项目', '宁德时代新能源项目'],
    ['年度计划投资\n（万元）', '年度计划投资（万元）'],
    ['项目\r\n名称', '项目名称'],
    ['项目 \n 名称', '项目名称'],
    ['Phase\nII', 'Phase II'],
    ['三期\n2GWh', '三期 2GWh'],
    ['蕉城区   七都镇', '蕉城区 七都镇'],
    ['蕉城区\u3000\u3000七都镇', '蕉城区 七都镇'],
    ['', null],
    ['   ', null],
    ['\u3000\n\u00a0', null],
    [null, null],
    [undefined, null],
    [2024, '2024'],
    [0, '0'],
    [false, 'false'],
    [new Date(Date.UTC(2025, 6, 1)), '2025-07-01'],
    ["'=1+2 号地块", '=1+2 号地块'],
    ["'-二期", '-二期'],
    ["'@工程", '@工程'],
    ["'+3", '+3'],
    ["'", "'"],
    ["'s Project", "'s Project"],
  ])('%j → %j', (value, expected) => {
    expect(cleanText(value)).toBe(expected);
  });
});

describe('toHalfWidth', () => {
  it.each([
    ['１２３．５', '123.5'],
    ['（万元）', '(万元)'],
    ['单位：万元', '单位:万元'],
    ['２０２４～２０２６', '2024~2026'],
    ['１\u3000２', '1 2'],
  ])('%s → %s', (text, expected) => {
    expect(toHalfWidth(text)).toBe(expected);
  });
});

describe('stripLevelMarker', () => {
  it.each([
    ['★青拓不锈钢项目', '青拓不锈钢项目', true],
    ['青拓不锈钢项目★', '青拓不锈钢项目', true],
    ['■宁德时代车里湾项目', '宁德时代车里湾项目', true],
    ['☆ 福宁高速公路', '福宁高速公路', true],
    ['●上汽宁德基地', '上汽宁德基地', true],
    ['▲三都澳大桥', '三都澳大桥', true],
    ['★★ 双星项目 ', '双星项目', true],
    ['  福安湾坞\n不锈钢产业园  ', '福安湾坞不锈钢产业园', false],
    ['青★拓项目', '青★拓项目', false],
    ['宁德市第一医院', '宁德市第一医院', false],
  ])('%j → %j provincial: %s', (name, expected, isProvincial) => {
    expect(stripLevelMarker(name)).toEqual({ name: expected, isProvincial });
  });
});
