import type { CurrentReportingPeriod } from '@tuijin/contracts';
import { Spin } from 'antd';
import type { Dayjs } from 'dayjs';
import type { ReactNode } from 'react';
import { QueryError } from '../../components/QueryError';
import { reportingGateState, reportingMonthStart, useCurrentReportingPeriod } from './reporting-period';

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
  const state = reportingGateState(period);
  if (state === 'error') return <QueryError error={period.error} onRetry={() => void period.refetch()} />;
  if (state === 'loading' || !period.data) return <Spin style={{ display: 'block', margin: '48px auto' }} />;
  return <>{children(reportingMonthStart(period.data), period.data)}</>;
}
