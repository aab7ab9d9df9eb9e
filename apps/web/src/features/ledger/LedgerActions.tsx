import type { LedgerRecordAction } from '@tuijin/contracts';
import { Flex, Table, Tag, Typography } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

type Action = LedgerRecordAction['action'];
type Row = LedgerRecordAction & { key: number };

const actionColors: Record<Action, string> = {
  create: 'green',
  update: 'blue',
  unchanged: 'default',
  invalid: 'red',
};

/** A changed field as the table shows it: its label, and before → after for plain values. */
function useChangeText() {
  const { t } = useTranslation();
  return (change: LedgerRecordAction['changes'][number]) => {
    const label = t(`ledgerFields.${change.field}`, { defaultValue: change.field });
    const plain = (value: unknown) =>
      value === null || value === undefined
        ? t('ledger.unknown')
        : Array.isArray(value)
          ? value.map((v) => t(`projectLevels.${v}`, { defaultValue: String(v) })).join('、')
          : String(value);
    return change.field.endsWith('Id') ? label : `${label}：${plain(change.before)} → ${plain(change.after)}`;
  };
}

/**
 * What an import does with each record — new project, update (with the fields it changes),
 * unchanged, or cannot import — as the server's rolled-back dry run (or the commit) found it.
 * `linked` makes each name a link to its project (after a commit, when the ids are real).
 */
export function LedgerActions({
  actions,
  linked = false,
}: {
  actions: LedgerRecordAction[];
  linked?: boolean;
}) {
  const { t } = useTranslation();
  const changeText = useChangeText();
  const rows = useMemo(() => actions.map((action, key): Row => ({ ...action, key })), [actions]);
  return (
    <Table<Row>
      size="small"
      rowKey="key"
      data-testid="ledger-actions-table"
      scroll={{ x: 'max-content' }}
      pagination={{ pageSize: 50, showSizeChanger: false, hideOnSinglePage: true }}
      dataSource={rows}
      columns={[
        { key: 'sheet', dataIndex: 'sheet', title: t('ledger.sheet'), width: 100 },
        { key: 'row', dataIndex: 'row', title: t('ledger.row'), width: 64 },
        {
          key: 'name',
          title: t('ledger.name'),
          width: 260,
          render: (_, row) =>
            linked && row.projectId ? (
              <Link to={`/projects/${row.projectId}`} data-testid="ledger-action-name">
                {row.name}
              </Link>
            ) : (
              <span data-testid="ledger-action-name">{row.name ?? t('ledger.unknown')}</span>
            ),
        },
        {
          key: 'action',
          dataIndex: 'action',
          title: t('ledger.action'),
          width: 110,
          filters: (['create', 'update', 'unchanged', 'invalid'] as const).map((value) => ({
            text: t(`ledgerActions.${value}`),
            value,
          })),
          onFilter: (value, row) => row.action === value,
          render: (action: Action) => (
            <Tag color={actionColors[action]} data-testid="ledger-action">
              {t(`ledgerActions.${action}`)}
            </Tag>
          ),
        },
        {
          key: 'plan',
          title: t('ledger.planColumn'),
          width: 180,
          render: (_, row) =>
            row.planAction === null ? (
              <Typography.Text type="secondary">—</Typography.Text>
            ) : (
              <Tag
                color={row.planAction === 'frozen' || row.planAction === 'split' ? 'orange' : 'default'}
                data-testid="ledger-plan-action"
              >
                {row.planYear} {t(`ledgerPlanActions.${row.planAction}`)}
              </Tag>
            ),
        },
        {
          key: 'changes',
          title: t('ledger.changes'),
          render: (_, row) =>
            row.changes.length === 0 ? (
              <Typography.Text type="secondary">{t('ledger.unknown')}</Typography.Text>
            ) : (
              <Flex vertical>
                {row.changes.map((change) => (
                  <span key={change.field}>{changeText(change)}</span>
                ))}
              </Flex>
            ),
        },
      ]}
    />
  );
}
