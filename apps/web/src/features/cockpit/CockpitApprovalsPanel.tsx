import type { ApprovalFigures, CockpitApprovalRow, CockpitFilters } from '@tuijin/contracts';
import { Card, Segmented, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { QueryError } from '../../components/QueryError';
import { useCockpitApprovals } from './cockpit.queries';
import { type ApprovalFigureKey, approvalListHref, overdueNodesHref } from './cockpit-params';

type By = 'region' | 'department';
const figureKeys: readonly ApprovalFigureKey[] = [
  'open',
  'gapsOpen',
  'yellow',
  'red',
  'overdue',
  'approvedThisYear',
];

interface PanelProps {
  year: number;
  region: string | undefined;
  filters: CockpitFilters;
}

/**
 * 前期手续 in the cockpit: per child region (with 本级) or per approving department, the items open,
 * 容缺 open, yellow, red, overdue, approved this year and their average working days, and by region the
 * overdue milestone nodes; each figure opens the 手续事项 list (or the portfolio) filtered to it.
 */
export function CockpitApprovalsPanel({ year, region, filters }: PanelProps) {
  const { t } = useTranslation();
  const [by, setBy] = useState<By>('region');
  const approvals = useCockpitApprovals({ year, by, ...(region ? { region } : {}), ...filters });
  const data = approvals.data;
  const rowLabel = (row: Pick<CockpitApprovalRow, 'label' | 'kind'>) =>
    row.kind === 'regionSelf'
      ? t('cockpit.approvals.self', { region: row.label })
      : row.kind === 'none'
        ? t('cockpit.approvals.noDepartment')
        : row.label;

  const figure = (row: CockpitApprovalRow | null, key: ApprovalFigureKey, value: number) => {
    if (!data || value === 0) return <Typography.Text type="secondary">0</Typography.Text>;
    const target = row ?? { key: data.region.code, kind: 'region' as const, label: data.region.name };
    const href = approvalListHref({
      row: target,
      regionCode: data.region.code,
      figure: key,
      year,
      filters,
      label: `${rowLabel(target)} · ${t(`cockpit.approvals.figures.${key}`, { year })}`,
    });
    return (
      <Link to={href} data-testid={`approval-figure-${key}`}>
        {value}
      </Link>
    );
  };

  const figureColumns = figureKeys.map((key) => ({
    key,
    title: t(`cockpit.approvals.figures.${key}`, { year }),
    align: 'right' as const,
    render: (_: unknown, row: CockpitApprovalRow) => figure(row, key, row.figures[key]),
  }));

  return (
    <Card
      size="small"
      data-testid="cockpit-approvals"
      title={
        <Space>
          {t('cockpit.approvals.title')}
          <Segmented<By>
            value={by}
            onChange={setBy}
            options={[
              { value: 'region', label: t('cockpit.approvals.byRegion') },
              { value: 'department', label: t('cockpit.approvals.byDepartment') },
            ]}
            data-testid="cockpit-approvals-by"
          />
        </Space>
      }
      extra={<Typography.Text type="secondary">{t('cockpit.approvals.hint')}</Typography.Text>}
    >
      {approvals.isError && <QueryError error={approvals.error} onRetry={() => void approvals.refetch()} />}
      {data && (
        <Table<CockpitApprovalRow>
          rowKey="key"
          size="small"
          loading={approvals.isFetching}
          dataSource={data.rows}
          pagination={false}
          scroll={{ x: 'max-content' }}
          locale={{ emptyText: t('cockpit.approvals.empty') }}
          columns={[
            {
              key: 'label',
              title: by === 'region' ? t('cockpit.approvals.region') : t('cockpit.approvals.department'),
              render: (_, row) => rowLabel(row),
            },
            ...figureColumns,
            {
              key: 'average',
              title: t('cockpit.approvals.average'),
              align: 'right',
              render: (_, row) => averageText(row.figures, t('cockpit.approvals.none')),
            },
            ...(by === 'region'
              ? [
                  {
                    key: 'nodes',
                    title: t('cockpit.approvals.overdueNodes'),
                    align: 'right' as const,
                    render: (_: unknown, row: CockpitApprovalRow) =>
                      row.overdueNodes && row.overdueNodes.nodes > 0 ? (
                        <Link to={overdueNodesHref(row.key)} data-testid="overdue-nodes-link">
                          {t('cockpit.approvals.overdueNodesValue', row.overdueNodes)}
                        </Link>
                      ) : (
                        <Typography.Text type="secondary">0</Typography.Text>
                      ),
                  },
                ]
              : []),
          ]}
          summary={() => (
            <Table.Summary.Row>
              <Table.Summary.Cell index={0}>
                <Typography.Text strong>{t('cockpit.total')}</Typography.Text>
              </Table.Summary.Cell>
              {figureKeys.map((key, i) => (
                <Table.Summary.Cell key={key} index={i + 1} align="right">
                  {figure(null, key, data.total[key])}
                </Table.Summary.Cell>
              ))}
              <Table.Summary.Cell index={figureKeys.length + 1} align="right">
                {averageText(data.total, t('cockpit.approvals.none'))}
              </Table.Summary.Cell>
              {by === 'region' && (
                <Table.Summary.Cell index={figureKeys.length + 2} align="right">
                  {data.totalOverdueNodes.nodes > 0 ? (
                    <Link to={overdueNodesHref(data.region.code)}>
                      {t('cockpit.approvals.overdueNodesValue', data.totalOverdueNodes)}
                    </Link>
                  ) : (
                    <Typography.Text type="secondary">0</Typography.Text>
                  )}
                </Table.Summary.Cell>
              )}
            </Table.Summary.Row>
          )}
        />
      )}
    </Card>
  );
}

const averageText = (figures: ApprovalFigures, none: string) =>
  figures.averageWorkingDays === null ? none : figures.averageWorkingDays.toFixed(1);
