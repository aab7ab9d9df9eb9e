import { Tag, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';

/**
 * 暂定: a working-day deadline counted through a year whose holiday arrangement is not entered yet
 * (weekends and the fixed-date holidays only); the reason shows on hover.
 */
export function ProvisionalTag() {
  const { t } = useTranslation();
  return (
    <Tooltip title={t('problemDeadlines.provisionalHint')}>
      <Tag color="warning" style={{ marginInlineStart: 8 }} data-testid="deadline-provisional">
        {t('problemDeadlines.provisionalTag')}
      </Tag>
    </Tooltip>
  );
}
