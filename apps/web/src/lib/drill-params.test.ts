import { describe, expect, it } from 'vitest';
import { readDrillParams } from './drill-params';

describe('the region, year and day a drill-down link carries', () => {
  it.each([
    ['region=350902&year=2026', { regionCode: '350902', year: 2026 }],
    ['region=350900-DQ', { regionCode: '350900-DQ' }],
    ['year=2025', { year: 2025 }],
    ['', {}],
    ['region=35%27%20or&year=twenty', {}],
    ['year=1999', {}],
    ['year=2026.5', {}],
    ['region=350902&date=2026-12-07', { regionCode: '350902', date: '2026-12-07' }],
    ['date=2026-02-30', {}],
    ['date=2026-1-5', {}],
  ])('reads “%s”', (search, expected) => {
    expect(readDrillParams(new URLSearchParams(search))).toEqual(expected);
  });
});
