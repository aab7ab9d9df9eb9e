import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { AdjustAnnualPlan, AnnualPlanQuery, FreezeAnnualPlans, SaveAnnualPlan } from '@tuijin/contracts';
import { api, newIdempotencyKey } from '../../api/client';
import { projectKeys } from '../projects/projects.queries';

export const planKeys = {
  all: ['plans'] as const,
  project: (projectId: string) => ['plans', 'project', projectId] as const,
  list: (query: AnnualPlanQuery) => ['plans', 'list', query] as const,
};

/** One project's plans, every year, with adjustments and what the reader may do. */
export function useProjectPlans(projectId: string) {
  return useQuery({
    queryKey: planKeys.project(projectId),
    queryFn: () => api.call('listProjectPlans', { params: { id: projectId } }),
  });
}

/** A year's plans in scope, filtered and paged, with totals. */
export function useAnnualPlans(query: AnnualPlanQuery) {
  return useQuery({
    queryKey: planKeys.list(query),
    queryFn: () => api.call('findAnnualPlans', { query }),
    placeholderData: keepPreviousData,
  });
}

/** After any plan change: plans everywhere and the project's history are stale. */
function useInvalidatePlans() {
  const queryClient = useQueryClient();
  return () => {
    void queryClient.invalidateQueries({ queryKey: planKeys.all });
    void queryClient.invalidateQueries({ queryKey: projectKeys.all });
  };
}

export function useSaveAnnualPlan() {
  const invalidate = useInvalidatePlans();
  return useMutation({
    mutationFn: ({ projectId, year, ...body }: SaveAnnualPlan & { projectId: string; year: number }) =>
      api.call('saveAnnualPlan', {
        params: { id: projectId, year },
        body,
        idempotencyKey: newIdempotencyKey(),
      }),
    onSuccess: invalidate,
  });
}

export function useAdjustAnnualPlan() {
  const invalidate = useInvalidatePlans();
  return useMutation({
    mutationFn: ({ planId, ...body }: AdjustAnnualPlan & { planId: string }) =>
      api.call('adjustAnnualPlan', { params: { id: planId }, body, idempotencyKey: newIdempotencyKey() }),
    onSuccess: invalidate,
  });
}

export function useFreezeAnnualPlans() {
  const invalidate = useInvalidatePlans();
  return useMutation({
    mutationFn: (body: FreezeAnnualPlans) =>
      api.call('freezeAnnualPlans', { body, idempotencyKey: newIdempotencyKey() }),
    onSuccess: invalidate,
  });
}
