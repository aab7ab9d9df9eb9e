import { Col, Row } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { CalendarDay } from './calendar.queries';

interface YearGridProps {
  year: number;
  days: Map<string, CalendarDay>;
  /** Present only for people who may change the calendar; makes each date clickable. */
  onPick?: (date: string) => void;
}

/** A Monday, the first column of every month table. */
const aMonday = dayjs(new Date(2024, 0, 1));

/** Monday-first weeks of a month: leading and trailing gaps are null. */
function weeksOf(first: Dayjs): (Dayjs | null)[][] {
  const lead = (first.day() + 6) % 7;
  const cells: (Dayjs | null)[] = Array.from({ length: lead }, () => null);
  for (let d = 0; d < first.daysInMonth(); d++) cells.push(first.add(d, 'day'));
  while (cells.length % 7 !== 0) cells.push(null);
  return Array.from({ length: cells.length / 7 }, (_, w) => cells.slice(w * 7, w * 7 + 7));
}

/** Twelve compact month tables; one a row on a phone, up to four a row on a wide screen. */
export function YearGrid({ year, days, onPick }: YearGridProps) {
  return (
    <Row gutter={[16, 16]}>
      {Array.from({ length: 12 }, (_, month) => (
        <Col key={month} xs={24} sm={12} lg={8} xxl={6}>
          <MonthTable first={dayjs(new Date(year, month, 1))} days={days} onPick={onPick} />
        </Col>
      ))}
    </Row>
  );
}

function MonthTable({
  first,
  days,
  onPick,
}: {
  first: Dayjs;
  days: Map<string, CalendarDay>;
  onPick?: (date: string) => void;
}) {
  const { t } = useTranslation();
  return (
    <table className="tj-cal-month" data-testid={`calendar-month-${first.month() + 1}`}>
      <caption>{t('calendar.monthTitle', { month: first.month() + 1 })}</caption>
      <thead>
        <tr>
          {Array.from({ length: 7 }, (_, i) => {
            const weekday = aMonday.add(i, 'day');
            return (
              <th key={weekday.day()} scope="col" abbr={weekday.format('dddd')}>
                {weekday.format('dd')}
              </th>
            );
          })}
        </tr>
      </thead>
      <tbody>
        {weeksOf(first).map((week) => (
          <tr key={week.find(Boolean)?.format('YYYY-MM-DD')}>
            {week.map((date, i) => (
              <td key={i} className="tj-cal-cell">
                {date && <DayCell date={date} entry={days.get(date.format('YYYY-MM-DD'))} onPick={onPick} />}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function DayCell({
  date,
  entry,
  onPick,
}: {
  date: Dayjs;
  entry: CalendarDay | undefined;
  onPick?: (date: string) => void;
}) {
  const { t } = useTranslation();
  const iso = date.format('YYYY-MM-DD');
  const weekend = date.day() === 0 || date.day() === 6;
  const state = entry
    ? t(`calendar.${entry.kind}`)
    : weekend
      ? t('calendar.ordinaryWeekend')
      : t('calendar.ordinaryWorkday');
  const label = [
    t('calendar.dayLabel', { date: iso, weekday: date.format('dddd') }),
    state,
    entry?.name,
    entry?.source === 'override' ? t('calendar.overrideMark') : null,
  ]
    .filter(Boolean)
    .join(' · ');
  const className = [
    'tj-cal-day',
    entry ? `is-${entry.kind}` : weekend ? 'is-weekend' : '',
    date.isSame(dayjs(), 'day') ? 'is-today' : '',
  ]
    .filter(Boolean)
    .join(' ');
  const content = (
    <>
      {date.date()}
      {entry?.kind === 'workday' && <span className="tj-cal-badge">{t('calendar.workdayBadge')}</span>}
      {entry?.source === 'override' && <span className="tj-cal-dot" />}
    </>
  );
  return onPick ? (
    <button
      type="button"
      className={className}
      title={label}
      aria-label={label}
      data-date={iso}
      onClick={() => onPick(iso)}
    >
      {content}
    </button>
  ) : (
    <span className={className} title={label} data-date={iso}>
      {content}
    </span>
  );
}
