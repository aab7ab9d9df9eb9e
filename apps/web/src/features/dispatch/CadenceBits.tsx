import type { CadenceRow } from '@tuijin/contracts';
import { DatePicker, Space, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

/** Where a piece of evidence opens: the meeting's page (minutes), or the visit record. */
export const evidenceLink = (evidence: CadenceRow['evidence'][number]) =>
  evidence.kind === 'meeting' ? `/meetings/${evidence.id}` : `/visits?visit=${evidence.id}`;

/** The dispatches held: the total and how many of each kind (meetings chaired, visits, hearings). */
export function CadenceCounts({ row }: { row: Pick<CadenceRow, 'held' | 'byKind'> }) {
  const { t } = useTranslation();
  return (
    <span data-testid="cadence-held">
      <Typography.Text strong>{row.held}</Typography.Text>
      <Typography.Text type="secondary">
        {' '}
        (
        {t('cadence.byKind', {
          meetings: row.byKind.meetingChaired,
          visits: row.byKind.siteVisit,
          hearings: row.byKind.reportHearing,
        })}
        )
      </Typography.Text>
    </span>
  );
}

/** Each dispatch held as a link to its evidence. */
export function EvidenceLinks({ evidence }: { evidence: CadenceRow['evidence'] }) {
  const { t } = useTranslation();
  if (evidence.length === 0) return <span>—</span>;
  return (
    <Space direction="vertical" size={0} data-testid="cadence-evidence">
      {evidence.map((e) => (
        <Link key={`${e.kind}:${e.id}`} to={evidenceLink(e)}>
          {t(`cadence.evidenceKinds.${e.kind}`)} · {e.title}
        </Link>
      ))}
    </Space>
  );
}

/** 达标, or the shortfall in red (差 N 次). */
export function ShortfallTag({ row }: { row: Pick<CadenceRow, 'met' | 'shortBy'> }) {
  const { t } = useTranslation();
  if (row.met) return <Tag color="success">{t('cadence.met')}</Tag>;
  return (
    <span className="tj-task-overdue" data-testid="cadence-short">
      {t('cadence.short', { count: -row.shortBy })}
    </span>
  );
}

/** A month (`YYYY-MM`) picker that is never empty (read-only input, so a phone opens the panel, not a keyboard). */
export function MonthPicker({
  month,
  onChange,
  'data-testid': testId,
}: {
  month: string;
  onChange: (month: string) => void;
  'data-testid'?: string;
}) {
  return (
    <DatePicker
      picker="month"
      allowClear={false}
      inputReadOnly
      value={dayjs(`${month}-01`)}
      onChange={(d) => d && onChange(d.format('YYYY-MM'))}
      data-testid={testId}
    />
  );
}
