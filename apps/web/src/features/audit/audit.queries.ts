import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { AuditQuery } from '@tuijin/contracts';
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
