import { describe, expect, it } from 'vitest';
import { isInSizeBand, sizeBand, sizeBandOf } from './size-bands';

describe('投资规模 bands', () => {
  it.each([
    ['0', 'lt5000'],
    ['4999.9999', 'lt5000'],
    ['5000', '5000to10000'],
    ['9999.99', '5000to10000'],
    ['10000', '10000to100000'],
    ['99999', '10000to100000'],
    ['100000', 'ge100000'],
    ['2500000', 'ge100000'],
  ] as const)('a total of %s 万元 is in band %s', (total, band) => {
    expect(sizeBandOf(total)).toBe(band);
  });

  it.each([
    ['5000', 'ge5000', true],
    ['4999.9999', 'ge5000', false],
    ['1200000', 'ge5000', true],
    ['10000', 'ge10000', true],
    ['9999', 'ge10000', false],
    ['5000', 'lt5000', false],
  ] as const)('%s 万元 in %s → %s (5000 万元以上 includes 5000)', (total, key, expected) => {
    expect(isInSizeBand(total, key)).toBe(expected);
  });

  it('gives each band its bounds in 万元', () => {
    expect(sizeBand('5000to10000')).toEqual({ key: '5000to10000', min: '5000', max: '10000' });
    expect(sizeBand('ge5000')).toEqual({ key: 'ge5000', min: '5000', max: null });
  });
});
