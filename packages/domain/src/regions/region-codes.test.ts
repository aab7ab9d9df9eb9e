import { describe, expect, it } from 'vitest';
import { levelOfGbCode, regionCodeProblems } from './region-codes';

const fujian = { code: '350000', level: 'province' as const };
const ningde = { code: '350900', level: 'city' as const };

describe('region codes', () => {
  it.each([
    ['350000', 'province'],
    ['350900', 'city'],
    ['350902', 'county'],
    ['35090', null],
    ['000000', null],
  ])('%s is %s', (code, level) => {
    expect(levelOfGbCode(code)).toBe(level);
  });

  it.each([
    { code: '350902', level: 'county', parent: ningde, ok: true },
    { code: '360902', level: 'county', parent: ningde, ok: false },
    { code: '350900', level: 'county', parent: ningde, ok: false },
    { code: '350900', level: 'city', parent: fujian, ok: true },
    { code: '350000', level: 'province', parent: null, ok: true },
    { code: '350902', level: 'county', parent: null, ok: false },
    { code: '350900-DQ', level: 'zone', parent: ningde, ok: true },
    { code: '350800-DQ', level: 'zone', parent: ningde, ok: false },
    { code: '350900-dq', level: 'zone', parent: ningde, ok: false },
  ] as const)('$code as $level under $parent.code → ok=$ok', ({ code, level, parent, ok }) => {
    expect(regionCodeProblems(code, level, parent).length === 0).toBe(ok);
  });
});
