import type { Project } from '@tuijin/contracts';
import { Alert, Card, Col, Empty, Flex, Image, Row, Select, Skeleton, Switch, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EvidencePhotoCard } from '../../components/photo-evidence/EvidencePhotoCard';
import { formatKm } from '../../components/photo-evidence/photo-evidence';
import { QueryError } from '../../components/QueryError';
import { currentLanguage } from '../../i18n';
import { usePhotoTimeline } from './site-photos.queries';
import { scopeOfSource, sourceColours, visibleMonths } from './timeline-logic';
import './site-photos.css';

/**
 * 形象进度: the project's site photos from every source (月报, 一线走访, 节点佐证) month by month, newest
 * first; each with its source, capture time, distance to the site and warning tags (a photo without
 * time or place marked, one without a capture time placed by the day its record documents); a year
 * picker, 只看有提示的 and a lightbox over all the photos shown. One column of two on a phone.
 */
export function ProjectPhotosTab({ project }: { project: Pick<Project, 'id'> }) {
  const { t } = useTranslation();
  const [year, setYear] = useState<number | undefined>(undefined);
  const [onlyFlagged, setOnlyFlagged] = useState(false);
  const timeline = usePhotoTimeline(project.id, year);
  if (timeline.isError) return <QueryError error={timeline.error} onRetry={() => void timeline.refetch()} />;
  const data = timeline.data;
  if (!data) return <Skeleton active />;
  const months = visibleMonths(data.months, onlyFlagged);
  return (
    <Flex vertical gap={12} data-testid="photo-timeline">
      <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
        {t('photos.timeline.intro')}
      </Typography.Paragraph>
      <Flex wrap gap={12} align="center" className="tj-timeline-bar">
        <Select<number | 'all'>
          value={year ?? 'all'}
          onChange={(value) => setYear(value === 'all' ? undefined : value)}
          aria-label={t('photos.timeline.year')}
          data-testid="photo-timeline-year"
          style={{ minWidth: 120 }}
          options={[
            { value: 'all', label: t('photos.timeline.allYears') },
            ...[...new Set([...data.years, ...(year ? [year] : [])])].map((y) => ({
              value: y,
              label: String(y),
            })),
          ]}
        />
        <Flex gap={6} align="center">
          <Switch checked={onlyFlagged} onChange={setOnlyFlagged} data-testid="photo-timeline-flagged" />
          <span>{t('photos.timeline.onlyFlagged')}</span>
        </Flex>
        <Typography.Text data-testid="photo-timeline-summary">
          {t('photos.timeline.summary', { total: data.total, flagged: data.flagged })}
        </Typography.Text>
        <Typography.Text type="secondary">
          {data.latitude === null || data.longitude === null
            ? t('photos.timeline.noCoordinates')
            : t('photos.timeline.threshold', { km: formatKm(data.maxDistanceKm, currentLanguage()) })}
        </Typography.Text>
      </Flex>
      {data.flagged > 0 && !onlyFlagged && (
        <Alert type="warning" showIcon title={t('photos.evidence.summary', { count: data.flagged })} />
      )}
      {months.length === 0 ? (
        <Empty
          image={Empty.PRESENTED_IMAGE_SIMPLE}
          description={onlyFlagged ? t('photos.timeline.emptyFlagged') : t('photos.timeline.empty')}
        />
      ) : (
        <Image.PreviewGroup>
          {months.map((month) => (
            <Card
              key={month.month}
              size="small"
              className="tj-timeline-month"
              data-testid="photo-timeline-month"
              data-month={month.month}
              title={t('photos.timeline.month', {
                year: month.month.slice(0, 4),
                month: Number(month.month.slice(5, 7)),
              })}
              extra={
                <Flex gap={4}>
                  <Tag>{t('photos.timeline.monthCount', { count: month.count })}</Tag>
                  {month.flagged > 0 && (
                    <Tag color="error" data-testid="photo-timeline-month-flagged">
                      {t('photos.timeline.monthFlagged', { count: month.flagged })}
                    </Tag>
                  )}
                </Flex>
              }
            >
              <Row gutter={[8, 8]}>
                {month.photos.map((photo) => (
                  <Col key={`${photo.source}:${photo.sourceId}:${photo.id}`} xs={12} sm={8} md={6} xl={4}>
                    <EvidencePhotoCard
                      photo={photo}
                      scope={scopeOfSource(photo.source)}
                      title={
                        <Flex vertical gap={2} align="flex-start" className="tj-timeline-source">
                          <Tag color={sourceColours[photo.source]} data-testid="photo-source">
                            {t(`photos.timeline.sources.${photo.source}`)}
                          </Tag>
                          <Typography.Text className="tj-evidence-meta" data-testid="photo-source-label">
                            {photo.sourceLabel}
                          </Typography.Text>
                        </Flex>
                      }
                      extra={
                        photo.datedBy === 'documentsOn' && (
                          <Typography.Text
                            type="warning"
                            className="tj-evidence-meta"
                            data-testid="photo-dated-by"
                          >
                            {t('photos.timeline.datedByDocument', { on: photo.documentsOn })}
                          </Typography.Text>
                        )
                      }
                    />
                  </Col>
                ))}
              </Row>
            </Card>
          ))}
        </Image.PreviewGroup>
      )}
    </Flex>
  );
}
