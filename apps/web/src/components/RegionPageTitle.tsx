import { Button, Flex, Typography } from 'antd';
import { useTranslation } from 'react-i18next';

/**
 * The title of a page drilled to a region ("资金保障 · 蕉城区"), with ↑ back to the reader's own
 * jurisdiction while a region below it is shown (`onUp` absent: at its own).
 */
export function RegionPageTitle({
  title,
  regionName,
  onUp,
}: {
  title: string;
  regionName: string | undefined;
  onUp: (() => void) | undefined;
}) {
  const { t } = useTranslation();
  return (
    <Flex gap={8} wrap align="center">
      <Typography.Title level={4} style={{ margin: 0 }}>
        {title}
        {regionName ? ` · ${regionName}` : ''}
      </Typography.Title>
      {onUp && (
        <Button
          size="small"
          aria-label={t('common.upToOwnRegion')}
          title={t('common.upToOwnRegion')}
          onClick={onUp}
        >
          ↑
        </Button>
      )}
    </Flex>
  );
}
