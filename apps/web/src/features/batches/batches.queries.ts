import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CreateBatchScheme } from '@tuijin/contracts';
import { api, newIdempotencyKey } from '../../api/client';

export const batchKeys = {
  all: ['batchSchemes'] as const,
  year: (year: number) => ['batchSchemes', year] as const,
  presets: ['batchPresets'] as const,
};

/** The batch schemes of one year in the jurisdiction, each batch with its project count. */
export function useBatchSchemes(year: number, options: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: batchKeys.year(year),
    queryFn: async () => (await api.call('listBatchSchemes', { query: { year } })).data,
    enabled: options.enabled ?? true,
  });
}

export function useBatchPresets() {
  return useQuery({
    queryKey: batchKeys.presets,
    queryFn: async () => (await api.call('listBatchPresets')).data,
    staleTime: Number.POSITIVE_INFINITY,
  });
}

export function useCreateBatchScheme() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateBatchScheme) =>
      api.call('createBatchScheme', { body, idempotencyKey: newIdempotencyKey() }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: batchKeys.all }),
  });
}

/** The current calendar year, the default for batch schemes. */
export const currentYear = () => new Date().getFullYear();
