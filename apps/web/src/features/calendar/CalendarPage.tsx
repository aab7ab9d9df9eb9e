import { LeftOutlined, RightOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Select, Space, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { QueryError } from '../../components/QueryError';
import { useCan } from '../auth/use-current-user';
import { CalendarDaysTable, kindColor } from './CalendarDaysTable';
import { useCalendarYear } from './calendar.queries';
import { DayModal } from './DayModal';
import { YearGrid } from './YearGrid';
import './calendar.css';

/** How many years either side of the current one the selector offers. */
const yearSpan = 5;

/** The year in the address (`?year=`), if it is one the selector offers; the current year otherwise. */
function useYear(): [number, (year: number) => void] {
  const [params, setParams] = useSearchParams();
  const current = new Date().getFullYear();
  const asked = Number(params.get('year'));
  const year = Number.isInteger(asked) && Math.abs(asked - current) <= yearSpan ? asked : current;
  const setYear = (next: number) =>
    setParams(
      (old) => {
        const updated = new URLSearchParams(old);
        updated.set('year', String(next));
        return updated;
      },
      { replace: true },
    );
  return [year, setYear];
}

/** Public holidays and make-up workdays by year; the system admin may enter or correct them. */
export default function CalendarPage() {
  const { t } = useTranslation();
  const canManage = useCan()('calendar.manage');
  const [year, setYear] = useYear();
  const [picked, setPicked] = useState<string | null>(null);
  const calendar = useCalendarYear(year);
  const current = new Date().getFullYear();
  const shown = calendar.data?.year === year ? calendar.data : undefined;
  const days = useMemo(() => new Map((shown?.days ?? []).map((day) => [day.date, day])), [shown]);
  const onPick = canManage ? setPicked : undefined;

  const yearOptions = Array.from({ length: yearSpan * 2 + 1 }, (_, i) => {
    const value = current - yearSpan + i;
    return { value, label: t('calendar.yearOption', { year: value }) };
  });

  return (
    <Card title={t('calendar.title')}>
      <Typography.Paragraph type="secondary">{t('calendar.intro')}</Typography.Paragraph>
      <Space wrap style={{ marginBottom: 16 }}>
        <Button
          icon={<LeftOutlined />}
          aria-label={t('calendar.previousYear')}
          disabled={year <= current - yearSpan}
          onClick={() => setYear(year - 1)}
        />
        <Select<number>
          aria-label={t('calendar.year')}
          data-testid="calendar-year"
          value={year}
          options={yearOptions}
          onChange={setYear}
          virtual={false}
          style={{ width: 120 }}
        />
        <Button
          icon={<RightOutlined />}
          aria-label={t('calendar.nextYear')}
          disabled={year >= current + yearSpan}
          onClick={() => setYear(year + 1)}
        />
      </Space>
      {calendar.isError && <QueryError error={calendar.error} onRetry={() => void calendar.refetch()} />}
      <NextYearReminder current={current} shownYear={year} onShow={setYear} />
      {shown && !shown.isKnown && (
        <Alert
          type="warning"
          showIcon
          data-testid="calendar-unknown-year"
          title={t('problemDeadlines.calendar.unknownYear', { year })}
          description={
            <>
              <div>{t('problemDeadlines.calendar.lunarUnknown')}</div>
              {canManage && <div>{t('calendar.unknownYearHint')}</div>}
            </>
          }
          style={{ marginBottom: 16 }}
        />
      )}
      <div className="tj-cal-legend">
        <span>{t('calendar.legend')}</span>
        <Tag color={kindColor.holiday}>{t('calendar.holiday')}</Tag>
        <Tag color={kindColor.workday}>{t('calendar.workdayLegend')}</Tag>
        <Tag>{t('calendar.weekend')}</Tag>
        <span className="tj-cal-legend-dot">
          <span className="tj-cal-dot" /> {t('calendar.overrideMark')}
        </span>
      </div>
      <YearGrid year={year} days={days} onPick={onPick} />
      <Typography.Title level={5} style={{ marginTop: 24 }}>
        {t('calendar.listTitle', { year })}
      </Typography.Title>
      <CalendarDaysTable days={shown?.days ?? []} loading={calendar.isFetching && !shown} onEdit={onPick} />
      {picked && (
        <DayModal key={picked} date={picked} entry={days.get(picked)} onClose={() => setPicked(null)} />
      )}
    </Card>
  );
}

/** From 1 November: a reminder that next year's arrangement is still missing, with a jump to it. */
function NextYearReminder({
  current,
  shownYear,
  onShow,
}: {
  current: number;
  shownYear: number;
  onShow: (year: number) => void;
}) {
  const { t } = useTranslation();
  const isSeason = new Date().getMonth() >= 10;
  const next = useCalendarYear(current + 1);
  if (!isSeason || next.data?.year !== current + 1 || next.data.isKnown) return null;
  return (
    <Alert
      type="info"
      showIcon
      data-testid="calendar-next-year-missing"
      title={t('problemDeadlines.calendar.nextYearMissing', { year: current + 1 })}
      description={t('problemDeadlines.calendar.nextYearMissingHint', { year: current + 1 })}
      action={
        shownYear !== current + 1 ? (
          <Button size="small" onClick={() => onShow(current + 1)}>
            {t('problemDeadlines.calendar.enterNextYear', { year: current + 1 })}
          </Button>
        ) : undefined
      }
      style={{ marginBottom: 16 }}
    />
  );
}
