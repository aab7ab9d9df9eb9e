import { type CockpitBasis, CockpitDimension, CockpitFilters } from '@tuijin/contracts';
import { useSearchParams } from 'react-router';

/** The groupings the cockpit offers: the contract's own list, in its order. */
export const cockpitDimensions: CockpitDimension[] = [...CockpitDimension.options];

const filterKeys = ['tag', 'projectClass', 'constructionType', 'size'] as const;

/** The filters of the address the contract accepts (a hand-edited value that it refuses is dropped). */
function readFilters(params: URLSearchParams): CockpitFilters {
  const filters: Record<string, string> = {};
  for (const key of filterKeys) {
    const value = params.get(key);
    if (value && CockpitFilters.shape[key].safeParse(value).success) filters[key] = value;
  }
  return filters as CockpitFilters;
}

/**
 * Period, basis, region, grouping and the project filters (tag, 新建/续建, 投资规模) live in the
 * address, so a view can be bookmarked and shared; without a period, the current reporting month
 * (`fallback`, from the server's one resolver).
 */
export function useCockpitParams(fallback: { year: number; month: number }) {
  const [params, setParams] = useSearchParams();
  const set = (changes: Record<string, string | undefined>) =>
    setParams((old) => withCockpitChanges(old, changes));
  return { ...readCockpitParams(params, fallback), set };
}

/** The cockpit's view read from the address; a missing or refused value takes its default. */
export function readCockpitParams(params: URLSearchParams, fallback: { year: number; month: number }) {
  const year = Number(params.get('year')) || fallback.year;
  const asked = Number(params.get('month'));
  const month = asked >= 1 && asked <= 12 ? asked : fallback.month;
  const basis: CockpitBasis = params.get('basis') === 'baseline' ? 'baseline' : 'adjusted';
  const region = params.get('region') ?? undefined;
  const askedDimension = params.get('dimension') as CockpitDimension | null;
  const dimension = askedDimension && cockpitDimensions.includes(askedDimension) ? askedDimension : 'region';
  return { year, month, basis, region, dimension, filters: readFilters(params) };
}

/** The address after `changes`: a value sets its key, undefined removes it; the rest is kept. */
export function withCockpitChanges(old: URLSearchParams, changes: Record<string, string | undefined>) {
  const next = new URLSearchParams(old);
  for (const [key, value] of Object.entries(changes)) {
    if (value === undefined) next.delete(key);
    else next.set(key, value);
  }
  return next;
}

/** A figure of the cockpit's 前期手续 panel, and what a click on it lists. */
export type ApprovalFigureKey = 'open' | 'gapsOpen' | 'yellow' | 'red' | 'overdue' | 'approvedThisYear';

/**
 * The 手续事项 list behind one figure of the 前期手续 panel: the row's region (its subtree, or the
 * region itself for 本级) or department, the figure's condition (open, 容缺, a colour, approved in the
 * year) and the cockpit's project filters; `label` names the cell for the list's banner.
 */
export function approvalListHref(input: {
  row: { key: string; kind: 'region' | 'regionSelf' | 'department' | 'none' };
  /** The region the panel is rooted at (for a department row). */
  regionCode: string;
  figure: ApprovalFigureKey;
  year: number;
  filters: CockpitFilters;
  label: string;
}): string {
  const { row, figure } = input;
  const params = new URLSearchParams({ view: 'all' });
  if (row.kind === 'region' || row.kind === 'regionSelf') params.set('regionCode', row.key);
  else params.set('regionCode', input.regionCode);
  if (row.kind === 'regionSelf') params.set('regionSelf', 'true');
  if (row.kind === 'department' || row.kind === 'none') params.set('departmentId', row.key);
  if (figure === 'approvedThisYear') {
    params.set('open', 'false');
    params.set('approvedYear', String(input.year));
  } else {
    params.set('open', 'true');
    if (figure === 'gapsOpen') params.set('gaps', 'true');
    if (figure === 'yellow' || figure === 'red' || figure === 'overdue') params.set('colour', figure);
  }
  for (const key of filterKeys) {
    const value = input.filters[key];
    if (value) params.set(key, value);
  }
  params.set('label', input.label);
  return `/approvals?${params.toString()}`;
}

/** The portfolio 时间节点图 of a region's projects with overdue nodes (the panel's 超期节点). */
export function overdueNodesHref(regionCode: string): string {
  return `/milestones?${new URLSearchParams({ regionCode, overdue: 'true' }).toString()}`;
}
