import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  AddEvaluationAdjustment,
  CreateEvaluationScheme,
  UpdateEvaluationScheme,
  WhatItTakesQuery,
} from '@tuijin/contracts';
import { api, newIdempotencyKey } from '../../api/client';

export const evaluationKeys = {
  all: ['evaluation'] as const,
  schemes: ['evaluation', 'schemes'] as const,
  results: (schemeId: string, quarter: string) => ['evaluation', 'results', schemeId, quarter] as const,
  adjustments: (schemeId: string, quarter: string) =>
    ['evaluation', 'adjustments', schemeId, quarter] as const,
  history: (schemeId: string, year: number) => ['evaluation', 'history', schemeId, year] as const,
};

/** Schemes of the jurisdiction and those above it (their published results are shown). */
export function useEvaluationSchemes() {
  return useQuery({
    queryKey: evaluationKeys.schemes,
    queryFn: async () => (await api.call('listEvaluationSchemes')).data,
  });
}

/** One quarter's ranking with breakdowns (none when not computed, or not published for readers below). */
export function useEvaluationResults(schemeId: string | undefined, quarter: string) {
  return useQuery({
    queryKey: evaluationKeys.results(schemeId ?? '', quarter),
    queryFn: () => api.call('getEvaluationResults', { params: { id: schemeId! }, query: { quarter } }),
    enabled: schemeId !== undefined,
    placeholderData: keepPreviousData,
  });
}

export function useEvaluationAdjustments(schemeId: string | undefined, quarter: string, enabled: boolean) {
  return useQuery({
    queryKey: evaluationKeys.adjustments(schemeId ?? '', quarter),
    queryFn: async () =>
      (await api.call('listEvaluationAdjustments', { params: { id: schemeId! }, query: { quarter } })).data,
    enabled: enabled && schemeId !== undefined,
  });
}

export function useEvaluationHistory(schemeId: string | undefined, year: number) {
  return useQuery({
    queryKey: evaluationKeys.history(schemeId ?? '', year),
    queryFn: () => api.call('getEvaluationHistory', { params: { id: schemeId! }, query: { year } }),
    enabled: schemeId !== undefined,
  });
}

/** 差距测算, asked on demand. */
export function useWhatItTakes() {
  return useMutation({
    mutationFn: ({ schemeId, ...query }: WhatItTakesQuery & { schemeId: string }) =>
      api.call('getEvaluationWhatItTakes', { params: { id: schemeId }, query }),
  });
}

function useInvalidateEvaluation() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: evaluationKeys.all });
}

export function useCreateEvaluationScheme() {
  const invalidate = useInvalidateEvaluation();
  return useMutation({
    mutationFn: (body: CreateEvaluationScheme) =>
      api.call('createEvaluationScheme', { body, idempotencyKey: newIdempotencyKey() }),
    onSuccess: invalidate,
  });
}

export function useUpdateEvaluationScheme() {
  const invalidate = useInvalidateEvaluation();
  return useMutation({
    mutationFn: ({ id, ...body }: UpdateEvaluationScheme & { id: string }) =>
      api.call('updateEvaluationScheme', { params: { id }, body, idempotencyKey: newIdempotencyKey() }),
    onSuccess: invalidate,
  });
}

export function useComputeEvaluation() {
  const invalidate = useInvalidateEvaluation();
  return useMutation({
    mutationFn: ({ id, quarter }: { id: string; quarter: string }) =>
      api.call('computeEvaluation', {
        params: { id },
        body: { quarter },
        idempotencyKey: newIdempotencyKey(),
      }),
    onSuccess: invalidate,
  });
}

export function usePublishEvaluation() {
  const invalidate = useInvalidateEvaluation();
  return useMutation({
    mutationFn: ({ id, quarter }: { id: string; quarter: string }) =>
      api.call('publishEvaluation', {
        params: { id },
        body: { quarter },
        idempotencyKey: newIdempotencyKey(),
      }),
    onSuccess: invalidate,
  });
}

export function useAddEvaluationAdjustment() {
  const invalidate = useInvalidateEvaluation();
  return useMutation({
    mutationFn: ({ id, ...body }: AddEvaluationAdjustment & { id: string }) =>
      api.call('addEvaluationAdjustment', { params: { id }, body, idempotencyKey: newIdempotencyKey() }),
    onSuccess: invalidate,
  });
}

export function useDeleteEvaluationAdjustment() {
  const invalidate = useInvalidateEvaluation();
  return useMutation({
    mutationFn: (id: string) =>
      api.call('deleteEvaluationAdjustment', { params: { id }, idempotencyKey: newIdempotencyKey() }),
    onSuccess: invalidate,
  });
}
