import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CalendarYear, SetCalendarOverride } from '@tuijin/contracts';
import { api, newIdempotencyKey } from '../../api/client';

export type CalendarDay = CalendarYear['days'][number];

export const calendarKeys = {
  all: ['calendar'] as const,
  year: (year: number) => ['calendar', year] as const,
};

/** The days off and make-up workdays of one year (official data merged with admin entries). */
export function useCalendarYear(year: number) {
  return useQuery({
    queryKey: calendarKeys.year(year),
    queryFn: () => api.call('getCalendarYear', { query: { year } }),
    placeholderData: keepPreviousData,
  });
}

/** Both writes answer the whole year, which replaces the cached one. */
function useStoreYear() {
  const queryClient = useQueryClient();
  return (saved: CalendarYear) => queryClient.setQueryData(calendarKeys.year(saved.year), saved);
}

export function useSetCalendarOverride() {
  const storeYear = useStoreYear();
  return useMutation({
    mutationFn: ({ date, ...body }: SetCalendarOverride & { date: string }) =>
      api.call('setCalendarOverride', { params: { date }, body, idempotencyKey: newIdempotencyKey() }),
    onSuccess: storeYear,
  });
}

export function useDeleteCalendarOverride() {
  const storeYear = useStoreYear();
  return useMutation({
    mutationFn: (date: string) =>
      api.call('deleteCalendarOverride', { params: { date }, idempotencyKey: newIdempotencyKey() }),
    onSuccess: storeYear,
  });
}
