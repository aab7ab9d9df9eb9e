import { useQuery } from '@tanstack/react-query';
import type { EscalationFailureList } from '@tuijin/contracts';
import { Card, Table, Typography } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api } from '../../api/client';
import { QueryError } from '../../components/QueryError';

type Failure = EscalationFailureList['data'][number];

/**
 * 提级任务未能处理的问题: what the scheduled escalation job could not process in the office's
 * jurisdiction, with the reason and how many runs failed; each is retried on every run.
 */
export function EscalationFailuresCard() {
  const { t } = useTranslation();
  const failures = useQuery({
    queryKey: ['problem-escalation-failures'],
    queryFn: () => api.call('listEscalationFailures'),
    refetchInterval: 60_000,
  });
  return (
    <Card title={t('problemDeadlines.failures.title')} data-testid="escalation-failures">
      <Typography.Paragraph type="secondary">{t('problemDeadlines.failures.intro')}</Typography.Paragraph>
      {failures.isError && <QueryError error={failures.error} onRetry={() => void failures.refetch()} />}
      <Table<Failure>
        rowKey="problemId"
        size="small"
        loading={failures.isLoading}
        dataSource={failures.data?.data ?? []}
        pagination={false}
        locale={{ emptyText: t('problemDeadlines.failures.empty') }}
        scroll={{ x: 'max-content' }}
        columns={[
          {
            key: 'reference',
            title: t('problemDeadlines.failures.reference'),
            render: (_, failure) => (
              <Link to={`/problems/${failure.problemId}`}>{failure.referenceNumber}</Link>
            ),
          },
          { key: 'reason', title: t('problemDeadlines.failures.reason'), dataIndex: 'reason' },
          {
            key: 'attempts',
            title: t('problemDeadlines.failures.attempts'),
            dataIndex: 'attempts',
            align: 'right',
          },
          {
            key: 'last',
            title: t('problemDeadlines.failures.lastFailedAt'),
            render: (_, failure) => dayjs(failure.lastFailedAt).format('YYYY-MM-DD HH:mm'),
          },
        ]}
      />
    </Card>
  );
}
