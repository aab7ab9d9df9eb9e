import type { ReviewQueuePage as QueuePage } from '@tuijin/contracts';
import { Button, Card, DatePicker, Form, Table, Tag, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { QueryError } from '../../components/QueryError';
import { Amount } from './ReportBits';
import { ReportDrawer } from './ReportDrawer';
import { monthParam } from './reporting-period';
import { useReviewQueue } from './reports.queries';
import './reports.css';

type Item = QueuePage['data'][number];

/** 月报审核: submitted reports in the reviewer's scope, oldest first; open one to approve or return it. */
export default function ReviewQueuePage() {
  const { t } = useTranslation();
  const [page, setPage] = useState({ page: 1, pageSize: 20 });
  const [openId, setOpenId] = useState<string | null>(null);
  const [params] = useSearchParams();
  // Without ?month= the queue holds every pending report (an older late one must not hide).
  const [month, setMonth] = useState<Dayjs | null>(() => monthParam(params.get('month')));
  const queue = useReviewQueue({
    ...page,
    ...(month ? { year: month.year(), month: month.month() + 1 } : {}),
  });

  return (
    <Card title={t('reports.review.title')} className="tj-report-card">
      <Typography.Paragraph type="secondary">{t('reports.review.intro')}</Typography.Paragraph>
      <Form.Item label={t('reports.month')} layout="vertical" style={{ maxWidth: 240 }}>
        <DatePicker
          picker="month"
          value={month}
          inputReadOnly
          placeholder={t('reports.review.allMonths')}
          style={{ width: '100%' }}
          onChange={(value) => {
            setMonth(value);
            setPage((old) => ({ ...old, page: 1 }));
          }}
          data-testid="queue-month"
        />
      </Form.Item>
      {queue.isError && <QueryError error={queue.error} onRetry={() => void queue.refetch()} />}
      <Table<Item>
        rowKey="id"
        size="small"
        loading={queue.isFetching}
        dataSource={queue.data?.data ?? []}
        locale={{ emptyText: t('reports.review.empty') }}
        scroll={{ x: 'max-content' }}
        pagination={{
          current: page.page,
          pageSize: page.pageSize,
          total: queue.data?.page.total ?? 0,
          showTotal: (total) => t('common.total', { total }),
          onChange: (current, pageSize) => setPage({ page: current, pageSize }),
        }}
        columns={[
          {
            key: 'project',
            title: t('reports.project'),
            render: (_, item) => (
              <Button
                type="link"
                size="small"
                style={{ paddingInline: 0 }}
                onClick={() => setOpenId(item.id)}
                data-testid="queue-project"
              >
                {item.projectName}
              </Button>
            ),
          },
          {
            key: 'month',
            title: t('reports.month'),
            render: (_, item) => t('reports.monthOption', { year: item.year, month: item.month }),
          },
          { key: 'region', title: t('reports.region'), dataIndex: 'regionName' },
          {
            key: 'department',
            title: t('reports.review.department'),
            render: (_, item) => item.departmentName ?? t('reports.none'),
          },
          {
            key: 'amount',
            title: t('reports.amount'),
            align: 'right',
            render: (_, item) => <Amount value={item.completedWanYuan} />,
          },
          {
            key: 'submitted',
            title: t('reports.submittedAt'),
            render: (_, item) =>
              item.submittedAt ? dayjs(item.submittedAt).format('MM-DD HH:mm') : t('reports.none'),
          },
          {
            key: 'flags',
            title: t('reports.statusLabel'),
            render: (_, item) => (
              <>
                {item.late && <Tag color="warning">{t('reports.late')}</Tag>}
                {item.warningCount > 0 && (
                  <Tag color="orange">{t('reports.warnings', { count: item.warningCount })}</Tag>
                )}
              </>
            ),
          },
          {
            key: 'actions',
            title: t('common.actions'),
            render: (_, item) => (
              <Button size="small" onClick={() => setOpenId(item.id)}>
                {t('reports.view')}
              </Button>
            ),
          },
        ]}
      />
      {openId && <ReportDrawer reportId={openId} onClose={() => setOpenId(null)} />}
    </Card>
  );
}
