import { ReloadOutlined } from '@ant-design/icons';
import {
  type JobItemFailure,
  type JobRun,
  type JobRunState,
  type JobSummary,
  jobRunStates,
} from '@tuijin/contracts';
import { Button, Card, Flex, Segmented, Table, type TableColumnsType, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { QueryError } from '../../components/QueryError';
import { useJobs } from './jobs.queries';

const stateColours: Record<JobRunState, string> = {
  pending: 'blue',
  running: 'gold',
  done: 'green',
  failed: 'red',
};
const at = (value: string | null) => (value ? dayjs(value).format('YYYY-MM-DD HH:mm:ss') : '—');

/**
 * 后台任务 (system admin): every background job with its schedule and runs by state, the latest
 * runs with their attempts and reasons (filterable by state), and the items job runs could not
 * process (`job_failures`), open ones first.
 */
export default function JobsPage() {
  const { t } = useTranslation();
  const [state, setState] = useState<JobRunState | null>(null);
  const overview = useJobs(state);
  const stateTag = (value: JobRunState) => <Tag color={stateColours[value]}>{t(`jobs.states.${value}`)}</Tag>;

  const jobColumns: TableColumnsType<JobSummary> = [
    {
      title: t('jobs.job'),
      key: 'job',
      render: (_, job) => (
        <Flex vertical>
          <span>{t(`jobs.names.${job.name}`, { defaultValue: job.title })}</span>
          <Typography.Text type="secondary">{job.name}</Typography.Text>
        </Flex>
      ),
    },
    {
      title: t('jobs.schedule'),
      key: 'schedule',
      render: (_, job) =>
        job.everyMinutes === null
          ? t('jobs.onEvent')
          : job.everyMinutes === 0
            ? t('jobs.scheduleOff')
            : t('jobs.everyMinutes', { count: job.everyMinutes }),
    },
    ...jobRunStates.map((s) => ({
      title: t(`jobs.states.${s}`),
      key: s,
      width: 90,
      render: (_: unknown, job: JobSummary) => job.counts[s],
    })),
    {
      title: t('jobs.lastRun'),
      key: 'lastRun',
      render: (_, job) =>
        job.lastRun ? (
          <Flex gap={8} align="center" wrap>
            {stateTag(job.lastRun.state)}
            <span>{at(job.lastRun.finishedAt ?? job.lastRun.createdAt)}</span>
          </Flex>
        ) : (
          t('jobs.neverRun')
        ),
    },
  ];

  const runColumns: TableColumnsType<JobRun> = [
    { title: t('jobs.createdAt'), dataIndex: 'createdAt', key: 'createdAt', width: 170, render: at },
    { title: t('jobs.key'), dataIndex: 'key', key: 'key' },
    {
      title: t('jobs.state'),
      dataIndex: 'state',
      key: 'state',
      width: 100,
      render: (value: JobRunState) => stateTag(value),
    },
    { title: t('jobs.attempts'), dataIndex: 'attempts', key: 'attempts', width: 90 },
    {
      title: t('jobs.nextTry'),
      key: 'runAfter',
      width: 170,
      render: (_, run) => (run.state === 'pending' ? at(run.runAfter) : '—'),
    },
    { title: t('jobs.finishedAt'), dataIndex: 'finishedAt', key: 'finishedAt', width: 170, render: at },
    {
      title: t('jobs.outcome'),
      key: 'outcome',
      render: (_, run) =>
        run.lastError && run.state !== 'done' ? (
          <Typography.Text type="danger">{run.lastError}</Typography.Text>
        ) : (
          (run.result ?? '')
        ),
    },
    {
      title: t('jobs.claimedBy'),
      dataIndex: 'claimedBy',
      key: 'claimedBy',
      render: (v: string | null) => v ?? '—',
    },
  ];

  const failureColumns: TableColumnsType<JobItemFailure> = [
    { title: t('jobs.job'), dataIndex: 'job', key: 'job' },
    { title: t('jobs.item'), dataIndex: 'label', key: 'label' },
    { title: t('jobs.reason'), dataIndex: 'reason', key: 'reason' },
    { title: t('jobs.attempts'), dataIndex: 'attempts', key: 'attempts', width: 90 },
    { title: t('jobs.lastFailedAt'), dataIndex: 'lastFailedAt', key: 'lastFailedAt', width: 170, render: at },
    {
      title: t('jobs.resolvedAt'),
      dataIndex: 'resolvedAt',
      key: 'resolvedAt',
      width: 170,
      render: (value: string | null) => (value ? at(value) : <Tag color="red">{t('jobs.unresolved')}</Tag>),
    },
  ];

  return (
    <Flex vertical gap={16}>
      <Card
        title={t('jobs.title')}
        extra={
          <Button
            icon={<ReloadOutlined />}
            aria-label={t('common.refresh')}
            onClick={() => void overview.refetch()}
          />
        }
      >
        <Typography.Paragraph type="secondary">{t('jobs.intro')}</Typography.Paragraph>
        {overview.isError && <QueryError error={overview.error} onRetry={() => void overview.refetch()} />}
        <Table<JobSummary>
          rowKey="name"
          size="middle"
          columns={jobColumns}
          dataSource={overview.data?.jobs ?? []}
          loading={overview.isLoading}
          pagination={false}
          scroll={{ x: 'max-content' }}
        />
      </Card>
      <Card
        title={t('jobs.runs')}
        extra={
          <Segmented<JobRunState | 'all'>
            value={state ?? 'all'}
            onChange={(value) => setState(value === 'all' ? null : value)}
            options={[
              { value: 'all', label: t('jobs.allStates') },
              ...jobRunStates.map((s) => ({ value: s, label: t(`jobs.states.${s}`) })),
            ]}
          />
        }
      >
        <Table<JobRun>
          rowKey="id"
          size="small"
          columns={runColumns}
          dataSource={overview.data?.runs ?? []}
          loading={overview.isLoading}
          pagination={{ pageSize: 20, hideOnSinglePage: true }}
          scroll={{ x: 'max-content' }}
          locale={{ emptyText: t('jobs.noRuns') }}
        />
      </Card>
      <Card title={t('jobs.itemFailures')}>
        <Typography.Paragraph type="secondary">{t('jobs.itemFailuresIntro')}</Typography.Paragraph>
        <Table<JobItemFailure>
          rowKey={(f) => `${f.job}:${f.itemKey}`}
          size="small"
          columns={failureColumns}
          dataSource={overview.data?.itemFailures ?? []}
          loading={overview.isLoading}
          pagination={{ pageSize: 20, hideOnSinglePage: true }}
          scroll={{ x: 'max-content' }}
          locale={{ emptyText: t('jobs.noItemFailures') }}
        />
      </Card>
    </Flex>
  );
}
