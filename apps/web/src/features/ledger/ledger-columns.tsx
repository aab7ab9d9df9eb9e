import type { LedgerPreview } from '@tuijin/contracts';
import { type TableColumnsType, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatLedgerWanYuan } from './ledger-amount';

/**
 * Rows carry a `key` of their own: the row number alone is not unique, because a workbook's later
 * sheets are read too and the preview does not say which sheet a row came from.
 */
export type LedgerRecord = LedgerPreview['records'][number] & { key: number };
export type LedgerProblem = LedgerPreview['problems'][number] & { key: number };
export type LedgerSkippedRow = LedgerPreview['skippedRows'][number] & { key: number };
type Severity = LedgerProblem['severity'];

const severityColors: Record<Severity, string> = { error: 'red', warning: 'orange' };

/** A sheet's "起止年限": one year when both ends agree, a dash for an end the sheet does not give. */
export function yearsText({ startYear, endYear }: LedgerRecord, unknown: string): string {
  if (startYear === null && endYear === null) return unknown;
  if (startYear === endYear) return String(startYear);
  return `${startYear ?? unknown}–${endYear ?? unknown}`;
}

/** The columns of the three result tables: recognised projects, problems and skipped rows. */
export function useLedgerColumns() {
  const { t } = useTranslation();
  const unknown = t('ledger.unknown');
  const text = (value: string | null) =>
    value ?? <Typography.Text type="secondary">{unknown}</Typography.Text>;
  /** A blank amount is unknown, never 0: it shows a dash with a hint saying so. */
  const amount = (value: string | null) =>
    value === null ? (
      <Typography.Text type="secondary" title={t('ledger.unknownHint')}>
        {unknown}
      </Typography.Text>
    ) : (
      formatLedgerWanYuan(value)
    );
  const severityTag = (severity: Severity) => (
    <Tag color={severityColors[severity]} data-testid="ledger-problem-severity">
      {t(`ledgerSeverity.${severity}`)}
    </Tag>
  );
  // Row 0 is a note on a whole sheet (a hidden sheet that was not read).
  const rowNumber = (testId: string) => (row: number) => (
    <span data-testid={testId}>{row > 0 ? row : '—'}</span>
  );

  const records: TableColumnsType<LedgerRecord> = [
    { key: 'sheet', dataIndex: 'sheet', title: t('ledger.sheet'), width: 100, render: text },
    {
      key: 'row',
      dataIndex: 'row',
      title: t('ledger.row'),
      width: 64,
      render: rowNumber('ledger-record-row'),
    },
    {
      key: 'name',
      title: t('ledger.name'),
      width: 240,
      render: (_, record) => (
        <>
          <span data-testid="ledger-record-name">{record.name ?? unknown}</span>
          {record.level === 'provincial' && (
            <Tag color="red" className="tj-ledger-level" data-testid="ledger-provincial">
              {t('ledger.provincial')}
            </Tag>
          )}
        </>
      ),
    },
    { key: 'category', dataIndex: 'category', title: t('ledger.category'), render: text },
    { key: 'owner', dataIndex: 'owner', title: t('ledger.owner'), width: 220, render: text },
    { key: 'location', dataIndex: 'location', title: t('ledger.location'), render: text },
    { key: 'years', title: t('ledger.years'), render: (_, record) => yearsText(record, unknown) },
    ...(
      [
        ['totalInvestmentWanYuan', t('ledger.totalInvestmentShort')],
        ['annualPlanWanYuan', t('ledger.annualPlanShort')],
        ['completedToDateWanYuan', t('ledger.completedShort')],
      ] as const
    ).map(([key, title]) => ({
      key,
      dataIndex: key,
      title: t('ledger.amountColumn', { title }),
      align: 'right' as const,
      render: amount,
    })),
    { key: 'progress', dataIndex: 'progress', title: t('ledger.progress'), render: text },
    {
      key: 'responsibleUnit',
      dataIndex: 'responsibleUnit',
      title: t('ledger.responsibleUnit'),
      render: text,
    },
    { key: 'leader', dataIndex: 'leader', title: t('ledger.leader'), render: text },
  ];

  const problems: TableColumnsType<LedgerProblem> = [
    { key: 'sheet', dataIndex: 'sheet', title: t('ledger.sheet'), width: 100, render: text },
    {
      key: 'row',
      dataIndex: 'row',
      title: t('ledger.row'),
      width: 64,
      render: rowNumber('ledger-problem-row'),
    },
    { key: 'column', dataIndex: 'column', title: t('ledger.column'), width: 64, render: text },
    {
      key: 'severity',
      dataIndex: 'severity',
      title: t('ledger.severity'),
      width: 96,
      filters: (['error', 'warning'] as const).map((value) => ({
        text: t(`ledgerSeverity.${value}`),
        value,
      })),
      onFilter: (value, problem) => problem.severity === value,
      render: severityTag,
    },
    { key: 'message', dataIndex: 'message', title: t('ledger.message'), width: 420 },
  ];

  const skipped: TableColumnsType<LedgerSkippedRow> = [
    { key: 'sheet', dataIndex: 'sheet', title: t('ledger.sheet'), width: 100, render: text },
    {
      key: 'row',
      dataIndex: 'row',
      title: t('ledger.row'),
      width: 64,
      render: rowNumber('ledger-skipped-row'),
    },
    {
      key: 'kind',
      dataIndex: 'kind',
      title: t('ledger.kind'),
      render: (kind: LedgerSkippedRow['kind']) => t(`ledgerRowKinds.${kind}`),
    },
  ];

  return { records, problems, skipped };
}
