import { DownloadOutlined, EnvironmentOutlined, FileImageOutlined } from '@ant-design/icons';
import type { ProjectFile } from '@tuijin/contracts';
import { Button, Card, Col, Image, Row, Typography } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { projectFileUrl, projectThumbnailUrl } from '../../api/project-files';
import { DeleteFileButton } from './DeleteFileButton';

/** The photos as a grid of thumbnails; a click shows the full photo. */
export function ProjectPhotos({ projectId, photos }: { projectId: string; photos: ProjectFile[] }) {
  const { t } = useTranslation();
  if (photos.length === 0)
    return <Typography.Text type="secondary">{t('projects.files.noPhotos')}</Typography.Text>;
  return (
    <Row gutter={[12, 12]} data-testid="photo-grid">
      {photos.map((photo) => {
        const url = projectFileUrl(projectId, photo.id);
        const hasGps = photo.latitude !== null && photo.longitude !== null;
        return (
          <Col key={photo.id} xs={12} sm={8} md={6} xl={4}>
            <Card
              size="small"
              className="tj-photo-card"
              cover={
                photo.hasThumbnail ? (
                  <Image
                    src={projectThumbnailUrl(projectId, photo.id)}
                    alt={photo.originalName}
                    preview={{ src: url }}
                    className="tj-photo-thumb"
                    data-testid="photo-thumbnail"
                  />
                ) : (
                  <div className="tj-photo-thumb tj-photo-placeholder">
                    <FileImageOutlined />
                  </div>
                )
              }
            >
              <Typography.Text ellipsis title={photo.originalName} style={{ display: 'block' }}>
                {photo.originalName}
              </Typography.Text>
              <Typography.Text type="secondary" className="tj-photo-meta">
                {photo.takenAt
                  ? t('projects.files.takenAt', { at: dayjs(photo.takenAt).format('YYYY-MM-DD HH:mm') })
                  : t('projects.files.uploadedAt', {
                      at: dayjs(photo.uploadedAt).format('YYYY-MM-DD HH:mm'),
                    })}
              </Typography.Text>
              {hasGps && (
                <Typography.Text type="secondary" className="tj-photo-meta" data-testid="photo-gps">
                  <EnvironmentOutlined /> {photo.latitude?.toFixed(5)}, {photo.longitude?.toFixed(5)}
                </Typography.Text>
              )}
              <div>
                <Button
                  type="link"
                  size="small"
                  icon={<DownloadOutlined />}
                  href={url}
                  download={photo.originalName}
                >
                  {t('projects.files.download')}
                </Button>
                <DeleteFileButton projectId={projectId} file={photo} />
              </div>
            </Card>
          </Col>
        );
      })}
    </Row>
  );
}
