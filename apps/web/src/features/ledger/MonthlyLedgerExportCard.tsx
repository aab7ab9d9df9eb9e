import { FileExcelOutlined } from '@ant-design/icons';
import { fileRoutes } from '@tuijin/contracts';
import { Button, Card, Flex, Form, Select, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { RegionTreeSelect } from '../regions/RegionTreeSelect';

/** The month a ledger is usually sent for: last month (reports are due in the month after). */
function lastMonth(today: Date): { year: number; month: number } {
  const month = today.getMonth();
  return month === 0 ? { year: today.getFullYear() - 1, month: 12 } : { year: today.getFullYear(), month };
}

/**
 * 月度台账导出: pick a year, a month and optionally a region of one's jurisdiction, and download
 * the monthly ledger the server builds (GET /api/ledger/monthly.xlsx, scoped to the person).
 */
export function MonthlyLedgerExportCard() {
  const { t } = useTranslation();
  const initial = lastMonth(new Date());
  const [year, setYear] = useState(initial.year);
  const [month, setMonth] = useState(initial.month);
  const [region, setRegion] = useState<string | undefined>();
  const search = new URLSearchParams({
    year: String(year),
    month: String(month),
    ...(region ? { region } : {}),
  });
  const years = Array.from({ length: 6 }, (_, i) => initial.year + 1 - i);
  return (
    <Card title={t('ledgerExport.title')} data-testid="monthly-ledger-export">
      <Flex vertical gap={12}>
        <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
          {t('ledgerExport.intro')}
        </Typography.Paragraph>
        <Form layout="inline">
          <Form.Item label={t('ledgerExport.year')}>
            <Select
              value={year}
              onChange={setYear}
              style={{ width: 110 }}
              data-testid="monthly-ledger-year"
              options={years.map((y) => ({ value: y, label: t('ledgerExport.yearOption', { year: y }) }))}
            />
          </Form.Item>
          <Form.Item label={t('ledgerExport.month')}>
            <Select
              value={month}
              onChange={setMonth}
              style={{ width: 100 }}
              data-testid="monthly-ledger-month"
              options={Array.from({ length: 12 }, (_, i) => ({
                value: i + 1,
                label: t('ledgerExport.monthOption', { month: i + 1 }),
              }))}
            />
          </Form.Item>
          <Form.Item label={t('ledgerExport.region')}>
            <RegionTreeSelect
              value={region}
              onChange={(value) => setRegion(value ?? undefined)}
              placeholder={t('ledgerExport.regionPlaceholder')}
              style={{ width: 240 }}
            />
          </Form.Item>
          <Form.Item>
            <Button
              type="primary"
              icon={<FileExcelOutlined />}
              href={`${fileRoutes.monthlyLedger}?${search.toString()}`}
              download
              data-testid="monthly-ledger-download"
            >
              {t('ledgerExport.download')}
            </Button>
          </Form.Item>
        </Form>
      </Flex>
    </Card>
  );
}
