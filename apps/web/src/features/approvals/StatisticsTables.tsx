import type { ApprovalPeriodStatistics } from '@tuijin/contracts';
import { Table, type TableColumnsType, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { ComparedGroup } from './approval-statistics';

type ProjectSpan = ApprovalPeriodStatistics['projects'][number];

const dash = '—';
const shown = (value: number | null | undefined) => (value === null || value === undefined ? dash : value);

/** "−8.2" faster in green, "+1.5" slower in red, "0" as it was. */
function ChangeText({ change }: { change: number | null }) {
  if (change === null) return <Typography.Text type="secondary">{dash}</Typography.Text>;
  if (change === 0) return <span>0</span>;
  return (
    <Typography.Text type={change < 0 ? 'success' : 'danger'} data-testid="statistics-group-change">
      {change < 0 ? `−${Math.abs(change)}` : `+${change}`}
    </Typography.Text>
  );
}

interface GroupDurationsTableProps {
  kind: 'procedure' | 'department';
  rows: ComparedGroup[];
  isComparing: boolean;
  loading: boolean;
  testId: string;
}

/**
 * Per procedure or per department: items approved, average and median working days, average calendar
 * days and how many kept the committed limit; with a 对比期, its count and average and the change.
 */
export function GroupDurationsTable({ kind, rows, isComparing, loading, testId }: GroupDurationsTableProps) {
  const { t } = useTranslation();
  const number = (title: string, value: (row: ComparedGroup) => number | null | undefined) => ({
    title,
    align: 'right' as const,
    render: (_: unknown, row: ComparedGroup) => shown(value(row)),
  });
  const periodColumns: TableColumnsType<ComparedGroup> = [
    { key: 'count', ...number(t('approvals.statistics.count'), (row) => row.current?.count) },
    {
      key: 'average',
      ...number(t('approvals.statistics.average'), (row) => row.current?.averageWorkingDays),
    },
    { key: 'median', ...number(t('approvals.statistics.median'), (row) => row.current?.medianWorkingDays) },
    {
      key: 'calendar',
      ...number(t('approvals.statistics.calendar'), (row) => row.current?.averageCalendarDays),
    },
    {
      key: 'onTime',
      title: t('approvals.statistics.onTime'),
      align: 'right',
      render: (_, row) =>
        row.current
          ? t('approvals.statistics.onTimeValue', { onTime: row.current.onTime, count: row.current.count })
          : dash,
    },
  ];
  const columns: TableColumnsType<ComparedGroup> = [
    {
      key: 'name',
      title: t(kind === 'procedure' ? 'approvals.statistics.procedure' : 'approvals.statistics.department'),
      render: (_, row) =>
        kind === 'department' && row.key === '' ? t('approvals.statistics.noDepartment') : row.name,
    },
    ...(isComparing
      ? [
          { key: 'period', title: t('approvals.statistics.period'), children: periodColumns },
          {
            key: 'compare',
            title: t('approvals.statistics.compare'),
            children: [
              {
                key: 'compareCount',
                ...number(t('approvals.statistics.count'), (row) => row.earlier?.count),
              },
              {
                key: 'compareAverage',
                ...number(t('approvals.statistics.average'), (row) => row.earlier?.averageWorkingDays),
              },
            ],
          },
          {
            key: 'change',
            title: t('approvals.statistics.changeColumn'),
            align: 'right' as const,
            render: (_: unknown, row: ComparedGroup) => <ChangeText change={row.change} />,
          },
        ]
      : periodColumns),
  ];
  return (
    <Table<ComparedGroup>
      rowKey="key"
      size="small"
      bordered={isComparing}
      loading={loading}
      dataSource={rows}
      columns={columns}
      pagination={false}
      scroll={{ x: 'max-content' }}
      locale={{ emptyText: t('approvals.statistics.noItems') }}
      data-testid={testId}
    />
  );
}

/** 全流程: each project whose construction permit was approved in the period, from its first acceptance. */
export function ProjectSpansTable({ projects, testId }: { projects: ProjectSpan[]; testId: string }) {
  const { t } = useTranslation();
  return (
    <Table<ProjectSpan>
      rowKey="projectId"
      size="small"
      dataSource={projects}
      pagination={{ pageSize: 10, hideOnSinglePage: true, showSizeChanger: false }}
      scroll={{ x: 'max-content' }}
      locale={{ emptyText: t('approvals.statistics.noSpans') }}
      data-testid={testId}
      columns={[
        {
          key: 'project',
          title: t('approvals.statistics.project'),
          render: (_, span) => (
            <Link to={`/projects/${span.projectId}?tab=approvals`} data-testid="statistics-project-link">
              {span.projectName}
            </Link>
          ),
        },
        {
          key: 'firstAcceptedOn',
          title: t('approvals.statistics.firstAcceptedOn'),
          dataIndex: 'firstAcceptedOn',
        },
        { key: 'lastApprovedOn', title: t('approvals.statistics.permitOn'), dataIndex: 'lastApprovedOn' },
        {
          key: 'workingDays',
          title: t('approvals.statistics.workingDays'),
          dataIndex: 'workingDays',
          align: 'right',
        },
        {
          key: 'calendarDays',
          title: t('approvals.statistics.calendarDays'),
          dataIndex: 'calendarDays',
          align: 'right',
        },
      ]}
    />
  );
}
