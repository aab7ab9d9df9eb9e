import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api } from '../../api/client';

/** 形象进度 of a project: its site photos month by month (one year, or all when `year` is undefined). */
export function usePhotoTimeline(projectId: string, year: number | undefined) {
  return useQuery({
    queryKey: ['sitePhotos', 'timeline', projectId, year ?? 'all'],
    queryFn: () =>
      api.call('getPhotoTimeline', { params: { id: projectId }, query: year === undefined ? {} : { year } }),
    placeholderData: keepPreviousData,
  });
}
