import { Card, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { ProblemTable } from './ProblemTable';
import './problems.css';

/** 逾期问题: open problems past their due date, most days overdue first (the server's order). */
export default function OverdueProblemsPage() {
  const { t } = useTranslation();
  return (
    <Card title={t('problems.overdue.title')}>
      <Typography.Paragraph type="secondary">{t('problems.overdue.intro')}</Typography.Paragraph>
      <ProblemTable
        testId="overdue-table"
        filter={{ overdue: true }}
        showOverdueDays
        emptyText={t('problems.overdue.empty')}
      />
    </Card>
  );
}
