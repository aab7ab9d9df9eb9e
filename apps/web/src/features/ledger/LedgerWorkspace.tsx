import { Flex } from 'antd';
import { useCan } from '../auth/use-current-user';
import LedgerPage from './LedgerPage';
import { LedgerReportsCard } from './LedgerReportsCard';
import { MonthlyLedgerExportCard } from './MonthlyLedgerExportCard';

/**
 * The 台账 page: the monthly ledger export above the ledger check (import), then — for offices
 * that may correct reports — the progress-sheet import (进度表 → that period's reports).
 */
export default function LedgerWorkspace() {
  const can = useCan();
  return (
    <Flex vertical gap={16}>
      <MonthlyLedgerExportCard />
      <LedgerPage />
      {can('report.correct') && <LedgerReportsCard />}
    </Flex>
  );
}
