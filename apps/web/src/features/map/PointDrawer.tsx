import type { MapPoint } from '@tuijin/contracts';
import { Button, Descriptions, Drawer } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useLabels } from '../../i18n/use-labels';
import { useAmount } from '../../lib/use-amount';
import { stageColours } from './map-options';

/** The clicked project: name, stage, region, investment, and the way into its page. */
export function PointDrawer({ point, onClose }: { point: MapPoint | null; onClose: () => void }) {
  const { t } = useTranslation();
  const amount = useAmount();
  const labels = useLabels();
  return (
    <Drawer
      open={point !== null}
      onClose={onClose}
      title={point?.name}
      size="default"
      data-testid="map-point-drawer"
      extra={
        point && (
          <Link to={`/projects/${point.id}`} onClick={onClose}>
            <Button type="primary">{t('map.open')}</Button>
          </Link>
        )
      }
    >
      {point && (
        <Descriptions column={1} bordered size="small">
          <Descriptions.Item label={t('map.project.name')}>{point.name}</Descriptions.Item>
          <Descriptions.Item label={t('map.project.code')}>{point.code ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('map.project.stage')}>
            <span style={{ color: stageColours[point.stage] }}>●</span> {labels.projectStage(point.stage)}
          </Descriptions.Item>
          <Descriptions.Item label={t('map.project.region')}>{point.regionName}</Descriptions.Item>
          <Descriptions.Item label={t('map.project.investment')}>
            {amount.digits(point.totalInvestmentWanYuan, 'wanYuan')}（
            {amount.withUnit(point.totalInvestmentWanYuan, 'yiYuan')}）
          </Descriptions.Item>
          {point.warningColour && (
            <Descriptions.Item label={t('map.project.warning')}>
              {t(`map.warningColours.${point.warningColour}`)}
            </Descriptions.Item>
          )}
        </Descriptions>
      )}
    </Drawer>
  );
}
