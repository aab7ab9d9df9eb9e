import type { LedgerReportsResult } from '@tuijin/contracts';
import { Alert, InputNumber, Table, type TableColumnsType, Tabs, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatTableAmount } from '../../lib/amount';

type Sheet = LedgerReportsResult['sheets'][number];
type Action = LedgerReportsResult['actions'][number];
type Problem = LedgerReportsResult['problems'][number];

const statusColors: Record<Sheet['status'], string> = {
  ok: 'green',
  needsYear: 'orange',
  noPeriod: 'red',
  noFigures: 'red',
  unreadable: 'red',
};
const actionColors: Record<Action['action'], string> = {
  create: 'blue',
  unchanged: 'default',
  kept: 'orange',
  skipped: 'default',
};

/** The per-sheet table: title, period, the month written, status with its reason, a year input where one is missing. */
function SheetsTable({
  sheets,
  years,
  onYear,
}: {
  sheets: Sheet[];
  years: Record<string, number | null>;
  onYear: (sheet: string, year: number | null) => void;
}) {
  const { t } = useTranslation();
  const dash = t('ledger.unknown');
  const columns: TableColumnsType<Sheet> = [
    { key: 'sheet', dataIndex: 'sheet', title: t('ledgerReports.sheet'), width: 120 },
    { key: 'title', dataIndex: 'title', title: t('ledgerReports.titleColumn'), render: (v) => v ?? dash },
    {
      key: 'period',
      title: t('ledgerReports.period'),
      width: 170,
      render: (_, s) =>
        s.fromMonth === null || s.month === null ? (
          dash
        ) : (
          <span data-testid="ledger-reports-period">
            {s.year === null
              ? t('ledgerReports.periodNoYear', { from: s.fromMonth, to: s.month })
              : t('ledgerReports.periodText', { year: s.year, from: s.fromMonth, to: s.month })}
          </span>
        ),
    },
    {
      key: 'status',
      title: t('ledgerReports.status'),
      width: 190,
      render: (_, s) => (
        <Tag color={statusColors[s.status]} data-testid="ledger-reports-sheet-status">
          {t(`ledgerReports.statuses.${s.status}`)}
        </Tag>
      ),
    },
    {
      key: 'reason',
      title: t('ledgerReports.reason'),
      render: (_, s) =>
        s.status === 'needsYear' || years[s.sheet] !== undefined ? (
          <InputNumber<number>
            min={2000}
            max={2100}
            precision={0}
            style={{ width: 180 }}
            value={years[s.sheet] ?? null}
            onChange={(value) => onYear(s.sheet, value ?? null)}
            placeholder={t('ledgerReports.sheetYearPlaceholder')}
            aria-label={`${t('ledgerReports.sheetYear')} ${s.sheet}`}
            data-testid="ledger-reports-sheet-year"
            status={s.status === 'needsYear' && !years[s.sheet] ? 'warning' : undefined}
          />
        ) : (
          (s.reason ?? '')
        ),
    },
  ];
  return (
    <Table
      size="small"
      rowKey="sheet"
      pagination={false}
      columns={columns}
      dataSource={sheets}
      scroll={{ x: 900 }}
      data-testid="ledger-reports-sheets"
      onRow={(s) => ({ 'data-sheet': s.sheet }) as React.HTMLAttributes<HTMLElement>}
    />
  );
}

/** The warnings and checks of a progress ledger (stated counts and totals against the rows, kept reports, …). */
export function LedgerReportsProblems({ problems }: { problems: Problem[] }) {
  const { t } = useTranslation();
  const problemColumns: TableColumnsType<Problem & { key: number }> = [
    { key: 'sheet', dataIndex: 'sheet', title: t('ledgerReports.sheet'), width: 110 },
    { key: 'row', dataIndex: 'row', title: t('ledgerReports.row'), width: 70 },
    {
      key: 'severity',
      dataIndex: 'severity',
      title: t('ledger.severity'),
      width: 80,
      render: (s: Problem['severity']) => (
        <Tag color={s === 'error' ? 'red' : 'orange'}>{t(`ledgerReports.severity.${s}`)}</Tag>
      ),
    },
    {
      key: 'message',
      dataIndex: 'message',
      title: t('ledgerReports.message'),
      render: (m: string) => <span data-testid="ledger-reports-problem">{m}</span>,
    },
  ];
  return (
    <Table
      size="small"
      rowKey="key"
      pagination={{ pageSize: 50, hideOnSinglePage: true }}
      columns={problemColumns}
      dataSource={problems.map((p, key) => ({ ...p, key }))}
      locale={{ emptyText: t('ledgerReports.noProblems') }}
      data-testid="ledger-reports-problems"
    />
  );
}

