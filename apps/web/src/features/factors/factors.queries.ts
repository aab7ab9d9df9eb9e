import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  type AllocateFactorQuota,
  type CreateFactorDemand,
  type FactorBoardQuery,
  type FactorQuotaQuery,
  fileRoutes,
  type MoveFactorDemand,
  type RaiseFactorProblem,
  type SetFactorQuota,
  type UpdateFactorDemand,
} from '@tuijin/contracts';
import { api, newIdempotencyKey } from '../../api/client';

/** Every factors query lives under one key, so a change on a project refreshes the board too. */
const factorsKey = ['factors'] as const;

export function useProjectFactors(id: string) {
  return useQuery({
    queryKey: [...factorsKey, 'project', id],
    queryFn: () => api.call('getProjectFactors', { params: { id } }),
  });
}

export function useFactorBoard(query: FactorBoardQuery) {
  return useQuery({
    queryKey: [...factorsKey, 'board', query],
    queryFn: () => api.call('factorBoard', { query }),
    placeholderData: keepPreviousData,
  });
}

export function useFactorQuotas(query: FactorQuotaQuery) {
  return useQuery({
    queryKey: [...factorsKey, 'quotas', query],
    queryFn: () => api.call('factorQuotas', { query }),
    placeholderData: keepPreviousData,
  });
}

function useFactorMutation<V, R>(mutationFn: (variables: V, idempotencyKey: string) => Promise<R>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (variables: V) => mutationFn(variables, newIdempotencyKey()),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: factorsKey });
      // A raised problem shows in the project's problems and the problem lists.
      await queryClient.invalidateQueries({ queryKey: ['problems'] });
    },
  });
}

export const useCreateFactorDemand = () =>
  useFactorMutation(({ id, body }: { id: string; body: CreateFactorDemand }, idempotencyKey) =>
    api.call('createFactorDemand', { params: { id }, body, idempotencyKey }),
  );
export const useUpdateFactorDemand = () =>
  useFactorMutation(({ id, body }: { id: string; body: UpdateFactorDemand }, idempotencyKey) =>
    api.call('updateFactorDemand', { params: { id }, body, idempotencyKey }),
  );
export const useMoveFactorDemand = () =>
  useFactorMutation(({ id, body }: { id: string; body: MoveFactorDemand }, idempotencyKey) =>
    api.call('moveFactorDemand', { params: { id }, body, idempotencyKey }),
  );
export const useRaiseFactorProblem = () =>
  useFactorMutation(({ id, body }: { id: string; body: RaiseFactorProblem }, idempotencyKey) =>
    api.call('raiseFactorProblem', { params: { id }, body, idempotencyKey }),
  );
export const useSetFactorQuota = () =>
  useFactorMutation((body: SetFactorQuota, idempotencyKey) =>
    api.call('setFactorQuota', { body, idempotencyKey }),
  );
export const useAllocateFactorQuota = () =>
  useFactorMutation(({ id, body }: { id: string; body: AllocateFactorQuota }, idempotencyKey) =>
    api.call('allocateFactorQuota', { params: { id }, body, idempotencyKey }),
  );
export const useRemoveFactorQuotaAllocation = () =>
  useFactorMutation(({ id, version }: { id: string; version: number }, idempotencyKey) =>
    api.call('removeFactorQuotaAllocation', { params: { id }, query: { version }, idempotencyKey }),
  );

/** The 要素保障台账 Excel under the board's filters. */
export function factorLedgerUrl(query: FactorBoardQuery): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query))
    if (value !== undefined && value !== '') params.set(key, String(value));
  const search = params.toString();
  return `${fileRoutes.exportFactorLedger}${search ? `?${search}` : ''}`;
}
