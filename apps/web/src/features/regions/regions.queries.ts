import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CreateRegion, UpdateRegion } from '@tuijin/contracts';
import { api, newIdempotencyKey } from '../../api/client';

export const regionKeys = { all: ['regions'] as const };

/** The regions of the person's jurisdiction, as the flat list the API returns. */
export function useRegions(options: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: regionKeys.all,
    queryFn: async () => (await api.call('listRegions')).data,
    staleTime: 5 * 60_000,
    enabled: options.enabled ?? true,
  });
}

export function useCreateRegion() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateRegion) =>
      api.call('createRegion', { body, idempotencyKey: newIdempotencyKey() }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: regionKeys.all }),
  });
}

export function useRenameRegion() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ code, ...body }: UpdateRegion & { code: string }) =>
      api.call('updateRegion', { params: { code }, body, idempotencyKey: newIdempotencyKey() }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: regionKeys.all }),
  });
}