/**
 * The dry run of a progress ledger: each sheet's period and status (a year input where the title
 * names none), the report each row would write (新建 / 无变化 / 保留已有, with the sheet's and the
 * existing figure), and the warnings (stated counts and totals that differ from the rows, …).
 */
export function LedgerReportsPreview({
  result,
  years,
  onYear,
}: {
  result: LedgerReportsResult;
  years: Record<string, number | null>;
  onYear: (sheet: string, year: number | null) => void;
}) {
  const { t } = useTranslation();
  const dash = t('ledger.unknown');
  const amount = (value: string | null) => formatTableAmount(value, { empty: dash });
  const missing = result.sheets.filter((s) => s.status === 'needsYear').length;
  const actionColumns: TableColumnsType<Action> = [
    { key: 'sheet', dataIndex: 'sheet', title: t('ledgerReports.sheet'), width: 110 },
    { key: 'row', dataIndex: 'row', title: t('ledgerReports.row'), width: 70 },
    {
      key: 'name',
      dataIndex: 'name',
      title: t('ledgerReports.name'),
      render: (v: string | null) => <span data-testid="ledger-reports-name">{v ?? dash}</span>,
    },
    {
      key: 'month',
      title: t('ledgerReports.month'),
      width: 110,
      render: (_, a) =>
        a.year === null || a.month === null
          ? dash
          : t('ledgerReports.monthText', { year: a.year, month: a.month }),
    },
    {
      key: 'ledger',
      title: t('ledgerReports.ledgerAmount'),
      width: 150,
      align: 'right',
      render: (_, a) => amount(a.completedWanYuan),
    },
    {
      key: 'existing',
      title: t('ledgerReports.existingAmount'),
      width: 190,
      align: 'right',
      render: (_, a) =>
        a.existing ? (
          <span data-testid="ledger-reports-existing">
            {amount(a.existing.completedWanYuan)}（
            {t(`ledgerReports.reportStatus.${a.existing.status as 'draft'}`, {
              defaultValue: a.existing.status,
            })}
            ）
          </span>
        ) : (
          dash
        ),
    },
    {
      key: 'action',
      title: t('ledgerReports.action'),
      width: 110,
      render: (_, a) => (
        <Tag color={actionColors[a.action]} data-testid="ledger-reports-action">
          {t(`ledgerReports.actions.${a.action}`)}
        </Tag>
      ),
    },
  ];
  return (
    <>
      <Typography.Title level={5} style={{ margin: 0 }}>
        {t('ledgerReports.sheets')}
      </Typography.Title>
      {missing > 0 && (
        <Alert
          type="warning"
          showIcon
          data-testid="ledger-reports-needs-year"
          title={t('ledgerReports.needsYears', { count: missing })}
        />
      )}
      <SheetsTable sheets={result.sheets} years={years} onYear={onYear} />
      <Tabs
        items={[
          {
            key: 'actions',
            label: t('ledgerReports.reportsTitle', { count: result.actions.length }),
            children: (
              <Table
                size="small"
                rowKey={(a) => `${a.sheet}:${a.row}`}
                pagination={{ pageSize: 50, hideOnSinglePage: true }}
                columns={actionColumns}
                dataSource={result.actions}
                scroll={{ x: 900 }}
                locale={{ emptyText: t('ledgerReports.noReports') }}
                data-testid="ledger-reports-actions"
              />
            ),
          },
          {
            key: 'problems',
            label: t('ledgerReports.problemsTitle', { count: result.problems.length }),
            children: <LedgerReportsProblems problems={result.problems} />,
          },
        ]}
      />
    </>
  );
}
