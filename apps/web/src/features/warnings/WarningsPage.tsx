import { Card, Tabs } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { ColoursTab } from './ColoursTab';
import { GracesTab } from './GracesTab';
import { RulesTab } from './RulesTab';
import { SnailsTab } from './SnailsTab';

/** 红黄绿灯预警: this month's colours, the snail list, the rule versions and the 正当理由. */
export default function WarningsPage() {
  const { t } = useTranslation();
  const [search, setSearch] = useSearchParams();
  const [month, setMonth] = useState(() => dayjs().subtract(1, 'month').startOf('month'));
  const tab = search.get('tab') ?? 'colours';
  return (
    <Card title={t('warnings.title')}>
      <Tabs
        activeKey={tab}
        onChange={(key) => setSearch({ tab: key }, { replace: true })}
        destroyOnHidden
        items={[
          {
            key: 'colours',
            label: t('warnings.tabs.colours'),
            children: <ColoursTab month={month} onMonth={setMonth} />,
          },
          { key: 'snails', label: t('warnings.tabs.snails'), children: <SnailsTab month={month} /> },
          { key: 'rules', label: t('warnings.tabs.rules'), children: <RulesTab /> },
          { key: 'graces', label: t('warnings.tabs.graces'), children: <GracesTab month={month} /> },
        ]}
      />
    </Card>
  );
}
