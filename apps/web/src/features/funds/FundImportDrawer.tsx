import { DownloadOutlined } from '@ant-design/icons';
import {
  type FundImportProblem,
  type FundImportResult,
  type FundImportRow,
  fileRoutes,
} from '@tuijin/contracts';
import { Alert, Button, Drawer, Flex, Table, type TableColumnsType, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { amountColumn, formatTableAmount } from '../../lib/amount';
import { LedgerRefusal } from '../ledger/ledger.api';
import { refusalText, useUpload, XlsxUploadStep } from '../ledger/ledger-upload';
import { mayConfirmFundImport, problemsByRow } from './fund-import-logic';
import { importFundsFile, previewFundImport, useRefreshFunds } from './funds.queries';

/**
 * 导入资金台账: the template, upload → preview (each row's allocation or payment, new or already
 * recorded, and every problem by row) → confirm (the same file again, one transaction) → done.
 */
export function FundImportDrawer({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const [file, setFile] = useState<File | null>(null);
  const check = useUpload<FundImportResult, null>(previewFundImport);
  const commit = useUpload<FundImportResult, null>(importFundsFile);
  const refresh = useRefreshFunds();
  const preview = check.mutation.data;
  const imported = commit.mutation.data;
  const refused =
    commit.mutation.error instanceof LedgerRefusal
      ? (commit.mutation.error.problems as unknown as FundImportProblem[])
      : null;
  const problems = problemsByRow(refused ?? preview?.problems ?? []);

  const start = (chosen: File) => {
    setFile(chosen);
    commit.mutation.reset();
    check.mutation.mutate({ file: chosen, options: null });
  };
  const confirm = () => {
    if (!file) return;
    commit.mutation.mutate({ file, options: null }, { onSuccess: () => void refresh() });
  };
  const close = () => {
    check.mutation.reset();
    commit.mutation.reset();
    setFile(null);
    onClose();
  };

  const columns: TableColumnsType<FundImportRow> = [
    { title: t('funds.import.row'), dataIndex: 'row', width: 60 },
    {
      title: t('funds.import.record'),
      dataIndex: 'record',
      render: (record: FundImportRow['record'], row) => (
        <Flex gap={4} wrap>
          {t(`funds.import.records.${record}`)}
          <Tag color={row.status === 'created' ? 'green' : 'default'}>
            {t(`funds.import.statuses.${row.status}`)}
          </Tag>
        </Flex>
      ),
    },
    {
      title: t('funds.page.project'),
      dataIndex: 'projectName',
      render: (name: string, row) => (
        <Flex vertical>
          {name}
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {row.projectCode}
          </Typography.Text>
        </Flex>
      ),
    },
    {
      title: t('funds.kind'),
      dataIndex: 'kind',
      render: (kind: FundImportRow['kind']) => t(`funds.kinds.${kind}`),
    },
    { title: t('funds.year'), dataIndex: 'year' },
    { title: t('funds.batch'), dataIndex: 'batch', render: (batch: string | null) => batch ?? '' },
    {
      title: t('funds.import.amount'),
      dataIndex: 'amountWanYuan',
      ...amountColumn,
      render: (v: string) => formatTableAmount(v),
    },
    { title: t('funds.import.on'), dataIndex: 'on' },
    { title: t('funds.import.text'), dataIndex: 'text', render: (text: string | null) => text ?? '' },
  ];

  return (
    <Drawer
      open={open}
      onClose={close}
      size="large"
      title={t('funds.import.title')}
      data-testid="fund-import"
      extra={
        <Button icon={<DownloadOutlined />} href={fileRoutes.fundImportTemplate} download>
          {t('funds.import.template')}
        </Button>
      }
    >
      <Flex vertical gap={16}>
        <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
          {t('funds.import.intro')}
        </Typography.Paragraph>
        {!imported && (
          <XlsxUploadStep
            testId="fund-import"
            disabled={check.mutation.isPending || commit.mutation.isPending}
            onFile={start}
            check={check}
            texts={{
              drop: t('funds.import.drop'),
              dropHint: t('funds.import.dropHint'),
              uploading: t('funds.import.uploading'),
              checking: t('funds.import.checking'),
              refused: t('funds.import.refused'),
            }}
          />
        )}
        {imported && (
          <Alert
            type="success"
            showIcon
            data-testid="fund-import-done"
            title={t('funds.import.done', { ...imported.counts })}
          />
        )}
        {commit.mutation.isError && !refused && (
          <Alert
            type="error"
            showIcon
            title={t('funds.import.failed')}
            description={refusalText(commit.mutation.error)}
          />
        )}
        {problems.length > 0 && (
          <Alert
            type="error"
            showIcon
            data-testid="fund-import-problems"
            title={t('funds.import.problems', { count: (refused ?? preview?.problems ?? []).length })}
            description={
              <ul style={{ margin: 0, paddingInlineStart: 20 }}>
                {problems.map((entry) => (
                  <li key={entry.row}>
                    {t('funds.import.atRow', { row: entry.row })}
                    {entry.problems
                      .map((p) =>
                        p.column
                          ? `${t('funds.import.atColumn', { column: p.column })}${p.message}`
                          : p.message,
                      )
                      .join('；')}
                  </li>
                ))}
              </ul>
            }
          />
        )}
        {preview && !imported && (
          <>
            <Typography.Text data-testid="fund-import-summary">
              {t('funds.import.summary', { ...preview.counts })}
            </Typography.Text>
            <Table<FundImportRow>
              size="small"
              rowKey="row"
              pagination={false}
              scroll={{ x: 'max-content' }}
              dataSource={preview.rows}
              data-testid="fund-import-preview"
              columns={columns}
            />
            <Flex gap={8} justify="flex-end">
              <Button
                type="primary"
                disabled={!mayConfirmFundImport(preview)}
                loading={commit.mutation.isPending}
                onClick={confirm}
                data-testid="fund-import-confirm"
              >
                {t('funds.import.confirm', {
                  count: preview.counts.allocationsCreated + preview.counts.paymentsCreated,
                })}
              </Button>
            </Flex>
          </>
        )}
      </Flex>
    </Drawer>
  );
}
