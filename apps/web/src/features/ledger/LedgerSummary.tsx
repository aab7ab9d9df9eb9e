import type { LedgerPreview } from '@tuijin/contracts';
import { Card, Col, Row, Statistic, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { formatLedgerWanYuan, ledgerYiYuan } from './ledger-amount';

interface StatProps {
  title: string;
  value: string | number;
  testId: string;
  note?: ReactNode;
  danger?: boolean;
}

function Stat({ title, value, testId, note, danger }: StatProps) {
  return (
    <Card size="small" className="tj-ledger-stat">
      <Statistic
        title={title}
        value={value}
        formatter={(shown) => <span data-testid={testId}>{shown}</span>}
        styles={danger ? { content: { color: '#cf1322' } } : undefined}
      />
      {note && (
        <Typography.Text type="secondary" className="tj-ledger-stat-note">
          {note}
        </Typography.Text>
      )}
    </Card>
  );
}

/** The preview at a glance: projects found, the three amount totals (万元 and 亿元), skipped rows, problems. */
export function LedgerSummary({ preview }: { preview: LedgerPreview }) {
  const { t } = useTranslation();
  const errors = preview.problems.filter((problem) => problem.severity === 'error').length;
  const warnings = preview.problems.length - errors;
  const amount = (value: string) => ({
    value: formatLedgerWanYuan(value),
    note: t('ledger.yiYuan', { value: ledgerYiYuan(value) }),
  });
  const { totals } = preview;
  const stats: StatProps[] = [
    { title: t('ledger.records'), value: totals.records, testId: 'ledger-records-count' },
    {
      title: t('ledger.totalInvestment'),
      testId: 'ledger-total-investment',
      ...amount(totals.totalInvestmentWanYuan),
    },
    { title: t('ledger.annualPlan'), testId: 'ledger-annual-plan', ...amount(totals.annualPlanWanYuan) },
    {
      title: t('ledger.completedToDate'),
      testId: 'ledger-completed',
      ...amount(totals.completedToDateWanYuan),
    },
    { title: t('ledger.skipped'), value: preview.skippedRows.length, testId: 'ledger-skipped-count' },
    { title: t('ledger.errors'), value: errors, testId: 'ledger-errors-count', danger: errors > 0 },
    { title: t('ledger.warnings'), value: warnings, testId: 'ledger-warnings-count' },
  ];
  return (
    <Row gutter={[12, 12]}>
      {stats.map((stat) => (
        <Col key={stat.testId} xs={12} sm={8} lg={6} xl={stat.note ? 4 : 3}>
          <Stat {...stat} />
        </Col>
      ))}
    </Row>
  );
}
