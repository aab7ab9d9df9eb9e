import { useQuery } from '@tanstack/react-query';
import type { JobRunState } from '@tuijin/contracts';
import { api } from '../../api/client';

export const jobKeys = { overview: (state: JobRunState | null) => ['jobs', state] as const };

/** 后台任务: the jobs, their latest runs (optionally of one state) and failed items; refreshed every 30 s. */
export function useJobs(state: JobRunState | null) {
  return useQuery({
    queryKey: jobKeys.overview(state),
    queryFn: () => api.call('listJobs', { query: { limit: 100, ...(state ? { state } : {}) } }),
    refetchInterval: 30_000,
  });
}
