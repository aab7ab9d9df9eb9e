import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { AuditQuery, UpdateAuditRetention } from '@tuijin/contracts';
import { api } from '../../api/client';

export const auditKeys = {
  list: (query: Partial<AuditQuery>) => ['audit', 'list', query] as const,
  verification: ['audit', 'verification'] as const,
};

export function useAuditEvents(query: Partial<AuditQuery>) {
  return useQuery({
    queryKey: auditKeys.list(query),
    queryFn: () => api.call('findAuditEvents', { query }),
    placeholderData: keepPreviousData,
  });
}

/** Checks the audit hash chain on demand (call `refetch`), never on page load. */
export function useAuditVerification() {
  return useQuery({
    queryKey: auditKeys.verification,
    queryFn: () => api.call('verifyAuditChain'),
    enabled: false,
    staleTime: 0,
  });
}

const retentionKey = ['audit', 'retention'] as const;

/** The audit log's retention and how far archive exports reach (audit admin). */
export function useAuditRetention(isEnabled: boolean) {
  return useQuery({
    queryKey: retentionKey,
    queryFn: () => api.call('getAuditRetention'),
    enabled: isEnabled,
  });
}

export function useUpdateAuditRetention() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: UpdateAuditRetention) => api.call('updateAuditRetention', { body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: retentionKey }),
  });
}
