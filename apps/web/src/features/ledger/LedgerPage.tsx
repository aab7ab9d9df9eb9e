import { DownloadOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { fileRoutes, type LedgerImportResult, type LedgerPreview } from '@tuijin/contracts';
import { Alert, Button, Card, Flex, InputNumber, Popconfirm, Table, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { projectKeys } from '../projects/projects.queries';
import { RegionTreeSelect } from '../regions/RegionTreeSelect';
import { LedgerImported } from './LedgerImported';
import { LedgerResult } from './LedgerResult';
import { importLedgerFile, type LedgerOptions, LedgerRefusal, previewLedger } from './ledger.api';
import { useLedgerColumns } from './ledger-columns';
import { refusalText, UploadProgress, useUpload, XlsxUploadStep } from './ledger-upload';

/**
 * 台账导入: an office uploads its project ledger (.xlsx), sees what the import would do with each
 * record (new, update with the changed fields, unchanged) and every problem by sheet, row and
 * column — nothing is written — then confirms or cancels. The commit is one transaction.
 */
export default function LedgerPage() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [file, setFile] = useState<File | null>(null);
  const [region, setRegion] = useState<string | null>(null);
  const [year, setYear] = useState<number | null>(null);
  const options: LedgerOptions = { regionCode: region, year };
  const check = useUpload<LedgerPreview>(previewLedger);
  const commit = useUpload<LedgerImportResult>(importLedgerFile);
  const columns = useLedgerColumns();

  const start = (chosen: File) => {
    setFile(chosen);
    commit.mutation.reset();
    check.mutation.mutate({ file: chosen, options });
  };
  const cancel = () => {
    setFile(null);
    check.mutation.reset();
    commit.mutation.reset();
  };
  const confirm = () => {
    if (!file) return;
    commit.mutation.mutate(
      { file, options },
      { onSuccess: () => void queryClient.invalidateQueries({ queryKey: projectKeys.all }) },
    );
  };
  const preview = check.mutation.data;
  const name = file?.name ?? '';

  if (commit.mutation.isSuccess) {
    return (
      <Card title={t('ledger.title')}>
        <LedgerImported result={commit.mutation.data} onAnother={cancel} />
      </Card>
    );
  }

  const refusal = commit.mutation.error instanceof LedgerRefusal ? commit.mutation.error : null;
  return (
    <Card
      title={t('ledger.title')}
      extra={
        <Button
          icon={<DownloadOutlined />}
          href={fileRoutes.ledgerTemplate}
          download
          data-testid="ledger-template"
        >
          {t('ledger.template')}
        </Button>
      }
    >
      <Flex vertical gap={16}>
        <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
          {t('ledger.intro')}
        </Typography.Paragraph>
        <Flex gap={8} align="center" wrap>
          <Typography.Text>{t('ledger.region')}</Typography.Text>
          <RegionTreeSelect
            className="tj-filter-md"
            style={{ minWidth: 340 }}
            value={region ?? undefined}
            onChange={(value) => setRegion(value ?? null)}
            placeholder={t('ledger.regionAuto')}
            disabled={check.mutation.isPending || commit.mutation.isPending}
            data-testid="ledger-region"
          />
          <Typography.Text>{t('ledger.year')}</Typography.Text>
          <InputNumber<number>
            min={2000}
            max={2100}
            precision={0}
            style={{ width: 260 }}
            value={year}
            onChange={(value) => setYear(value ?? null)}
            placeholder={t('ledger.yearAuto')}
            disabled={check.mutation.isPending || commit.mutation.isPending}
            data-testid="ledger-year"
          />
        </Flex>
        <XlsxUploadStep
          testId="ledger"
          disabled={check.mutation.isPending || commit.mutation.isPending}
          onFile={start}
          check={check}
          texts={{
            drop: t('ledger.drop'),
            dropHint: t('ledger.dropHint'),
            uploading: t('ledger.uploading', { name }),
            checking: t('ledger.checking'),
            refused: t('ledger.refused', { name }),
          }}
        />
        {preview && (
          <>
            <Flex justify="space-between" align="center" wrap gap={8}>
              <Typography.Title level={5} style={{ margin: 0 }}>
                {t('ledger.resultOf', { name })}
              </Typography.Title>
              <Flex gap={8}>
                <Button onClick={cancel} disabled={commit.mutation.isPending} data-testid="ledger-cancel">
                  {t('ledger.cancel')}
                </Button>
                <Popconfirm
                  title={t('ledger.confirmTitle')}
                  description={t('ledger.confirmText', {
                    created: preview.counts.created,
                    updated: preview.counts.updated,
                  })}
                  okText={t('ledger.confirm')}
                  cancelText={t('ledger.cancel')}
                  onConfirm={confirm}
                  disabled={preview.isBlocked}
                >
                  <Button
                    type="primary"
                    disabled={preview.isBlocked}
                    loading={commit.mutation.isPending}
                    data-testid="ledger-confirm"
                  >
                    {t('ledger.confirm')}
                  </Button>
                </Popconfirm>
              </Flex>
            </Flex>
            <Typography.Text data-testid="ledger-plan">
              {t('ledger.plan', {
                created: preview.counts.created,
                updated: preview.counts.updated,
                unchanged: preview.counts.unchanged,
                invalid: preview.counts.invalid,
              })}
            </Typography.Text>
            {preview.isBlocked && (
              <Alert type="error" showIcon title={t('ledger.blocked')} data-testid="ledger-blocked" />
            )}
            <Alert
              type="info"
              showIcon
              data-testid="ledger-plan-figures"
              title={
                preview.planYears.length > 0
                  ? t('ledger.planFiguresNote', {
                      years: preview.planYears.join('、'),
                      created: preview.counts.plansCreated,
                      updated: preview.counts.plansUpdated,
                      skipped: preview.counts.plansSkipped,
                    })
                  : t('ledger.planFiguresNone')
              }
            />
            {commit.mutation.isPending && (
              <UploadProgress
                percent={commit.percent}
                uploading={t('ledger.uploading', { name })}
                processing={t('ledger.importing')}
              />
            )}
            {commit.mutation.isError && (
              <Alert
                type="error"
                showIcon
                data-testid="ledger-import-refusal"
                title={t('ledger.importRefused')}
                description={
                  refusal ? (
                    <Table
                      size="small"
                      rowKey={(p) => `${p.sheet}:${p.row}:${p.column}:${p.message}`}
                      pagination={false}
                      columns={columns.problems}
                      dataSource={refusal.problems.map((p, key) => ({ ...p, key }))}
                    />
                  ) : (
                    refusalText(commit.mutation.error)
                  )
                }
              />
            )}
            <LedgerResult preview={preview} />
          </>
        )}
      </Flex>
    </Card>
  );
}
