import { describe, expect, it } from 'vitest';
import { readCockpitParams, withCockpitChanges } from './cockpit-params';

const fallback = { year: 2026, month: 11 };
const read = (search: string) => readCockpitParams(new URLSearchParams(search), fallback);

describe('the cockpit’s address', () => {
  it('opens on the current reporting month, adjusted basis, grouped by region, unfiltered', () => {
    expect(read('')).toEqual({
      year: 2026,
      month: 11,
      basis: 'adjusted',
      region: undefined,
      dimension: 'region',
      filters: {},
    });
  });

  it.each([
    ['year=2025&month=6', 2025, 6],
    ['year=2025&month=13', 2025, 11],
    ['year=abc&month=0', 2026, 11],
    ['month=12', 2026, 12],
  ])('reads the period of ?%s as %i-%i', (search, year, month) => {
    expect(read(search)).toMatchObject({ year, month });
  });

  it.each([
    ['basis=baseline', 'baseline'],
    ['basis=adjusted', 'adjusted'],
    ['basis=whatever', 'adjusted'],
  ])('reads ?%s as the %s basis', (search, basis) => {
    expect(read(search).basis).toBe(basis);
  });

  it.each([
    ['dimension=region', 'region'],
    ['dimension=nonsense', 'region'],
  ])('reads ?%s as grouping by %s', (search, dimension) => {
    expect(read(search).dimension).toBe(dimension);
  });

  it.each([
    [
      'tag=%E4%B8%93%E9%A1%B9%E5%80%BA&constructionType=new&size=ge5000',
      { tag: '专项债', constructionType: 'new', size: 'ge5000' },
    ],
    ['constructionType=sideways&size=huge', {}],
  ])('keeps only the filters the contract accepts in ?%s', (search, filters) => {
    expect(read(search).filters).toEqual(filters);
  });

  it('sets and removes keys, keeping the rest', () => {
    const next = withCockpitChanges(new URLSearchParams('year=2025&month=6&tag=a'), {
      month: '7',
      tag: undefined,
      dimension: 'level',
    });
    expect(next.toString()).toBe('year=2025&month=7&dimension=level');
  });
});
