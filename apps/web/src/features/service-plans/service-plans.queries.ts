import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  type CreateMeasure,
  fileRoutes,
  type MoveMeasure,
  type SaveServicePlan,
  type ServicePlanListQuery,
  type UpdateMeasure,
} from '@tuijin/contracts';
import { api, newIdempotencyKey } from '../../api/client';

/** Every service-plan query lives under one key, so a change on a project refreshes the list too. */
const servicePlansKey = ['servicePlans'] as const;

export function useProjectServicePlan(id: string) {
  return useQuery({
    queryKey: [...servicePlansKey, 'project', id],
    queryFn: () => api.call('getProjectServicePlan', { params: { id } }),
  });
}

export function useServicePlanList(query: ServicePlanListQuery) {
  return useQuery({
    queryKey: [...servicePlansKey, 'list', query],
    queryFn: () => api.call('listServicePlans', { query }),
    placeholderData: keepPreviousData,
  });
}

function useServicePlanMutation<V, R>(mutationFn: (variables: V, idempotencyKey: string) => Promise<R>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (variables: V) => mutationFn(variables, newIdempotencyKey()),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: servicePlansKey });
    },
  });
}

export const useSaveServicePlan = () =>
  useServicePlanMutation(({ id, body }: { id: string; body: SaveServicePlan }, idempotencyKey) =>
    api.call('saveServicePlan', { params: { id }, body, idempotencyKey }),
  );
export const useCreateMeasure = () =>
  useServicePlanMutation(({ id, body }: { id: string; body: CreateMeasure }, idempotencyKey) =>
    api.call('createMeasure', { params: { id }, body, idempotencyKey }),
  );
export const useUpdateMeasure = () =>
  useServicePlanMutation(({ id, body }: { id: string; body: UpdateMeasure }, idempotencyKey) =>
    api.call('updateMeasure', { params: { id }, body, idempotencyKey }),
  );
export const useMoveMeasure = () =>
  useServicePlanMutation(({ id, body }: { id: string; body: MoveMeasure }, idempotencyKey) =>
    api.call('moveMeasure', { params: { id }, body, idempotencyKey }),
  );

/** The Excel of the list under the same filters. */
export function servicePlansExportUrl(query: ServicePlanListQuery): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query))
    if (value !== undefined && value !== '') params.set(key, String(value));
  const search = params.toString();
  return `${fileRoutes.exportServicePlans}${search ? `?${search}` : ''}`;
}
