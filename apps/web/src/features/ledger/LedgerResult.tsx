import type { LedgerPreview } from '@tuijin/contracts';
import { Alert, Flex, Table, type TableProps, Tabs } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { LedgerActions } from './LedgerActions';
import { LedgerSummary } from './LedgerSummary';
import {
  type LedgerProblem,
  type LedgerRecord,
  type LedgerSkippedRow,
  useLedgerColumns,
} from './ledger-columns';

/** Shared table settings: 50 rows a page, and a horizontal scroll inside the card on narrow screens. */
function useTableDefaults() {
  const { t } = useTranslation();
  return {
    size: 'small',
    scroll: { x: 'max-content' },
    pagination: {
      pageSize: 50,
      showSizeChanger: false,
      hideOnSinglePage: true,
      showTotal: (total: number) => t('common.total', { total }),
    },
  } satisfies Partial<TableProps<object>>;
}

/** The preview of one ledger: summary cards, then the recognised projects, problems and skipped rows. */
export function LedgerResult({ preview }: { preview: LedgerPreview }) {
  const { t } = useTranslation();
  const columns = useLedgerColumns();
  const defaults = useTableDefaults();
  const rows = useMemo(
    () => ({
      records: preview.records.map((record, key): LedgerRecord => ({ ...record, key })),
      problems: preview.problems.map((problem, key): LedgerProblem => ({ ...problem, key })),
      skipped: preview.skippedRows.map((skipped, key): LedgerSkippedRow => ({ ...skipped, key })),
    }),
    [preview],
  );
  const errorRows = useMemo(
    () => new Set(preview.problems.filter((p) => p.severity === 'error').map((p) => `${p.sheet}:${p.row}`)),
    [preview.problems],
  );

  const items = [
    {
      key: 'actions',
      label: t('ledger.tabActions', { count: preview.actions.length }),
      children: <LedgerActions actions={preview.actions} />,
    },
    {
      key: 'records',
      label: t('ledger.tabRecords', { count: preview.records.length }),
      children: (
        <Flex vertical gap={12}>
          {preview.records.some((record) => errorRows.has(`${record.sheet}:${record.row}`)) && (
            <Alert type="error" showIcon title={t('ledger.errorRowHint')} />
          )}
          <Table<LedgerRecord>
            {...defaults}
            rowKey="key"
            data-testid="ledger-records-table"
            columns={columns.records}
            dataSource={rows.records}
            rowClassName={(record) =>
              errorRows.has(`${record.sheet}:${record.row}`) ? 'tj-ledger-error-row' : ''
            }
            locale={{ emptyText: t('ledger.noRecords') }}
          />
        </Flex>
      ),
    },
    {
      key: 'problems',
      label: t('ledger.tabProblems', { count: preview.problems.length }),
      children: (
        <Table<LedgerProblem>
          {...defaults}
          rowKey="key"
          data-testid="ledger-problems-table"
          columns={columns.problems}
          dataSource={rows.problems}
          locale={{ emptyText: t('ledger.noProblems') }}
        />
      ),
    },
    {
      key: 'skipped',
      label: t('ledger.tabSkipped', { count: preview.skippedRows.length }),
      children: (
        <Table<LedgerSkippedRow>
          {...defaults}
          rowKey="key"
          data-testid="ledger-skipped-table"
          columns={columns.skipped}
          dataSource={rows.skipped}
          locale={{ emptyText: t('ledger.noSkipped') }}
        />
      ),
    },
  ];

  return (
    <Flex vertical gap={16} data-testid="ledger-result">
      <LedgerSummary preview={preview} />
      <Tabs items={items} />
    </Flex>
  );
}
