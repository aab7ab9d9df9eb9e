import type { SnailList } from '@tuijin/contracts';
import { Alert, Flex, Form, InputNumber, Table } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { QueryError } from '../../components/QueryError';
import { WarningReasons } from './WarningTag';
import { useSnails } from './warnings.queries';

type Snail = SnailList['data'][number];

/** 蜗牛榜: projects red N months in a row up to the month (N from the rules unless chosen here). */
export function SnailsTab({ month }: { month: Dayjs }) {
  const { t } = useTranslation();
  const [months, setMonths] = useState<number | null>(null);
  const snails = useSnails({ month: month.format('YYYY-MM'), ...(months ? { months } : {}) });
  const shown = snails.data?.months ?? months ?? 3;
  return (
    <Flex vertical gap={16}>
      <Form layout="inline">
        <Form.Item label={t('warnings.snailMonths')}>
          <InputNumber min={2} max={12} value={shown} onChange={(value) => setMonths(value)} />
        </Form.Item>
      </Form>
      {snails.isError && <QueryError error={snails.error} onRetry={() => snails.refetch()} />}
      {snails.data && snails.data.data.length === 0 && (
        <Alert type="success" title={t('warnings.noSnails', { months: shown })} />
      )}
      <Table
        rowKey="projectId"
        loading={snails.isFetching}
        dataSource={snails.data?.data ?? []}
        pagination={false}
        columns={[
          {
            key: 'project',
            title: t('warnings.project'),
            render: (_: unknown, row: Snail) => (
              <Link to={`/projects/${row.projectId}`}>{row.projectName}</Link>
            ),
          },
          { key: 'region', title: t('warnings.region'), dataIndex: 'regionName', width: 120 },
          {
            key: 'count',
            title: t('warnings.snailMonths'),
            width: 160,
            render: (_: unknown, row: Snail) => t('warnings.snailCount', { count: row.consecutiveRedMonths }),
          },
          {
            key: 'reasons',
            title: t('warnings.reasons'),
            render: (_: unknown, row: Snail) => <WarningReasons reasons={row.reasons} />,
          },
        ]}
      />
    </Flex>
  );
}
