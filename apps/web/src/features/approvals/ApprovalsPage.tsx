import { HourglassOutlined, UploadOutlined } from '@ant-design/icons';
import type { ApprovalColour, ApprovalItemRow } from '@tuijin/contracts';
import { approvalColours } from '@tuijin/domain';
import { Alert, Button, Card, Flex, Select, Space, Switch, Table, Tabs, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { ProvisionalTag } from '../../components/ProvisionalTag';
import { QueryError } from '../../components/QueryError';
import { useCan, useCurrentUser } from '../auth/use-current-user';
import { ApprovalStatusTag } from './ApprovalBits';
import { ItemLoop, useItemProblems } from './ApprovalLoop';
import { type ApprovalView, approvalListFilters, approvalViewsFor, timingTagColours } from './approval-logic';
import { useApprovalItems } from './approvals.queries';

/**
 * 手续事项: the items the reader helps with (我帮办的, service officers), approves (本部门审批,
 * department staff) or may see (辖区全部), earliest due first as the server sorts them, filtered by
 * the time-limit colour and, on request, including finished ones.
 */
export default function ApprovalsPage() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const can = useCan();
  const [params, setParams] = useSearchParams();
  const views = approvalViewsFor(me.roles);
  const asked = params.get('view') as ApprovalView | null;
  const view = asked && views.includes(asked) ? asked : (views[0] ?? 'all');
  // A cockpit figure links here with its filters (region, department, 容缺, year approved, project filters).
  const linked = approvalListFilters(params);
  const linkLabel = params.get('label');
  const [colour, setColour] = useState<ApprovalColour | undefined>(linked.colour);
  const [includeDone, setIncludeDone] = useState(!linked.isOpenOnly);
  const [page, setPage] = useState({ page: 1, pageSize: 20 });
  const items = useApprovalItems({
    view,
    open: includeDone ? 'false' : 'true',
    ...(colour ? { colour } : {}),
    ...linked.filters,
    ...page,
  });
  const hasLinkedFilters = Object.keys(linked.filters).length > 0;
  const restart = () => setPage((current) => ({ ...current, page: 1 }));
  const problems = useItemProblems();
  const isOffice = useCan()('approval.manage');

  return (
    <Card
      title={t('approvals.list.title')}
      extra={
        <Space size={16}>
          {can('approval.manage') && (
            <Link to="/approvals/import" data-testid="approvals-import-link">
              <UploadOutlined /> {t('approvalImport.open')}
            </Link>
          )}
          <Link to="/approvals/statistics" data-testid="approvals-statistics-link">
            <HourglassOutlined /> {t('approvals.list.statistics')}
          </Link>
        </Space>
      }
    >
      <Typography.Paragraph type="secondary">{t('approvals.list.intro')}</Typography.Paragraph>
      <Tabs
        activeKey={view}
        onChange={(key) => {
          setParams({ view: key }, { replace: true });
          restart();
        }}
        items={views.map((key) => ({ key, label: t(`approvals.list.views.${key}`) }))}
        data-testid="approvals-views"
      />
      {hasLinkedFilters && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 12 }}
          data-testid="approvals-linked-filters"
          title={t('approvals.list.linked', { label: linkLabel ?? '' })}
          action={
            <Button
              size="small"
              onClick={() => {
                setParams({ view }, { replace: true });
                restart();
              }}
            >
              {t('approvals.list.clearLinked')}
            </Button>
          }
        />
      )}
      <Flex gap={12} wrap align="center" style={{ marginBottom: 12 }}>
        <Select<ApprovalColour>
          allowClear
          aria-label={t('approvals.list.colour')}
          placeholder={t('approvals.list.colour')}
          value={colour}
          onChange={(value) => {
            setColour(value);
            restart();
          }}
          options={approvalColours.map((value) => ({ value, label: t(`approvals.colour.${value}`) }))}
          style={{ width: 160 }}
          data-testid="approvals-colour"
        />
        <Flex gap={8} align="center">
          <Switch
            checked={includeDone}
            onChange={(checked) => {
              setIncludeDone(checked);
              restart();
            }}
            aria-label={t('approvals.list.includeDone')}
            data-testid="approvals-include-done"
          />
          <span>{t('approvals.list.includeDone')}</span>
        </Flex>
      </Flex>
      {items.isError && <QueryError error={items.error} onRetry={() => void items.refetch()} />}
      <Table<ApprovalItemRow>
        rowKey="id"
        size="small"
        data-testid="approvals-list"
        loading={items.isFetching}
        dataSource={items.data?.data ?? []}
        locale={{ emptyText: t('approvals.list.empty') }}
        scroll={{ x: 'max-content' }}
        pagination={{
          current: page.page,
          pageSize: page.pageSize,
          total: items.data?.page.total ?? 0,
          showSizeChanger: true,
          showTotal: (total) => t('common.total', { total }),
          onChange: (current, pageSize) => setPage({ page: current, pageSize }),
        }}
        columns={[
          {
            key: 'project',
            title: t('approvals.fields.project'),
            render: (_, row) => (
              <Link to={`/projects/${row.projectId}?tab=approvals`} data-testid="approval-project-link">
                {row.projectName}
              </Link>
            ),
          },
          {
            key: 'procedure',
            title: t('approvals.fields.procedure'),
            render: (_, row) => (
              <Flex vertical gap={2}>
                <span>{row.name}</span>
                <ItemLoop item={row} problems={problems.get(row.id) ?? []} canManage={isOffice} />
              </Flex>
            ),
          },
          {
            key: 'status',
            title: t('approvals.fields.status'),
            render: (_, row) => <ApprovalStatusTag status={row.status} />,
          },
          {
            key: 'colour',
            title: t('approvals.fields.colour'),
            render: (_, row) => (
              <Tag color={timingTagColours[row.timing.colour]} data-colour={row.timing.colour}>
                {t(`approvals.colour.${row.timing.colour}`)}
              </Tag>
            ),
          },
          {
            key: 'dueOn',
            title: t('approvals.fields.dueOn'),
            render: (_, row) => (
              <span>
                {row.dueOn ?? t('approvals.empty')}
                {row.dueOn && row.timing.isProvisional && <ProvisionalTag />}
              </span>
            ),
          },
          {
            key: 'missing',
            title: t('approvals.fields.missingMaterials'),
            align: 'right',
            render: (_, row) =>
              row.missingMaterials > 0 ? (
                <Typography.Text type={row.timing.promiseOverdue ? 'danger' : undefined}>
                  {row.missingMaterials}
                </Typography.Text>
              ) : (
                t('approvals.empty')
              ),
          },
          {
            key: 'agent',
            title: t('approvals.fields.agent'),
            render: (_, row) => row.agentName ?? t('approvals.empty'),
          },
          {
            key: 'department',
            title: t('approvals.fields.department'),
            render: (_, row) => row.departmentName ?? t('approvals.empty'),
          },
        ]}
      />
    </Card>
  );
}
