import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CallInput, Endpoints } from '@tuijin/contracts';
import { api, newIdempotencyKey } from '../../api/client';
import { dispatchKeys } from './dispatch.queries';

export type VisitQuery = NonNullable<CallInput<Endpoints['listFieldVisits']>['query']>;
export type RecordVisitBody = NonNullable<CallInput<Endpoints['recordFieldVisit']>['body']>;
export type SaveCadenceBody = NonNullable<CallInput<Endpoints['saveCadenceRules']>['body']>;

const visitKeys = {
  visits: (query: VisitQuery) => [...dispatchKeys.all, 'visits', query] as const,
  coverage: (quarter: string) => [...dispatchKeys.all, 'coverage', quarter] as const,
  rules: (regionCode: string) => [...dispatchKeys.all, 'cadenceRules', regionCode] as const,
  compliance: (month: string) => [...dispatchKeys.all, 'compliance', month] as const,
  mine: (month: string) => [...dispatchKeys.all, 'mine', month] as const,
};

/** A page of the jurisdiction's field visits, newest first (by dates and visitor). */
export function useFieldVisits(query: VisitQuery) {
  return useQuery({
    queryKey: visitKeys.visits(query),
    queryFn: () => api.call('listFieldVisits', { query }),
    placeholderData: keepPreviousData,
  });
}

/** 走访覆盖率 of a quarter (`2026-Q4`) in the reader's jurisdiction. */
export function useVisitCoverage(quarter: string) {
  return useQuery({
    queryKey: visitKeys.coverage(quarter),
    queryFn: () => api.call('getVisitCoverage', { query: { quarter } }),
  });
}

/** The cadence rules of a region (321 until the office saves its own). */
export function useCadenceRules(regionCode: string | undefined) {
  return useQuery({
    queryKey: visitKeys.rules(regionCode ?? ''),
    queryFn: () => api.call('getCadenceRules', { params: { regionCode: regionCode ?? '' } }),
    enabled: Boolean(regionCode),
  });
}

/** 调度频次达标表 of a month (`2026-11`) in the reader's jurisdiction. */
export function useCadenceCompliance(month: string) {
  return useQuery({
    queryKey: visitKeys.compliance(month),
    queryFn: () => api.call('getCadenceCompliance', { query: { month } }),
    placeholderData: keepPreviousData,
  });
}

/** The linked leader's own page: its projects and its cadence of a month. */
export function useMyDispatch(month: string) {
  return useQuery({
    queryKey: visitKeys.mine(month),
    queryFn: () => api.call('getMyDispatch', { query: { month } }),
    placeholderData: keepPreviousData,
  });
}

function useVisitMutation<V, R>(mutationFn: (variables: V, idempotencyKey: string) => Promise<R>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (variables: V) => mutationFn(variables, newIdempotencyKey()),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: dispatchKeys.all }),
  });
}

export const useRecordFieldVisit = () =>
  useVisitMutation((body: RecordVisitBody, idempotencyKey) =>
    api.call('recordFieldVisit', { body, idempotencyKey }),
  );

export const useLinkVisitProblem = () =>
  useVisitMutation(({ visitId, problemId }: { visitId: string; problemId: string }, idempotencyKey) =>
    api.call('linkVisitProblem', { params: { id: visitId }, body: { problemId }, idempotencyKey }),
  );

export const useSaveCadenceRules = () =>
  useVisitMutation(({ regionCode, body }: { regionCode: string; body: SaveCadenceBody }, idempotencyKey) =>
    api.call('saveCadenceRules', { params: { regionCode }, body, idempotencyKey }),
  );
