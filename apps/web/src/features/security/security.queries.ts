import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { UpdateSecurityPolicy } from '@tuijin/contracts';
import { api, newIdempotencyKey } from '../../api/client';

export const securityPolicyKey = ['securityPolicy'] as const;

export function useSecurityPolicy() {
  return useQuery({ queryKey: securityPolicyKey, queryFn: () => api.call('getSecurityPolicy') });
}

export function useUpdateSecurityPolicy() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: UpdateSecurityPolicy) =>
      api.call('updateSecurityPolicy', { body, idempotencyKey: newIdempotencyKey() }),
    onSuccess: (saved) => queryClient.setQueryData(securityPolicyKey, saved),
  });
}
