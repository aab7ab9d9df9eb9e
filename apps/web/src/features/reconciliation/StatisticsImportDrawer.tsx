import { DownloadOutlined } from '@ant-design/icons';
import {
  fileRoutes,
  type StatisticsImportProblem,
  type StatisticsImportResult,
  type StatisticsImportRow,
} from '@tuijin/contracts';
import { Alert, Button, DatePicker, Drawer, Flex, Form, Table, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { amountColumn, formatTableAmount } from '../../lib/amount';
import { LedgerRefusal } from '../ledger/ledger.api';
import { useUpload, XlsxUploadStep } from '../ledger/ledger-upload';
import {
  importStatisticsFile,
  previewStatistics,
  type StatisticsUploadOptions,
  useRefreshReconciliation,
} from './reconciliation.queries';

/**
 * 导入入统数据: the month the sheet counts up to, the template, upload → preview (each row's project
 * and figure, new or replacing, and every problem by row) → confirm (the same file again, one
 * transaction) → done.
 */
export function StatisticsImportDrawer({
  open,
  initialMonth,
  regionCode,
  onClose,
}: {
  open: boolean;
  initialMonth: Dayjs;
  regionCode: string | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const [month, setMonth] = useState<Dayjs>(initialMonth);
  const [file, setFile] = useState<File | null>(null);
  const check = useUpload<StatisticsImportResult, StatisticsUploadOptions>(previewStatistics);
  const commit = useUpload<StatisticsImportResult, StatisticsUploadOptions>(importStatisticsFile);
  const refresh = useRefreshReconciliation();
  const options = (): StatisticsUploadOptions => ({
    year: month.year(),
    month: month.month() + 1,
    regionCode,
  });
  const preview = check.mutation.data;
  const imported = commit.mutation.data;
  const refused =
    commit.mutation.error instanceof LedgerRefusal
      ? (commit.mutation.error.problems as unknown as StatisticsImportProblem[])
      : null;
  const problems = refused ?? preview?.problems ?? [];

  const start = (chosen: File) => {
    setFile(chosen);
    commit.mutation.reset();
    check.mutation.mutate({ file: chosen, options: options() });
  };
  const confirm = () => {
    if (!file) return;
    commit.mutation.mutate({ file, options: options() }, { onSuccess: () => void refresh() });
  };
  const close = () => {
    check.mutation.reset();
    commit.mutation.reset();
    setFile(null);
    onClose();
  };

  return (
    <Drawer
      open={open}
      onClose={close}
      size="large"
      title={t('reconciliation.import.title')}
      data-testid="statistics-import"
      extra={
        <Button
          icon={<DownloadOutlined />}
          href={`${fileRoutes.statisticsTemplate}?year=${month.year()}&month=${month.month() + 1}`}
          download
        >
          {t('reconciliation.import.template')}
        </Button>
      }
    >
      <Flex vertical gap={16}>
        <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
          {t('reconciliation.import.intro')}
        </Typography.Paragraph>
        <Form layout="inline">
          <Form.Item label={t('reconciliation.import.month')}>
            <DatePicker
              picker="month"
              allowClear={false}
              value={month}
              disabled={Boolean(imported)}
              data-testid="statistics-import-month"
              onChange={(m) => {
                if (!m) return;
                setMonth(m);
                check.mutation.reset();
                commit.mutation.reset();
              }}
            />
          </Form.Item>
        </Form>
        {!imported && (
          <XlsxUploadStep
            testId="statistics-import"
            disabled={check.mutation.isPending || commit.mutation.isPending}
            onFile={start}
            check={check}
            texts={{
              drop: t('reconciliation.import.drop'),
              dropHint: t('reconciliation.import.dropHint'),
              uploading: t('reconciliation.import.uploading'),
              checking: t('reconciliation.import.checking'),
              refused: t('reconciliation.import.refused'),
            }}
          />
        )}
        {imported && (
          <Alert
            type="success"
            showIcon
            data-testid="statistics-import-done"
            title={t('reconciliation.import.done', {
              month: `${imported.year}-${String(imported.month).padStart(2, '0')}`,
              ...imported.counts,
            })}
          />
        )}
        {problems.length > 0 && (
          <Alert
            type="error"
            showIcon
            data-testid="statistics-import-problems"
            title={t('reconciliation.import.problems', { count: problems.length })}
            description={
              <ul style={{ margin: 0, paddingInlineStart: 20 }}>
                {problems.map((p) => (
                  <li key={`${p.row}-${p.column ?? ''}-${p.message}`}>
                    {t('reconciliation.import.where', { row: p.row, column: p.column ?? '' })}
                    {p.message}
                  </li>
                ))}
              </ul>
            }
          />
        )}
        {preview && !imported && (
          <>
            <Table<StatisticsImportRow>
              size="small"
              rowKey="row"
              pagination={false}
              dataSource={preview.rows}
              data-testid="statistics-import-preview"
              columns={[
                { title: t('reconciliation.import.row'), dataIndex: 'row', width: 70 },
                { title: t('reconciliation.code'), dataIndex: 'projectCode' },
                { title: t('reconciliation.project'), dataIndex: 'projectName' },
                {
                  title: t('reconciliation.statistics'),
                  dataIndex: 'yearToDateWanYuan',
                  ...amountColumn,
                  render: (v: string) => formatTableAmount(v),
                },
                {
                  title: t('reconciliation.import.before'),
                  dataIndex: 'previousWanYuan',
                  ...amountColumn,
                  render: (v: string | null) =>
                    v === null ? t('reconciliation.import.new') : formatTableAmount(v),
                },
              ]}
            />
            <Flex gap={8} justify="flex-end">
              <Button
                type="primary"
                disabled={preview.problems.length > 0 || preview.rows.length === 0}
                loading={commit.mutation.isPending}
                onClick={confirm}
                data-testid="statistics-import-confirm"
              >
                {t('reconciliation.import.confirm', { count: preview.rows.length })}
              </Button>
            </Flex>
          </>
        )}
      </Flex>
    </Drawer>
  );
}
