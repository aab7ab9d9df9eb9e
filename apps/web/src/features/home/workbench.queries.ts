import { useQuery } from '@tanstack/react-query';
import { api } from '../../api/client';

export const workbenchKeys = { mine: ['workbench'] as const };

/** The signed-in person's to-do sections (GET /api/workbench), refreshed every two minutes. */
export function useWorkbench() {
  return useQuery({
    queryKey: workbenchKeys.mine,
    queryFn: () => api.call('getWorkbench', {}),
    refetchInterval: 120_000,
  });
}
