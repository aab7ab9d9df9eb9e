import type { CurrentReportingPeriod } from '@tuijin/contracts';
import { Spin } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import type { ReactNode } from 'react';
import { QueryError } from '../../components/QueryError';
import { useCurrentReportingPeriod } from './reporting-period';

/**
 * Renders `children` with the current reporting month (first day, as a Dayjs) once the server has
 * answered it, so a page never renders a month of its own making first.
 */
export function ReportingMonthGate({
  children,
}: {
  children: (current: Dayjs, period: CurrentReportingPeriod) => ReactNode;
}) {
  const period = useCurrentReportingPeriod();
  if (period.isError) return <QueryError error={period.error} onRetry={() => void period.refetch()} />;
  if (!period.data) return <Spin style={{ display: 'block', margin: '48px auto' }} />;
  return <>{children(dayjs(new Date(period.data.year, period.data.month - 1, 1)), period.data)}</>;
}
