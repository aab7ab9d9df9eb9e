import { FileExcelOutlined, PlusOutlined } from '@ant-design/icons';
import { fileRoutes, type ProjectListItem } from '@tuijin/contracts';
import { Button, Card, Space, Table, Typography } from 'antd';
import type { SorterResult } from 'antd/es/table/interface';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { QueryError } from '../../components/QueryError';
import { formatTableAmount } from '../../lib/amount';
import { useCan } from '../auth/use-current-user';
import { WarningTag } from '../warnings/WarningTag';
import { useWarningsOf } from '../warnings/warnings.queries';
import { ColumnChooser } from './ColumnChooser';
import { wanYuanToYiYuan } from './money';
import { ProjectFilterBar } from './ProjectFilterBar';
import { ProjectFormDrawer } from './ProjectFormDrawer';
import { defaultProjectColumns, type ProjectColumn, sortFieldOf, useProjectColumns } from './project-columns';
import { useProjectListParams } from './project-list-params';
import { useProjects } from './projects.queries';
import { useColumnChoice } from './use-column-choice';

/** 项目库: the jurisdiction's projects, filtered, sorted and paged on the server, with totals. */
export default function ProjectsPage() {
  const { t } = useTranslation();
  const can = useCan();
  const params = useProjectListParams();
  const projects = useProjects(params.query);
  const [isCreating, setCreating] = useState(false);
  const { nameColumn, optional } = useProjectColumns(params.sort, params.order);
  const offered = useMemo(() => optional.map((column) => column.key), [optional]);
  const choice = useColumnChoice('tuijin.projects.columns', offered, defaultProjectColumns);
  const mayReadWarnings = can('warning.read');
  const warnings = useWarningsOf(
    (projects.data?.data ?? []).map((row) => row.id),
    mayReadWarnings,
  );
  const warningColumn: ProjectColumn = {
    key: 'warning',
    title: t('warnings.filterColour'),
    width: 100,
    render: (_: unknown, row: ProjectListItem) => <WarningTag colour={warnings.data?.get(row.id)?.colour} />,
  };
  const columns = [
    nameColumn,
    ...(mayReadWarnings ? [warningColumn] : []),
    ...optional.filter((column) => choice.shown.includes(column.key)),
  ];
  const investmentIndex = columns.findIndex((column) => column.key === 'totalInvestmentWanYuan');
  const totals = projects.data?.totals;
  const exportHref = `${fileRoutes.exportProjects}${params.exportSearch ? `?${params.exportSearch}` : ''}`;

  const summary = () =>
    totals ? (
      <Table.Summary.Row className="tj-totals-row">
        <Table.Summary.Cell index={0} colSpan={investmentIndex > 0 ? investmentIndex : columns.length}>
          <Typography.Text strong>
            {t('projects.totalsLabel')} <span data-testid="projects-total-count">{totals.count}</span>{' '}
            {t('projects.totalsUnit')}
          </Typography.Text>
          <Typography.Text type="secondary">
            {t('projects.totalsInvestment', {
              wanYuan: formatTableAmount(totals.totalInvestmentWanYuan),
              yiYuan: wanYuanToYiYuan(totals.totalInvestmentWanYuan),
            })}
          </Typography.Text>
        </Table.Summary.Cell>
        {investmentIndex > 0 && (
          <>
            <Table.Summary.Cell index={investmentIndex} align="right" className="tj-amount-cell">
              <Typography.Text strong data-testid="projects-total-investment">
                {formatTableAmount(totals.totalInvestmentWanYuan)}
              </Typography.Text>
            </Table.Summary.Cell>
            {investmentIndex < columns.length - 1 && (
              <Table.Summary.Cell
                index={investmentIndex + 1}
                colSpan={columns.length - investmentIndex - 1}
              />
            )}
          </>
        )}
      </Table.Summary.Row>
    ) : null;

  return (
    <Card
      title={t('projects.title')}
      extra={
        <Space wrap>
          <ColumnChooser
            columns={optional.map((column) => ({ key: column.key, title: column.title }))}
            shown={choice.shown}
            onChange={choice.choose}
            onReset={choice.reset}
          />
          <Button icon={<FileExcelOutlined />} href={exportHref} download>
            {t('projects.export')}
          </Button>
          {can('project.create') && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
              {t('projects.create')}
            </Button>
          )}
        </Space>
      }
    >
      <ProjectFilterBar filters={params.filters} onSearch={params.applyFilters} />
      {projects.isError && <QueryError error={projects.error} onRetry={() => void projects.refetch()} />}
      <Table<ProjectListItem>
        rowKey="id"
        size="middle"
        data-testid="projects-table"
        columns={columns}
        dataSource={projects.data?.data}
        loading={projects.isFetching}
        scroll={{ x: 'max-content' }}
        summary={summary}
        pagination={{
          current: params.page,
          pageSize: params.pageSize,
          total: projects.data?.page.total ?? 0,
          showSizeChanger: true,
          showTotal: (count) => t('common.total', { total: count }),
        }}
        onChange={(pagination, _filters, sorter, extra) => {
          if (extra.action === 'sort') {
            const sorted = (Array.isArray(sorter) ? sorter[0] : sorter) as SorterResult<ProjectListItem>;
            const field = sorted?.order ? sortFieldOf(String(sorted.columnKey)) : undefined;
            params.setSort(field, sorted?.order === 'ascend' ? 'asc' : 'desc');
          } else if (extra.action === 'paginate') {
            params.setPage(pagination.current ?? 1, pagination.pageSize ?? params.pageSize);
          }
        }}
      />
      {isCreating && <ProjectFormDrawer onClose={() => setCreating(false)} />}
    </Card>
  );
}
