import { describe, expect, it } from 'vitest';
import { approvalListFilters } from '../approvals/approval-logic';
import { approvalListHref, overdueNodesHref, readCockpitParams, withCockpitChanges } from './cockpit-params';

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

describe('a 前期手续 figure’s link to the 手续事项 list', () => {
  const base = {
    regionCode: '3509',
    year: 2026,
    filters: { constructionType: 'new' as const },
    label: '蕉城区 · 超期',
  };

  it('carries a region, the figure’s condition and the project filters the list reads back', () => {
    const href = approvalListHref({ ...base, row: { key: '350902', kind: 'region' }, figure: 'overdue' });
    const read = approvalListFilters(new URLSearchParams(href.split('?')[1]));
    expect(read).toEqual({
      filters: { regionCode: '350902', constructionType: 'new' },
      colour: 'overdue',
      isOpenOnly: true,
    });
    expect(new URLSearchParams(href.split('?')[1]).get('label')).toBe('蕉城区 · 超期');
  });

  it.each([
    [
      { key: '3509', kind: 'regionSelf' as const },
      'gapsOpen' as const,
      { regionCode: '3509', regionSelf: 'true', gaps: 'true' },
      true,
    ],
    [
      { key: '11111111-1111-4111-8111-111111111111', kind: 'department' as const },
      'approvedThisYear' as const,
      { regionCode: '3509', departmentId: '11111111-1111-4111-8111-111111111111', approvedYear: '2026' },
      false,
    ],
    [
      { key: 'none', kind: 'none' as const },
      'open' as const,
      { regionCode: '3509', departmentId: 'none' },
      true,
    ],
  ])('for %j and %s', (row, figure, filters, isOpenOnly) => {
    const href = approvalListHref({ ...base, filters: {}, row, figure });
    expect(approvalListFilters(new URLSearchParams(href.split('?')[1]))).toEqual({
      filters,
      colour: undefined,
      isOpenOnly,
    });
  });

  it('links overdue nodes to the portfolio of the region, overdue only', () => {
    expect(overdueNodesHref('350902')).toBe('/milestones?regionCode=350902&overdue=true');
  });
});
