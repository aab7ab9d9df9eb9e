import type { InspectionFinding } from '@tuijin/contracts';
import { Button, Grid, List, Table, type TableColumnsType, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { FindingStatusTag } from './FindingDrawer';

/**
 * Findings as a table on a desktop and as a list of cards on a phone; the deadline of an overdue one
 * in red; a tap opens its drawer.
 */
export function FindingsTable({
  findings,
  loading,
  onOpen,
  showProject = true,
  pagination,
}: {
  findings: InspectionFinding[];
  loading: boolean;
  onOpen: (id: string) => void;
  showProject?: boolean;
  pagination?: false | { total: number; current: number; pageSize: number; onChange: (page: number) => void };
}) {
  const { t } = useTranslation();
  const screens = Grid.useBreakpoint();
  const deadline = (f: InspectionFinding) => (
    <Typography.Text
      type={f.isOverdue ? 'danger' : undefined}
      strong={f.isOverdue}
      data-testid="finding-deadline"
    >
      {f.deadlineOn}
    </Typography.Text>
  );
  if (screens.md === false)
    return (
      <List
        loading={loading}
        dataSource={findings}
        locale={{ emptyText: t('inspections.finding.none') }}
        pagination={pagination ? { ...pagination, size: 'small', simple: true } : false}
        data-testid="findings-list"
        renderItem={(f) => (
          <List.Item onClick={() => onOpen(f.id)} style={{ cursor: 'pointer' }} data-testid="finding-row">
            <List.Item.Meta
              title={
                <span>
                  {showProject ? `${f.projectName} · ` : ''}
                  {f.description}
                </span>
              }
              description={
                <span>
                  <FindingStatusTag finding={f} /> {t('inspections.finding.deadline')} {deadline(f)}
                  {f.problem && <Tag style={{ marginInlineStart: 4 }}>{f.problem.referenceNumber}</Tag>}
                </span>
              }
            />
          </List.Item>
        )}
      />
    );
  const columns: TableColumnsType<InspectionFinding> = [
    ...(showProject
      ? [
          {
            title: t('inspections.finding.project'),
            dataIndex: 'projectName',
            render: (name: string, f: InspectionFinding) => `${name}（${f.regionName}）`,
          },
        ]
      : []),
    { title: t('inspections.finding.foundOn'), dataIndex: 'foundOn' },
    { title: t('inspections.finding.item'), dataIndex: 'itemText', ellipsis: true },
    { title: t('inspections.finding.description'), dataIndex: 'description', ellipsis: true },
    {
      title: t('inspections.finding.severity'),
      dataIndex: 'severity',
      render: (s: InspectionFinding['severity']) => t(`inspections.severities.${s}`),
    },
    { title: t('inspections.finding.unit'), dataIndex: 'organisationName' },
    { title: t('inspections.finding.deadline'), key: 'deadline', render: (_, f) => deadline(f) },
    {
      title: t('inspections.finding.status'),
      key: 'status',
      render: (_, f) => <FindingStatusTag finding={f} />,
    },
    {
      title: t('inspections.finding.problem'),
      key: 'problem',
      render: (_, f) => f.problem?.referenceNumber ?? '',
    },
    {
      key: 'open',
      render: (_, f) => (
        <Button size="small" type="link" onClick={() => onOpen(f.id)} data-testid="open-finding">
          {t('inspections.finding.open')}
        </Button>
      ),
    },
  ];
  return (
    <Table
      rowKey="id"
      size="small"
      loading={loading}
      columns={columns}
      dataSource={findings}
      pagination={pagination ? { ...pagination, showSizeChanger: false } : false}
      scroll={{ x: 'max-content' }}
      locale={{ emptyText: t('inspections.finding.none') }}
      onRow={(f) =>
        ({
          'data-testid': 'finding-row',
          onDoubleClick: () => onOpen(f.id),
        }) as React.HTMLAttributes<HTMLElement>
      }
    />
  );
}
