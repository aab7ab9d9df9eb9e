import { ProjectQuery } from '@tuijin/contracts';
import { useMemo } from 'react';
import { useSearchParams } from 'react-router';

export type ProjectListQuery = Partial<ProjectQuery>;

/** The filter fields of the list, all kept in the address as text. */
export const projectFilterKeys = [
  'q',
  'region',
  'level',
  'stage',
  'domain',
  'industry',
  'tag',
  'projectClass',
  'batch',
  'leader',
  'department',
  'constructionType',
  'size',
  'minInvestment',
  'maxInvestment',
] as const;
export type ProjectFilterKey = (typeof projectFilterKeys)[number];
export type ProjectFilters = Partial<Record<ProjectFilterKey, string>>;

export type ProjectSort = NonNullable<ProjectListQuery['sort']>;
export type SortOrder = 'asc' | 'desc';

const defaultPageSize = 20;
const shape = ProjectQuery.shape;

/** The value when the contract accepts it, so a hand-edited address cannot break the list call. */
function accepted(key: keyof typeof shape, value: string | null): string | undefined {
  if (value === null || value.trim() === '') return undefined;
  return shape[key].safeParse(value).success ? value : undefined;
}

function positive(value: string | null, fallback: number): number {
  const number = Number(value);
  return Number.isInteger(number) && number > 0 ? number : fallback;
}

/** The list's state read from the address: refused values dropped, paging bounded (1…, ≤ 200 a page). */
export function readProjectListState(params: URLSearchParams) {
  const filters: ProjectFilters = {};
  for (const key of projectFilterKeys) {
    const value = accepted(key, params.get(key));
    if (value !== undefined) filters[key] = value;
  }
  const sort = accepted('sort', params.get('sort')) as ProjectSort | undefined;
  const order = accepted('order', params.get('order')) as SortOrder | undefined;
  const page = positive(params.get('page'), 1);
  const pageSize = Math.min(positive(params.get('pageSize'), defaultPageSize), 200);
  return { filters, sort, order, page, pageSize };
}

/** The query string of a state's filter and sort without paging. */
export function exportSearchOf(
  state: Pick<ReturnType<typeof readProjectListState>, 'filters' | 'sort' | 'order'>,
) {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(state.filters)) if (value) search.set(key, value);
  if (state.sort) search.set('sort', state.sort);
  if (state.order) search.set('order', state.order);
  return search.toString();
}

/** The address after `changes` (blank or undefined removes a key); back to page 1 when asked. */
export function withChanges(
  current: URLSearchParams,
  changes: Record<string, string | number | undefined>,
  toFirstPage: boolean,
): URLSearchParams {
  const next = new URLSearchParams(current);
  for (const [key, value] of Object.entries(changes)) {
    if (value === undefined || value === '') next.delete(key);
    else next.set(key, String(value));
  }
  if (toFirstPage) next.delete('page');
  return next;
}

/** Every filter key of the form, trimmed; an empty field clears its key. */
export const filterChanges = (filters: ProjectFilters) =>
  Object.fromEntries(projectFilterKeys.map((key) => [key, filters[key]?.toString().trim() || undefined]));

/** Paging as the address keeps it: page 1 and the default size are left out. */
export const pageChanges = (page: number, pageSize: number) => ({
  page: page > 1 ? page : undefined,
  pageSize: pageSize !== defaultPageSize ? pageSize : undefined,
});

/**
 * The project list's filters, sort and page, kept in the query string so a filtered list can be
 * shared as a link and the back button returns to the previous filter. Changing filters or the
 * sort returns to page 1.
 */
export function useProjectListParams() {
  const [params, setParams] = useSearchParams();

  const state = useMemo(() => readProjectListState(params), [params]);

  const query: ProjectListQuery = {
    ...(state.filters as ProjectListQuery),
    sort: state.sort,
    order: state.order,
    page: state.page,
    pageSize: state.pageSize,
  };

  /** The query string of the current filter and sort without paging (the Excel export takes it). */
  const exportSearch = useMemo(() => exportSearchOf(state), [state]);

  const update = (changes: Record<string, string | number | undefined>, toFirstPage: boolean) =>
    setParams((current) => withChanges(current, changes, toFirstPage));

  return {
    ...state,
    query,
    exportSearch,
    applyFilters: (filters: ProjectFilters) => update(filterChanges(filters), true),
    setSort: (sort: ProjectSort | undefined, order: SortOrder | undefined) =>
      update({ sort, order: sort ? order : undefined }, true),
    setPage: (page: number, pageSize: number) => update(pageChanges(page, pageSize), false),
  };
}
