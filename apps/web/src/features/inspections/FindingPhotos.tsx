import { CameraOutlined } from '@ant-design/icons';
import type { FindingPhoto } from '@tuijin/contracts';
import { Alert, Button, Col, Empty, Flex, Image, Row, Typography, Upload } from 'antd';
import { useTranslation } from 'react-i18next';
import { projectFileUrl, projectThumbnailUrl } from '../../api/project-files';
import { PhotoEvidenceTags } from '../../components/photo-evidence/PhotoEvidenceTags';

/** Photos of a finding or its reply as thumbnails (a tap opens the photo), with their warnings. */
export function FindingPhotoGrid({
  projectId,
  photos,
  testId,
}: {
  projectId: string;
  photos: FindingPhoto[];
  testId: string;
}) {
  const { t } = useTranslation();
  if (photos.length === 0)
    return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('inspections.drawer.noPhotos')} />;
  const flagged = photos.filter((p) => p.evidence.length > 0).length;
  return (
    <Flex vertical gap={8}>
      {flagged > 0 && (
        <Alert type="warning" showIcon title={t('inspections.drawer.evidenceSummary', { count: flagged })} />
      )}
      <Image.PreviewGroup>
        <Row gutter={[8, 8]} data-testid={testId}>
          {photos.map((photo) => (
            <Col key={photo.id} xs={12} sm={8}>
              {photo.hasThumbnail ? (
                <Image
                  src={projectThumbnailUrl(projectId, photo.id)}
                  alt={photo.originalName}
                  preview={{ src: projectFileUrl(projectId, photo.id) }}
                  width="100%"
                />
              ) : (
                <Typography.Text ellipsis>{photo.originalName}</Typography.Text>
              )}
              <PhotoEvidenceTags evidence={photo.evidence} scope="event" />
            </Col>
          ))}
        </Row>
      </Image.PreviewGroup>
    </Flex>
  );
}

/**
 * Takes photos with the phone's rear camera (or picks them on a desktop) and keeps them until the
 * form is sent: the app's upload component over `<input type="file" accept="image/*" capture="environment">`.
 */
export function CameraPhotos({
  value,
  onChange,
  testId,
}: {
  value: File[];
  onChange: (files: File[]) => void;
  testId: string;
}) {
  const { t } = useTranslation();
  return (
    <Flex vertical gap={4} align="flex-start">
      <Upload
        accept="image/*"
        capture="environment"
        multiple
        showUploadList={false}
        beforeUpload={(file, list) => {
          if (file === list[0]) onChange([...value, ...list]);
          return false;
        }}
      >
        <Button icon={<CameraOutlined />} data-testid={testId}>
          {t('inspections.form.photos')}
        </Button>
      </Upload>
      {value.length > 0 && (
        <Typography.Text type="secondary" data-testid={`${testId}-count`}>
          {t('inspections.form.photoCount', { count: value.length })}
        </Typography.Text>
      )}
    </Flex>
  );
}
