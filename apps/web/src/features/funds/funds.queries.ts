import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  type CreateFundApplication,
  type FundImportResult,
  type FundOverviewQuery,
  fileRoutes,
  type MoveFundApplication,
  type SaveFundAllocation,
  type SaveFundPayment,
  type UpdateFundAllocation,
  type UpdateFundApplication,
  type UpdateFundPayment,
} from '@tuijin/contracts';
import { api, newIdempotencyKey } from '../../api/client';
import { uploadLedger } from '../ledger/ledger.api';

/** Every funds query lives under one key, so a change on a project refreshes the overview too. */
const fundsKey = ['funds'] as const;

export function useProjectFunds(id: string) {
  return useQuery({
    queryKey: [...fundsKey, 'project', id],
    queryFn: () => api.call('getProjectFunds', { params: { id } }),
  });
}

export function useFundOverview(query: FundOverviewQuery) {
  return useQuery({
    queryKey: [...fundsKey, 'overview', query],
    queryFn: () => api.call('fundOverview', { query }),
    placeholderData: keepPreviousData,
  });
}

function useFundMutation<V, R>(mutationFn: (variables: V, idempotencyKey: string) => Promise<R>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (variables: V) => mutationFn(variables, newIdempotencyKey()),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: fundsKey });
    },
  });
}

export const useCreateFundApplication = () =>
  useFundMutation(({ id, body }: { id: string; body: CreateFundApplication }, idempotencyKey) =>
    api.call('createFundApplication', { params: { id }, body, idempotencyKey }),
  );
export const useUpdateFundApplication = () =>
  useFundMutation(({ id, body }: { id: string; body: UpdateFundApplication }, idempotencyKey) =>
    api.call('updateFundApplication', { params: { id }, body, idempotencyKey }),
  );
export const useMoveFundApplication = () =>
  useFundMutation(({ id, body }: { id: string; body: MoveFundApplication }, idempotencyKey) =>
    api.call('moveFundApplication', { params: { id }, body, idempotencyKey }),
  );
export const useRemoveFundApplication = () =>
  useFundMutation(({ id, version }: { id: string; version: number }, idempotencyKey) =>
    api.call('removeFundApplication', { params: { id }, query: { version }, idempotencyKey }),
  );
export const useCreateFundAllocation = () =>
  useFundMutation(({ id, body }: { id: string; body: SaveFundAllocation }, idempotencyKey) =>
    api.call('createFundAllocation', { params: { id }, body, idempotencyKey }),
  );
export const useUpdateFundAllocation = () =>
  useFundMutation(({ id, body }: { id: string; body: UpdateFundAllocation }, idempotencyKey) =>
    api.call('updateFundAllocation', { params: { id }, body, idempotencyKey }),
  );
export const useRemoveFundAllocation = () =>
  useFundMutation(({ id, version }: { id: string; version: number }, idempotencyKey) =>
    api.call('removeFundAllocation', { params: { id }, query: { version }, idempotencyKey }),
  );
export const useCreateFundPayment = () =>
  useFundMutation(({ id, body }: { id: string; body: SaveFundPayment }, idempotencyKey) =>
    api.call('createFundPayment', { params: { id }, body, idempotencyKey }),
  );
export const useUpdateFundPayment = () =>
  useFundMutation(({ id, body }: { id: string; body: UpdateFundPayment }, idempotencyKey) =>
    api.call('updateFundPayment', { params: { id }, body, idempotencyKey }),
  );
export const useRemoveFundPayment = () =>
  useFundMutation(({ id, version }: { id: string; version: number }, idempotencyKey) =>
    api.call('removeFundPayment', { params: { id }, query: { version }, idempotencyKey }),
  );

/** Where the 项目资金台账 of the overview's filters is downloaded. */
export function fundLedgerUrl(query: FundOverviewQuery): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(query))
    if (value !== undefined && value !== null && value !== '') search.set(key, String(value));
  const text = search.toString();
  return `${fileRoutes.exportFundLedger}${text ? `?${text}` : ''}`;
}

/** Refreshes every funds query (the overview, the projects' tabs) after an import. */
export function useRefreshFunds() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: fundsKey });
}

/** The preview of a 资金台账 (the import run and rolled back) and its import (one transaction). */
export const previewFundImport = (file: File, _options: null, onProgress: (p: number) => void) =>
  uploadLedger<FundImportResult>(fileRoutes.previewFundImport, file, {}, onProgress);
export const importFundsFile = (file: File, _options: null, onProgress: (p: number) => void) =>
  uploadLedger<FundImportResult>(fileRoutes.importFunds, file, {}, onProgress);
