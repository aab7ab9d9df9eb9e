import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  BankFollowUpQuery,
  BankMatchmakingOverviewQuery,
  SaveBank,
  SaveBankEvent,
  UpdateBank,
  UpdateBankEvent,
  UpdateBankFollowUp,
} from '@tuijin/contracts';
import { api, newIdempotencyKey } from '../../api/client';

/** Every bank-matchmaking query lives under one key, so an edit refreshes the page and the project card. */
const bankKey = ['bank-matchmaking'] as const;

export function useBankOverview(query: BankMatchmakingOverviewQuery) {
  return useQuery({
    queryKey: [...bankKey, 'overview', query],
    queryFn: () => api.call('bankMatchmakingOverview', { query }),
    placeholderData: keepPreviousData,
  });
}

export function useBanks() {
  return useQuery({ queryKey: [...bankKey, 'banks'], queryFn: () => api.call('listBanks', {}) });
}

export function useBankEvent(id: string | null) {
  return useQuery({
    queryKey: [...bankKey, 'event', id],
    queryFn: () => api.call('getBankEvent', { params: { id: id! } }),
    enabled: id !== null,
  });
}

export function useBankFollowUps(query: BankFollowUpQuery) {
  return useQuery({
    queryKey: [...bankKey, 'follow-ups', query],
    queryFn: () => api.call('findBankFollowUps', { query }),
    placeholderData: keepPreviousData,
  });
}

export function useProjectBankFollowUps(projectId: string) {
  return useQuery({
    queryKey: [...bankKey, 'project', projectId],
    queryFn: () => api.call('projectBankFollowUps', { params: { id: projectId } }),
  });
}

function useBankMutation<V, R>(mutationFn: (variables: V, idempotencyKey: string) => Promise<R>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (variables: V) => mutationFn(variables, newIdempotencyKey()),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: bankKey });
    },
  });
}

export const useCreateBank = () =>
  useBankMutation((body: SaveBank, idempotencyKey) => api.call('createBank', { body, idempotencyKey }));
export const useUpdateBank = () =>
  useBankMutation(({ id, body }: { id: string; body: UpdateBank }, idempotencyKey) =>
    api.call('updateBank', { params: { id }, body, idempotencyKey }),
  );
export const useDeleteBank = () =>
  useBankMutation(({ id, version }: { id: string; version: number }, idempotencyKey) =>
    api.call('deleteBank', { params: { id }, query: { version }, idempotencyKey }),
  );
export const useCreateBankEvent = () =>
  useBankMutation((body: SaveBankEvent, idempotencyKey) =>
    api.call('createBankEvent', { body, idempotencyKey }),
  );
export const useUpdateBankEvent = () =>
  useBankMutation(({ id, body }: { id: string; body: UpdateBankEvent }, idempotencyKey) =>
    api.call('updateBankEvent', { params: { id }, body, idempotencyKey }),
  );
export const useUpdateBankFollowUp = () =>
  useBankMutation(({ id, body }: { id: string; body: UpdateBankFollowUp }, idempotencyKey) =>
    api.call('updateBankFollowUp', { params: { id }, body, idempotencyKey }),
  );
