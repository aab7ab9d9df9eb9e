import { Flex } from 'antd';
import LedgerPage from './LedgerPage';
import { MonthlyLedgerExportCard } from './MonthlyLedgerExportCard';

/** The 台账 page: the monthly ledger export above the ledger check (import). */
export default function LedgerWorkspace() {
  return (
    <Flex vertical gap={16}>
      <MonthlyLedgerExportCard />
      <LedgerPage />
    </Flex>
  );
}
