import type { MonthlyReport, ReportEvent, ReportFinding, ReportPhoto } from '@tuijin/contracts';
import { Alert, Col, Empty, Flex, Image, Row, Tag, Timeline, Typography } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { projectFileUrl, projectThumbnailUrl } from '../../api/project-files';
import { PhotoEvidenceTags } from '../../components/photo-evidence/PhotoEvidenceTags';
import { flaggedPhotoCount } from '../../components/photo-evidence/photo-evidence';
import { currentLanguage } from '../../i18n';
import { formatTableAmount } from '../../lib/amount';

type ShownStatus = MonthlyReport['status'] | 'absent';

const statusColor: Record<ShownStatus, string> = {
  absent: 'default',
  draft: 'default',
  submitted: 'processing',
  returned: 'error',
  approved: 'success',
};

/** A report's review status as a coloured tag. */
export function ReportStatusTag({ status }: { status: ShownStatus }) {
  const { t } = useTranslation();
  return (
    <Tag color={statusColor[status]} data-testid="report-status">
      {t(`reports.status.${status}`)}
    </Tag>
  );
}

/** An amount in 万元 with the tables' fixed two decimals; a dash when absent. */
export function Amount({ value }: { value: string | null | undefined }) {
  const { t } = useTranslation();
  return <span className="tj-amount">{formatTableAmount(value, { empty: t('reports.none') })}</span>;
}

/** The submission checks' findings in the reader's language; blocking ones red, warnings amber. */
export function ReportFindings({ findings, title }: { findings: ReportFinding[]; title?: string }) {
  const { t } = useTranslation();
  if (findings.length === 0) return null;
  const isEnglish = currentLanguage() === 'en-US';
  const hasBlocking = findings.some((finding) => finding.severity === 'block');
  return (
    <Alert
      type={hasBlocking ? 'error' : 'warning'}
      showIcon
      data-testid="report-findings"
      title={title ?? t('reports.form.findings')}
      description={
        <ul className="tj-report-findings">
          {findings.map((finding) => (
            <li key={finding.check}>{isEnglish ? finding.messageEn : finding.message}</li>
          ))}
        </ul>
      }
    />
  );
}

/** Who did what to the report and when (submitted, returned with the reason, approved, corrected). */
export function ReportEvents({ events }: { events: ReportEvent[] }) {
  const { t } = useTranslation();
  if (events.length === 0)
    return <Typography.Text type="secondary">{t('reports.tab.noEvents')}</Typography.Text>;
  return (
    <Timeline
      data-testid="report-events"
      items={events.map((event) => ({
        key: event.id,
        color: event.action === 'returned' ? 'red' : event.action === 'approved' ? 'green' : 'blue',
        content: (
          <div>
            <Typography.Text strong>{t(`reports.eventActions.${event.action}`)}</Typography.Text>{' '}
            <Typography.Text type="secondary">
              {event.actorName} · {dayjs(event.at).format('YYYY-MM-DD HH:mm')}
            </Typography.Text>
            {event.reason && <div className="tj-report-reason">{event.reason}</div>}
          </div>
        ),
      }))}
    />
  );
}

/**
 * The report's site photos as thumbnails; a tap shows the full photo. Each photo whose own time or
 * place disagrees with the project and month carries warning tags (never blocking).
 */
export function ReportPhotoGrid({ projectId, photos }: { projectId: string; photos: ReportPhoto[] }) {
  const { t } = useTranslation();
  if (photos.length === 0)
    return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('reports.tab.noPhotos')} />;
  const flagged = flaggedPhotoCount(photos);
  return (
    <Flex vertical gap={8}>
      {flagged > 0 && (
        <Alert
          type="warning"
          showIcon
          data-testid="photo-evidence-summary"
          title={t('reports.photoEvidence.summary', { count: flagged })}
        />
      )}
      <Image.PreviewGroup>
        <Row gutter={[8, 8]} data-testid="report-photos">
          {photos.map((photo) => (
            <Col key={photo.id} xs={12} sm={8} md={6}>
              {photo.hasThumbnail ? (
                <Image
                  src={projectThumbnailUrl(projectId, photo.id)}
                  alt={photo.originalName}
                  preview={{ src: projectFileUrl(projectId, photo.id) }}
                  width="100%"
                  className="tj-report-thumb"
                />
              ) : (
                <Typography.Text ellipsis>{photo.originalName}</Typography.Text>
              )}
              <PhotoEvidenceTags evidence={photo.evidence} />
            </Col>
          ))}
        </Row>
      </Image.PreviewGroup>
    </Flex>
  );
}
