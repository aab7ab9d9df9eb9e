import { ClockCircleOutlined, EnvironmentOutlined, FileImageOutlined } from '@ant-design/icons';
import type { EvidencePhoto } from '@tuijin/contracts';
import { Card, Image, Typography } from 'antd';
import dayjs from 'dayjs';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { projectFileUrl, projectThumbnailUrl } from '../../api/project-files';
import { currentLanguage } from '../../i18n';
import { PhotoEvidenceTags } from './PhotoEvidenceTags';
import { formatKm, type PhotoWindowScope } from './photo-evidence';

/**
 * One site photo as evidence: the thumbnail (a tap opens the full photo in the lightbox of the
 * surrounding `Image.PreviewGroup`), what it documents (`title`), its capture time, its place as the
 * distance to the project, and the warning tags; a photo without time or place is marked.
 */
export function EvidencePhotoCard({
  photo,
  scope,
  title,
  extra,
}: {
  photo: EvidencePhoto;
  scope: PhotoWindowScope;
  title?: ReactNode;
  extra?: ReactNode;
}) {
  const { t } = useTranslation();
  const hasPlace = photo.latitude !== null && photo.longitude !== null;
  const flagged = photo.evidence.length > 0;
  return (
    <Card
      size="small"
      className={`tj-evidence-photo${flagged ? ' is-flagged' : ''}`}
      data-testid="evidence-photo"
      data-flagged={flagged}
      cover={
        photo.hasThumbnail ? (
          <Image
            src={projectThumbnailUrl(photo.projectId, photo.id)}
            alt={photo.name}
            preview={{ src: projectFileUrl(photo.projectId, photo.id) }}
            className="tj-evidence-thumb"
            data-testid="evidence-photo-thumb"
          />
        ) : (
          <div className="tj-evidence-thumb tj-evidence-placeholder">
            <FileImageOutlined />
          </div>
        )
      }
    >
      {title}
      <Typography.Text ellipsis title={photo.name} className="tj-evidence-name">
        {photo.name}
      </Typography.Text>
      <Typography.Text type="secondary" className="tj-evidence-meta">
        <ClockCircleOutlined />{' '}
        {photo.takenAt
          ? t('photos.timeline.takenAt', { at: dayjs(photo.takenAt).format('YYYY-MM-DD HH:mm') })
          : t('photos.evidence.noTime')}
      </Typography.Text>
      <Typography.Text type="secondary" className="tj-evidence-meta" data-testid="evidence-photo-place">
        <EnvironmentOutlined />{' '}
        {!hasPlace
          ? t('photos.evidence.noLocation')
          : photo.distanceKm === null
            ? t('photos.timeline.placeNoSite')
            : t('photos.timeline.place', { km: formatKm(photo.distanceKm, currentLanguage()) })}
      </Typography.Text>
      {extra}
      <PhotoEvidenceTags evidence={photo.evidence} scope={scope} />
    </Card>
  );
}
