import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type {
  CockpitApprovalsQuery,
  CockpitProgrammesQuery,
  CockpitProjectsQuery,
  CockpitQuery,
  CockpitSeriesQuery,
} from '@tuijin/contracts';
import { api } from '../../api/client';

type RollupParams = Pick<CockpitQuery, 'year' | 'month' | 'basis' | 'dimension'> & { region?: string };

/** The rollup of every indicator for the period, grouped by one dimension, with its total. */
export function useCockpitRollup(params: RollupParams) {
  return useQuery({
    queryKey: ['cockpit', 'rollup', params],
    queryFn: () => api.call('getCockpitRollup', { query: params }),
    placeholderData: keepPreviousData,
  });
}

/** Monthly cumulative plan (baseline, adjusted) vs actual, and the stage funnel. */
export function useCockpitSeries(params: Pick<CockpitSeriesQuery, 'year' | 'month'> & { region?: string }) {
  return useQuery({
    queryKey: ['cockpit', 'series', params],
    queryFn: () => api.call('getCockpitSeries', { query: params }),
    placeholderData: keepPreviousData,
  });
}

export type CockpitProjectsParams = Omit<CockpitProjectsQuery, 'page' | 'pageSize' | 'region' | 'key'> & {
  region?: string;
  key?: string;
  page: number;
  pageSize: number;
};

/** The projects behind one number; disabled until a number is picked. */
export function useCockpitProjects(params: CockpitProjectsParams | null) {
  return useQuery({
    queryKey: ['cockpit', 'projects', params],
    queryFn: () => api.call('listCockpitProjects', { query: params! }),
    enabled: params !== null,
    placeholderData: keepPreviousData,
  });
}

/** 前期手续 figures per child region or approving department (with overdue nodes by region). */
export function useCockpitApprovals(params: CockpitApprovalsQuery) {
  return useQuery({
    queryKey: ['cockpit', 'approvals', params],
    queryFn: () => api.call('getCockpitApprovals', { query: params }),
    placeholderData: keepPreviousData,
  });
}

/** 专项工作: each programme module's figures for the region and year (parts the reader may read). */
export function useCockpitProgrammes(params: CockpitProgrammesQuery) {
  return useQuery({
    queryKey: ['cockpit', 'programmes', params],
    queryFn: () => api.call('getCockpitProgrammes', { query: params }),
    placeholderData: keepPreviousData,
  });
}
