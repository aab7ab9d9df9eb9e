import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { UpdateScreenPublication } from '@tuijin/contracts';
import { api, newIdempotencyKey } from '../../api/client';

/** The command-room screen refreshes itself this often. */
export const screenRefreshMs = 60_000;

export function useScreen() {
  return useQuery({
    queryKey: ['screen'],
    queryFn: () => api.call('getScreen'),
    refetchInterval: screenRefreshMs,
  });
}

export function usePublicScreen(regionCode: string) {
  return useQuery({
    queryKey: ['screen', 'public', regionCode],
    queryFn: () => api.call('getPublicScreen', { params: { regionCode } }),
    refetchInterval: screenRefreshMs,
    retry: false,
  });
}

export function useScreenPublication(enabled: boolean) {
  return useQuery({
    queryKey: ['screen', 'publication'],
    queryFn: () => api.call('getScreenPublication'),
    enabled,
  });
}

export function useUpdateScreenPublication() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: UpdateScreenPublication) =>
      api.call('updateScreenPublication', { body, idempotencyKey: newIdempotencyKey() }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['screen'] }),
  });
}
