import type { BankFollowUp, BankFollowUpStatus } from '@tuijin/contracts';
import { Button, Table, type TableColumnsType, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { amountColumn, formatTableAmount } from '../../lib/amount';
import { statusColors } from './bank-matchmaking';
import { FollowUpForm } from './FollowUpForm';

const money = (v: string | null) => (v === null ? '—' : formatTableAmount(v));

/**
 * 项目×银行跟进: status, credit, loans and next step per pair; an office over the project opens the
 * follow-up form. `withProject` false hides the project column (on the project's own page).
 */
export function FollowUpsTable({
  rows,
  loading,
  withProject = true,
}: {
  rows: BankFollowUp[];
  loading?: boolean;
  withProject?: boolean;
}) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState<BankFollowUp | null>(null);
  const columns: TableColumnsType<BankFollowUp> = [
    ...(withProject
      ? [
          {
            title: t('bankMatchmaking.columns.project'),
            dataIndex: 'projectName',
            render: (name: string, row: BankFollowUp) => (
              <Link to={`/projects/${row.projectId}?tab=funds`}>{name}</Link>
            ),
          },
          { title: t('bankMatchmaking.columns.region'), dataIndex: 'regionName' },
        ]
      : []),
    { title: t('bankMatchmaking.columns.bank'), dataIndex: 'bankName' },
    {
      title: t('bankMatchmaking.columns.status'),
      dataIndex: 'status',
      render: (s: BankFollowUpStatus, row) => (
        <>
          <Tag color={statusColors[s]}>{t(`bankMatchmaking.statuses.${s}`)}</Tag>
          {s === 'failed' && row.failureReason && (
            <Typography.Text type="secondary">{row.failureReason}</Typography.Text>
          )}
        </>
      ),
    },
    {
      title: t('bankMatchmaking.columns.signed'),
      dataIndex: 'signedWanYuan',
      ...amountColumn,
      render: (v: string) => formatTableAmount(v),
    },
    {
      title: t('bankMatchmaking.columns.creditGranted'),
      dataIndex: 'creditGrantedWanYuan',
      ...amountColumn,
      render: money,
    },
    {
      title: t('bankMatchmaking.columns.loans'),
      dataIndex: 'disbursedWanYuan',
      ...amountColumn,
      render: (v: string | null, row) => (v === null ? '—' : `${formatTableAmount(v)}（${row.disbursedOn}）`),
    },
    {
      title: t('bankMatchmaking.columns.rollover'),
      dataIndex: 'rolledOverWanYuan',
      ...amountColumn,
      render: money,
    },
    { title: t('bankMatchmaking.columns.nextStep'), dataIndex: 'nextStep' },
    { title: t('bankMatchmaking.columns.followedUpOn'), dataIndex: 'followedUpOn' },
    {
      title: t('common.actions'),
      key: 'actions',
      fixed: 'right',
      render: (_: unknown, row) =>
        row.canManage && (
          <Button
            size="small"
            data-testid={`follow-up-${row.projectName}-${row.bankName}`}
            onClick={() => setEditing(row)}
          >
            {t('bankMatchmaking.followUp.edit')}
          </Button>
        ),
    },
  ];
  return (
    <>
      <Table
        rowKey="id"
        size="small"
        loading={loading}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        scroll={{ x: 'max-content' }}
        columns={columns}
        dataSource={rows}
      />
      {editing && <FollowUpForm followUp={editing} onClose={() => setEditing(null)} />}
    </>
  );
}
