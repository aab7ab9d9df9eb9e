import { useQueryClient } from '@tanstack/react-query';
import type { LedgerReportsResult } from '@tuijin/contracts';
import { Alert, Button, Card, Flex, Popconfirm, Result, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { LedgerReportsPreview, LedgerReportsProblems } from './LedgerReportsPreview';
import { importLedgerReportsFile, type LedgerReportsOptions } from './ledger.api';
import { refusalText, UploadProgress, useUpload, XlsxUploadStep } from './ledger-upload';

/** The years the user typed, keeping only whole years (a blank input is no year, never this year). */
const givenYears = (years: Record<string, number | null>): Record<string, number> =>
  Object.fromEntries(
    Object.entries(years).filter((entry): entry is [string, number] => typeof entry[1] === 'number'),
  );

function Imported({ result, onAnother }: { result: LedgerReportsResult; onAnother: () => void }) {
  const { t } = useTranslation();
  const warnings = result.problems.filter((p) => p.severity === 'warning').length;
  return (
    <Flex vertical gap={12}>
      <Result
        status="success"
        title={t('ledgerReports.importedTitle')}
        data-testid="ledger-reports-imported"
        subTitle={
          <span data-testid="ledger-reports-imported-counts">
            {t('ledgerReports.importedCounts', result.counts)}
            {warnings > 0 && t('ledgerReports.importedWarnings', { count: warnings })}
          </span>
        }
        extra={[
          <Link key="status" to="/reports/status">
            <Button type="primary">{t('ledgerReports.toReports')}</Button>
          </Link>,
          <Button key="again" onClick={onAnother} data-testid="ledger-reports-again">
            {t('ledgerReports.importAnother')}
          </Button>,
        ]}
      />
      {result.problems.length > 0 && <LedgerReportsProblems problems={result.problems} />}
    </Flex>
  );
}

/**
 * 导入进度表（月报）: an office uploads a progress workbook, sees per sheet the period its title
 * names (a sheet without a year gets a year input: never assumed), the report each row would
 * write and the warnings — nothing is written — fills missing years and checks again, then
 * confirms the real import (one transaction on the server) and sees what was written.
 */
export function LedgerReportsCard() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [file, setFile] = useState<File | null>(null);
  const [years, setYears] = useState<Record<string, number | null>>({});
  const check = useUpload<LedgerReportsResult, LedgerReportsOptions>(importLedgerReportsFile);
  const commit = useUpload<LedgerReportsResult, LedgerReportsOptions>(importLedgerReportsFile);
  const busy = check.mutation.isPending || commit.mutation.isPending;
  const name = file?.name ?? '';

  const runCheck = (chosen: File, sheetYears: Record<string, number>) => {
    commit.mutation.reset();
    check.mutation.mutate({ file: chosen, options: { dryRun: true, sheetYears } });
  };
  const start = (chosen: File) => {
    setFile(chosen);
    setYears({});
    runCheck(chosen, {});
  };
  const reset = () => {
    setFile(null);
    setYears({});
    check.mutation.reset();
    commit.mutation.reset();
  };
  const confirm = () => {
    if (!file) return;
    commit.mutation.mutate(
      { file, options: { dryRun: false, sheetYears: givenYears(years) } },
      { onSuccess: () => void queryClient.invalidateQueries() },
    );
  };
  const preview = check.mutation.data;
  // The years typed since the last check: the preview (and the confirm) must reflect them first.
  const checkedYears = JSON.stringify(check.mutation.variables?.options.sheetYears ?? {});
  const isStale = JSON.stringify(givenYears(years)) !== checkedYears;
  const canConfirm = !!preview && !isStale && preview.counts.created > 0;

  return (
    <Card title={t('ledgerReports.title')} data-testid="ledger-reports">
      {commit.mutation.isSuccess ? (
        <Imported result={commit.mutation.data} onAnother={reset} />
      ) : (
        <Flex vertical gap={16}>
          <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
            {t('ledgerReports.intro')}
          </Typography.Paragraph>
          <XlsxUploadStep
            testId="ledger-reports"
            disabled={busy}
            onFile={start}
            check={check}
            texts={{
              drop: t('ledgerReports.drop'),
              dropHint: t('ledgerReports.dropHint'),
              uploading: t('ledgerReports.uploading', { name }),
              checking: t('ledgerReports.checking'),
              refused: t('ledgerReports.refused', { name }),
            }}
          />
          {preview && (
            <>
              <Flex justify="space-between" align="center" wrap gap={8}>
                <Typography.Title level={5} style={{ margin: 0 }}>
                  {t('ledgerReports.resultOf', { name })}
                </Typography.Title>
                <Flex gap={8} wrap>
                  <Button onClick={reset} disabled={commit.mutation.isPending}>
                    {t('ledgerReports.cancel')}
                  </Button>
                  {isStale && file && (
                    <Button
                      onClick={() => runCheck(file, givenYears(years))}
                      disabled={busy}
                      data-testid="ledger-reports-recheck"
                    >
                      {t('ledgerReports.applyYears')}
                    </Button>
                  )}
                  <Popconfirm
                    title={t('ledgerReports.confirmTitle')}
                    description={t('ledgerReports.confirmText', { created: preview.counts.created })}
                    okText={t('ledgerReports.confirm')}
                    cancelText={t('ledgerReports.cancel')}
                    onConfirm={confirm}
                    disabled={!canConfirm}
                  >
                    <Button
                      type="primary"
                      disabled={!canConfirm || check.mutation.isPending}
                      loading={commit.mutation.isPending}
                      title={preview.counts.created === 0 ? t('ledgerReports.nothingToImport') : undefined}
                      data-testid="ledger-reports-confirm"
                    >
                      {t('ledgerReports.confirm')}
                    </Button>
                  </Popconfirm>
                </Flex>
              </Flex>
              <Typography.Text data-testid="ledger-reports-plan">
                {t('ledgerReports.plan', preview.counts)}
              </Typography.Text>
              {commit.mutation.isPending && (
                <UploadProgress
                  percent={commit.percent}
                  uploading={t('ledgerReports.uploading', { name })}
                  processing={t('ledgerReports.importing')}
                />
              )}
              {commit.mutation.isError && (
                <Alert
                  type="error"
                  showIcon
                  data-testid="ledger-reports-import-refusal"
                  title={t('ledgerReports.importRefused')}
                  description={refusalText(commit.mutation.error)}
                />
              )}
              <LedgerReportsPreview
                result={preview}
                years={years}
                onYear={(sheet, year) => setYears((all) => ({ ...all, [sheet]: year }))}
              />
            </>
          )}
        </Flex>
      )}
    </Card>
  );
}
