import { useQuery } from '@tanstack/react-query';
import { parseMonthKey } from '@tuijin/domain';
import dayjs, { type Dayjs } from 'dayjs';
import { api } from '../../api/client';

/**
 * A `?month=YYYY-MM` address parameter read strictly: anything else — absent, empty, `2026-13` — is
 * null, so the page opens on the current reporting month. (Building `dayjs(`${month ?? ''}-01`)` turned
 * an absent month into `dayjs('-01')`, which the browser's date parser reads as January 2001.)
 */
export function monthParam(value: string | null): Dayjs | null {
  const parsed = value ? parseMonthKey(value) : null;
  return parsed ? reportingMonthStart(parsed) : null;
}

/** The first day of a reporting month (the server's `{ year, month }`), as the pages' month pickers hold it. */
export function reportingMonthStart(period: { year: number; month: number }): Dayjs {
  return dayjs(new Date(period.year, period.month - 1, 1));
}

/** What the gate shows while the current reporting month is asked for: the error, a spinner, or the page. */
export function reportingGateState(query: {
  isError: boolean;
  data?: unknown;
}): 'error' | 'loading' | 'ready' {
  if (query.isError) return 'error';
  return query.data ? 'ready' : 'loading';
}

/**
 * 当前报送月份 from the server (`GET /api/reporting-period`): the month every page opens on, by the
 * region's reporting calendar (default the user's jurisdiction). The one source of a default month.
 */
export function useCurrentReportingPeriod(region?: string) {
  return useQuery({
    queryKey: ['reporting-period', region ?? null],
    queryFn: () => api.call('getCurrentReportingPeriod', { query: region ? { region } : {} }),
    staleTime: 5 * 60_000,
  });
}
