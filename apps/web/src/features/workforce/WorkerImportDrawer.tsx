import { DownloadOutlined } from '@ant-design/icons';
import {
  type Contractor,
  fileRoutes,
  type WorkerImportProblem,
  type WorkerImportResult,
} from '@tuijin/contracts';
import { Alert, Button, Drawer, Flex, Select, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { problemsByRow } from '../funds/fund-import-logic';
import { LedgerRefusal } from '../ledger/ledger.api';
import { refusalText, useUpload, XlsxUploadStep } from '../ledger/ledger-upload';
import { useRefreshWorkforce, workerImportCalls } from './workforce.queries';

/**
 * 导入花名册: template, the contractor for rows naming none, upload → preview (new / updated /
 * unchanged, every problem by row and column) → confirm (one transaction) → done.
 */
export function WorkerImportDrawer({
  projectId,
  contractors,
  open,
  isPhone,
  onClose,
}: {
  projectId: string;
  contractors: Contractor[];
  open: boolean;
  isPhone: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const [file, setFile] = useState<File | null>(null);
  const [contractorId, setContractorId] = useState<string | null>(contractors[0]?.id ?? null);
  const calls = workerImportCalls(projectId);
  const check = useUpload<WorkerImportResult, string | null>(calls.preview);
  const commit = useUpload<WorkerImportResult, string | null>(calls.commit);
  const refresh = useRefreshWorkforce();
  const preview = check.mutation.data;
  const imported = commit.mutation.data;
  const refused =
    commit.mutation.error instanceof LedgerRefusal
      ? (commit.mutation.error.problems as unknown as WorkerImportProblem[])
      : null;
  const all = refused ?? preview?.problems ?? [];
  const problems = problemsByRow(all);
  const start = (chosen: File) => {
    setFile(chosen);
    commit.mutation.reset();
    check.mutation.mutate({ file: chosen, options: contractorId });
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
      size={isPhone ? '100%' : 'large'}
      title={t('workforce.importTitle')}
      data-testid="worker-import"
      extra={
        <Button icon={<DownloadOutlined />} href={fileRoutes.workerImportTemplate} download>
          {t('workforce.importTemplate')}
        </Button>
      }
    >
      <Flex vertical gap={16}>
        <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
          {t('workforce.importIntro')}
        </Typography.Paragraph>
        <Flex vertical gap={4}>
          <Typography.Text>{t('workforce.importContractor')}</Typography.Text>
          <Select
            value={contractorId}
            onChange={setContractorId}
            options={contractors.map((c) => ({ value: c.id, label: c.name }))}
          />
        </Flex>
        {!imported && (
          <XlsxUploadStep
            testId="worker-import"
            disabled={check.mutation.isPending || commit.mutation.isPending}
            onFile={start}
            check={check}
            texts={{
              drop: t('workforce.importDrop'),
              dropHint: t('workforce.importDropHint'),
              uploading: t('workforce.importUploading'),
              checking: t('workforce.importChecking'),
              refused: t('workforce.importRefused'),
            }}
          />
        )}
        {imported && (
          <Alert
            type="success"
            showIcon
            data-testid="worker-import-done"
            title={t('workforce.importDone', imported.counts)}
          />
        )}
        {commit.mutation.isError && !refused && (
          <Alert
            type="error"
            showIcon
            title={t('workforce.importFailed')}
            description={refusalText(commit.mutation.error)}
          />
        )}
        {problems.length > 0 && (
          <Alert
            type="error"
            showIcon
            data-testid="worker-import-problems"
            title={t('workforce.importProblems', { count: all.length })}
            description={
              <ul style={{ margin: 0, paddingInlineStart: 20 }}>
                {problems.map((entry) => (
                  <li key={entry.row}>
                    {t('workforce.importAtRow', { row: entry.row })}
                    {entry.problems
                      .map((p) =>
                        p.column
                          ? `${t('workforce.importAtColumn', { column: p.column })}${p.message}`
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
            <Typography.Text data-testid="worker-import-summary">
              {t('workforce.importSummary', preview.counts)}
            </Typography.Text>
            <Table
              size="small"
              rowKey="row"
              pagination={{ pageSize: 50, hideOnSinglePage: true }}
              scroll={{ x: 'max-content' }}
              dataSource={preview.rows}
              columns={[
                { title: t('workforce.row'), dataIndex: 'row', width: 60 },
                { title: t('workforce.name'), dataIndex: 'name' },
                { title: t('workforce.idNumber'), dataIndex: 'idNumber' },
                { title: t('workforce.contractor'), dataIndex: 'contractorName' },
                { title: t('workforce.arrivedOn'), dataIndex: 'arrivedOn' },
                {
                  title: '',
                  dataIndex: 'status',
                  render: (s: 'created' | 'updated' | 'unchanged') => (
                    <Tag color={s === 'created' ? 'green' : s === 'updated' ? 'blue' : 'default'}>
                      {t(`workforce.importStatuses.${s}`)}
                    </Tag>
                  ),
                },
              ]}
            />
            <Flex justify="flex-end">
              <Button
                type="primary"
                disabled={
                  preview.problems.length > 0 ||
                  preview.counts.created + preview.counts.updated === 0 ||
                  !file
                }
                loading={commit.mutation.isPending}
                onClick={() =>
                  file &&
                  commit.mutation.mutate({ file, options: contractorId }, { onSuccess: () => void refresh() })
                }
                data-testid="worker-import-confirm"
              >
                {t('workforce.importConfirm')}
              </Button>
            </Flex>
          </>
        )}
      </Flex>
    </Drawer>
  );
}
