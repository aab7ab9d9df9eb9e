import { describe, expect, it } from 'vitest';
import {
  exportSearchOf,
  filterChanges,
  pageChanges,
  readProjectListState,
  withChanges,
} from './project-list-params';

const read = (search: string) => readProjectListState(new URLSearchParams(search));
const department = '0b6f1c1e-8d4a-4a57-9a59-2f1d1d9d6a11';

describe('the project list’s address', () => {
  it('opens on page 1 of 20 with no filter', () => {
    expect(read('')).toEqual({ filters: {}, sort: undefined, order: undefined, page: 1, pageSize: 20 });
  });

  it.each([
    ['stage=underway&level=city', { stage: 'underway', level: 'city' }],
    ['q=%E6%B8%AF%E5%8F%A3&region=350900', { q: '港口', region: '350900' }],
    [`department=${department}&size=ge5000`, { department, size: 'ge5000' }],
    ['minInvestment=1000&maxInvestment=5000.5', { minInvestment: '1000', maxInvestment: '5000.5' }],
    // refused by the contract, so dropped: a hand-edited address cannot break the list call
    ['stage=flying&level=', {}],
    ['department=not-an-id&size=huge', {}],
    ['minInvestment=-5&maxInvestment=abc', {}],
    ['q=%20%20', {}],
    ['unknown=1', {}],
  ])('reads ?%s as the filters %j', (search, filters) => {
    expect(read(search).filters).toEqual(filters);
  });

  it.each([
    ['sort=name&order=asc', 'name', 'asc'],
    ['sort=bogus&order=sideways', undefined, undefined],
  ])('reads the sort of ?%s', (search, sort, order) => {
    expect(read(search)).toMatchObject({ sort, order });
  });

  it.each([
    ['page=3&pageSize=50', 3, 50],
    ['page=0&pageSize=-1', 1, 20],
    ['page=2.5&pageSize=abc', 1, 20],
    ['pageSize=1000', 1, 200],
  ])('bounds the paging of ?%s to page %i of %i', (search, page, pageSize) => {
    expect(read(search)).toMatchObject({ page, pageSize });
  });

  it('gives the export the filter and sort but not the page', () => {
    expect(exportSearchOf(read('stage=underway&sort=name&order=asc&page=4&pageSize=50'))).toBe(
      'stage=underway&sort=name&order=asc',
    );
    expect(exportSearchOf(read('page=2'))).toBe('');
  });

  it('writes applied filters (trimmed, blanks removed) and returns to page 1', () => {
    const next = withChanges(
      new URLSearchParams('stage=underway&tag=old&page=3&pageSize=50'),
      filterChanges({ q: '  港口 ', tag: '', level: 'city' }),
      true,
    );
    expect(next.toString()).toBe(`pageSize=50&q=${encodeURIComponent('港口')}&level=city`);
  });

  it.each([
    [1, 20, ''],
    [2, 20, 'page=2'],
    [1, 50, 'pageSize=50'],
    [3, 100, 'page=3&pageSize=100'],
  ])('keeps page %i of %i in the address as %o', (page, pageSize, search) => {
    expect(withChanges(new URLSearchParams('page=9'), pageChanges(page, pageSize), false).toString()).toBe(
      search,
    );
  });
});
