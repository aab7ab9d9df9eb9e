import { DownloadOutlined, QuestionCircleOutlined } from '@ant-design/icons';
import type { MeasureCounts, MeasureStatus, ServicePlanListQuery, ServicePlanRow } from '@tuijin/contracts';
import { measureStatuses } from '@tuijin/domain';
import {
  Button,
  Checkbox,
  Drawer,
  Flex,
  Select,
  Table,
  type TableColumnsType,
  Tooltip,
  Typography,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { QueryError } from '../../components/QueryError';
import { OrganisationSelect } from '../organisations/OrganisationSelect';
import { RegionTreeSelect } from '../regions/RegionTreeSelect';
import { ProjectServicePlanTab } from './ProjectServicePlanTab';
import { servicePlansExportUrl, useServicePlanList } from './service-plans.queries';

const countKeys = ['total', 'notStarted', 'inProgress', 'done', 'cancelled'] as const;

/**
 * 一项目一策 list for the office: every plan in scope with its measures counted by status and the
 * overdue ones in red; filters by region, responsible unit, status, overdue only; Excel of the same.
 */
export default function ServicePlansPage() {
  const { t } = useTranslation();
  const [query, setQuery] = useState<ServicePlanListQuery>({});
  const list = useServicePlanList(query);
  /** A plan whose project the reader cannot open (a unit responsible for a measure): shown in a drawer. */
  const [opened, setOpened] = useState<ServicePlanRow | null>(null);
  const overdueCell = (n: number) =>
    n > 0 ? (
      <Typography.Text type="danger" strong>
        {n}
      </Typography.Text>
    ) : (
      n
    );
  const columns: TableColumnsType<ServicePlanRow> = [
    {
      title: t('servicePlans.page.project'),
      dataIndex: 'projectName',
      fixed: 'left',
      render: (name: string, row) =>
        row.projectOpen ? (
          <Link to={`/projects/${row.projectId}?tab=servicePlan`}>{name}</Link>
        ) : (
          <Typography.Link data-testid="open-plan" onClick={() => setOpened(row)}>
            {name}
          </Typography.Link>
        ),
    },
    { title: t('servicePlans.page.region'), dataIndex: 'regionName' },
    {
      title: t('servicePlans.page.projectClass'),
      dataIndex: 'projectClass',
      render: (value: string | null) => value ?? '',
    },
    ...countKeys.map((key) => ({
      title: key === 'total' ? t('servicePlans.page.total') : t(`servicePlans.statuses.${key}`),
      key,
      align: 'right' as const,
      render: (_: unknown, row: ServicePlanRow) => row.counts[key],
    })),
    {
      title: (
        <span>
          {t('servicePlans.overdue')}
          <Tooltip title={t('servicePlans.page.formula')}>
            <QuestionCircleOutlined
              aria-label={t('servicePlans.page.formula')}
              style={{ marginInlineStart: 4 }}
            />
          </Tooltip>
        </span>
      ),
      key: 'overdue',
      align: 'right',
      render: (_: unknown, row) => <span data-testid="plan-overdue">{overdueCell(row.counts.overdue)}</span>,
    },
    { title: t('servicePlans.page.nextDue'), dataIndex: 'nextDueOn', render: (v: string | null) => v ?? '' },
    { title: t('servicePlans.lead'), dataIndex: 'lead' },
    { title: t('servicePlans.summary'), dataIndex: 'summary' },
  ];
  const summary = (totals: MeasureCounts) => (
    <Table.Summary.Row>
      <Table.Summary.Cell index={0} colSpan={3}>
        <Typography.Text strong>{t('servicePlans.page.totalRow')}</Typography.Text>
      </Table.Summary.Cell>
      {countKeys.map((key, i) => (
        <Table.Summary.Cell key={key} index={3 + i} align="right">
          {totals[key]}
        </Table.Summary.Cell>
      ))}
      <Table.Summary.Cell index={8} align="right">
        {overdueCell(totals.overdue)}
      </Table.Summary.Cell>
      <Table.Summary.Cell index={9} colSpan={3} />
    </Table.Summary.Row>
  );
  return (
    <Flex vertical gap={12} data-testid="service-plans-page">
      <Flex gap={8} wrap align="center">
        <Typography.Title level={4} style={{ margin: 0 }}>
          {t('servicePlans.title')}
        </Typography.Title>
        {list.data && (
          <Typography.Text type="secondary">
            {t('servicePlans.asOf', { date: list.data.asOf })}
          </Typography.Text>
        )}
      </Flex>
      <Flex gap={8} wrap align="center">
        <RegionTreeSelect
          style={{ width: 200 }}
          placeholder={t('servicePlans.page.allRegions')}
          value={query.regionCode}
          onChange={(regionCode?: string) => setQuery({ ...query, regionCode: regionCode || undefined })}
        />
        <OrganisationSelect
          style={{ width: 240 }}
          allowClear
          placeholder={t('servicePlans.page.anyOrganisation')}
          value={query.organisationId}
          onChange={(organisationId?: string) =>
            setQuery({ ...query, organisationId: organisationId || undefined })
          }
        />
        <Select<MeasureStatus>
          style={{ width: 140 }}
          allowClear
          placeholder={t('servicePlans.page.anyStatus')}
          value={query.status}
          onChange={(status) => setQuery({ ...query, status: status || undefined })}
          options={measureStatuses.map((status) => ({
            value: status,
            label: t(`servicePlans.statuses.${status}`),
          }))}
        />
        <Checkbox
          checked={query.overdueOnly === true}
          onChange={(e) => setQuery({ ...query, overdueOnly: e.target.checked || undefined })}
          data-testid="overdue-only"
        >
          {t('servicePlans.page.overdueOnly')}
        </Checkbox>
        <Button icon={<DownloadOutlined />} href={servicePlansExportUrl(query)}>
          {t('servicePlans.page.export')}
        </Button>
      </Flex>
      {list.isError ? (
        <QueryError error={list.error} onRetry={() => void list.refetch()} />
      ) : (
        <Table
          rowKey="planId"
          size="small"
          loading={list.isFetching}
          columns={columns}
          dataSource={list.data?.rows ?? []}
          pagination={{ pageSize: 50, hideOnSinglePage: true }}
          scroll={{ x: 'max-content' }}
          locale={{ emptyText: t('servicePlans.page.empty') }}
          summary={() => (list.data && list.data.rows.length > 0 ? summary(list.data.totals) : null)}
          data-testid="service-plans-table"
        />
      )}
      <Drawer
        open={opened !== null}
        title={opened?.projectName}
        width={720}
        onClose={() => setOpened(null)}
        destroyOnHidden
        data-testid="service-plan-drawer"
      >
        {opened && <ProjectServicePlanTab project={{ id: opened.projectId }} />}
      </Drawer>
    </Flex>
  );
}
