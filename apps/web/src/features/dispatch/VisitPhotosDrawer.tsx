import type { FieldVisit } from '@tuijin/contracts';
import { Alert, Col, Drawer, Empty, Flex, Grid, Image, Row, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { EvidencePhotoCard } from '../../components/photo-evidence/EvidencePhotoCard';
import { flaggedPhotoCount } from '../../components/photo-evidence/photo-evidence';

/**
 * A visit's site photos (full width on a phone): each with its capture time, its distance to the
 * nearest visited project, the visit's window and warning tags (500 km away, taken two years
 * before…); a photo without time or place is marked. Warnings only: the visit stands.
 */
export function VisitPhotosDrawer({ visit, onClose }: { visit: FieldVisit; onClose: () => void }) {
  const { t } = useTranslation();
  const screens = Grid.useBreakpoint();
  const flagged = flaggedPhotoCount(visit.photos);
  const several = visit.projects.length > 1;
  return (
    <Drawer
      open
      size={screens.sm === false ? '100%' : 640}
      title={t('photos.visit.title', { date: visit.visitedOn, name: visit.visitorName })}
      onClose={onClose}
      data-testid="visit-photos-drawer"
    >
      {visit.photos.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('photos.visit.none')} />
      ) : (
        <Flex vertical gap={12}>
          {flagged > 0 && (
            <div data-testid="visit-photos-flagged">
              <Alert type="warning" showIcon title={t('photos.evidence.summary', { count: flagged })} />
            </div>
          )}
          <Typography.Text type="secondary">
            {t('photos.evidence.window', visit.photos[0]!.window)}
          </Typography.Text>
          <Image.PreviewGroup>
            <Row gutter={[8, 8]}>
              {visit.photos.map((photo) => (
                <Col key={photo.id} xs={12} sm={8}>
                  <EvidencePhotoCard
                    photo={photo}
                    scope="event"
                    extra={
                      several && (
                        <Typography.Text type="secondary" className="tj-evidence-meta">
                          {t('photos.visit.judgedAgainst', { name: photo.judgedAgainst.name })}
                        </Typography.Text>
                      )
                    }
                  />
                </Col>
              ))}
            </Row>
          </Image.PreviewGroup>
        </Flex>
      )}
    </Drawer>
  );
}
