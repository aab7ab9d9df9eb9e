import type { CadenceRow } from '@tuijin/contracts';
import { Space, Typography } from 'antd';
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
