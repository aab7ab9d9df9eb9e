import { ArrowLeftOutlined, DownloadOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import {
  type ApprovalImportCell,
  type ApprovalImportItemState,
  type ApprovalImportProblem,
  type ApprovalImportResult,
  type ApprovalImportRow,
  fileRoutes,
} from '@tuijin/contracts';
import { Alert, Button, Card, Collapse, Flex, Space, Table, Tag, Tooltip, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { LedgerRefusal, uploadLedger } from '../ledger/ledger.api';
import { refusalText, useUpload, XlsxUploadStep } from '../ledger/ledger-upload';
import { cellKey, localisedParams, mayConfirmImport, problemsByCell } from './approval-import-logic';
import { approvalKeys } from './approvals.queries';
import './approvals.css';

const send =
  (url: string) => (file: File, _options: Record<string, never>, onProgress: (percent: number) => void) =>
    uploadLedger<ApprovalImportResult>(url, file, {}, onProgress);

const actionColours: Record<ApprovalImportCell['action'], string> = {
  create: 'blue',
  update: 'gold',
  unchanged: 'default',
  invalid: 'red',
};

/**
 * 导入前期手续台账: the template and the cell grammar, upload → preview (every project row and
 * procedure cell: created, updated, unchanged or wrong, and the problems by sheet, row and column)
 * → confirm (the same file again; one transaction on the server) → what was imported.
 */
export default function ApprovalImportPage() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [file, setFile] = useState<File | null>(null);
  const check = useUpload(send(fileRoutes.previewApprovalImport));
  const commit = useUpload(send(fileRoutes.importApprovals));
  const preview = check.mutation.data;
  const imported = commit.mutation.data;

  const problemText = (p: ApprovalImportProblem) =>
    t(`approvalImport.issue.${p.issue}`, {
      ...localisedParams(
        p,
        (status) => t(`approvals.status.${status}` as 'approvals.status.approved'),
        (hint) => t(`approvalImport.issue.${hint}` as 'approvalImport.issue.hintGaps'),
      ),
      interpolation: { escapeValue: false },
    });
  const stateText = (state: ApprovalImportItemState | null) =>
    state
      ? [t(`approvals.status.${state.status}`), state.on, state.approvalNumber].filter(Boolean).join(' ')
      : t('approvalImport.notListed');

  const start = (chosen: File) => {
    setFile(chosen);
    commit.mutation.reset();
    check.mutation.mutate({ file: chosen, options: {} });
  };
  const confirm = () => {
    if (!file) return;
    commit.mutation.mutate(
      { file, options: {} },
      { onSuccess: () => void queryClient.invalidateQueries({ queryKey: approvalKeys.all }) },
    );
  };
  const refusedProblems =
    commit.mutation.error instanceof LedgerRefusal
      ? (commit.mutation.error.problems as unknown as ApprovalImportProblem[])
      : null;
  const shown = refusedProblems ? { problems: refusedProblems } : preview;
  const byCell = problemsByCell(shown?.problems ?? []);
  const counts = (imported ?? preview)?.counts;

  return (
    <Card
      title={t('approvalImport.title')}
      extra={
        <Space>
          <Link to="/approvals">
            <ArrowLeftOutlined /> {t('menu.approvals')}
          </Link>
          <Button
            icon={<DownloadOutlined />}
            href={fileRoutes.approvalImportTemplate}
            download
            data-testid="approval-import-template"
          >
            {t('approvalImport.template')}
          </Button>
        </Space>
      }
      data-testid="approval-import"
    >
      <Flex vertical gap={16}>
        <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
          {t('approvalImport.intro')} {t('approvalImport.templateHelp')}
        </Typography.Paragraph>
        <Collapse
          size="small"
          items={[
            {
              key: 'grammar',
              label: t('approvalImport.grammarTitle'),
              children: (
                <ul style={{ margin: 0, paddingInlineStart: 20 }} data-testid="approval-import-grammar">
                  {(
                    [
                      'project',
                      'headings',
                      'blank',
                      'date',
                      'status',
                      'gaps',
                      'notNeeded',
                      'forward',
                    ] as const
                  ).map((key) => (
                    <li key={key}>{t(`approvalImport.grammar.${key}`)}</li>
                  ))}
                </ul>
              ),
            },
          ]}
        />
        {!imported && (
          <XlsxUploadStep
            testId="approval-import"
            disabled={check.mutation.isPending || commit.mutation.isPending}
            onFile={start}
            check={check}
            texts={{
              drop: t('approvalImport.drop'),
              dropHint: t('approvalImport.dropHint'),
              uploading: t('approvalImport.uploading'),
              checking: t('approvalImport.checking'),
              refused: t('approvalImport.refused'),
            }}
          />
        )}
        {counts && (
          <Alert
            type={imported ? 'success' : preview?.isBlocked ? 'error' : 'info'}
            showIcon
            data-testid="approval-import-summary"
            title={
              imported
                ? t('approvalImport.imported', {
                    created: counts.itemsCreated,
                    updated: counts.itemsUpdated,
                    unchanged: counts.itemsUnchanged,
                  })
                : preview?.isBlocked
                  ? t('approvalImport.blocked')
                  : t('approvalImport.ready')
            }
            description={t('approvalImport.summary', {
              rows: counts.rows,
              projects: counts.projects,
              created: counts.itemsCreated,
              updated: counts.itemsUpdated,
              unchanged: counts.itemsUnchanged,
              errors: counts.errors,
              warnings: counts.warnings,
            })}
            action={
              imported ? (
                <Button
                  onClick={() => {
                    commit.mutation.reset();
                    check.mutation.reset();
                    setFile(null);
                  }}
                >
                  {t('approvalImport.another')}
                </Button>
              ) : (
                <Button
                  type="primary"
                  disabled={!mayConfirmImport(preview)}
                  loading={commit.mutation.isPending}
                  onClick={confirm}
                  data-testid="approval-import-confirm"
                >
                  {t('approvalImport.confirm')}
                </Button>
              )
            }
          />
        )}
        {commit.mutation.isError && !refusedProblems && (
          <Alert type="error" showIcon title={refusalText(commit.mutation.error)} />
        )}
        {(shown?.problems.length ?? 0) > 0 && (
          <Table<ApprovalImportProblem>
            size="small"
            title={() => <Typography.Text strong>{t('approvalImport.problems')}</Typography.Text>}
            rowKey={(p) => `${cellKey(p.sheet, p.row, p.column)}|${p.issue}|${JSON.stringify(p.params)}`}
            dataSource={shown?.problems ?? []}
            pagination={{ pageSize: 20, hideOnSinglePage: true }}
            scroll={{ x: 'max-content' }}
            data-testid="approval-import-problems"
            columns={[
              { key: 'sheet', title: t('approvalImport.columns.sheet'), dataIndex: 'sheet' },
              { key: 'row', title: t('approvalImport.columns.row'), dataIndex: 'row', align: 'right' },
              { key: 'column', title: t('approvalImport.columns.column'), render: (_, p) => p.column ?? '—' },
              {
                key: 'severity',
                title: t('approvalImport.columns.severity'),
                render: (_, p) => (
                  <Tag color={p.severity === 'error' ? 'red' : 'orange'}>
                    {t(`approvalImport.severity.${p.severity}`)}
                  </Tag>
                ),
              },
              {
                key: 'message',
                title: t('approvalImport.columns.message'),
                render: (_, p) => problemText(p),
              },
            ]}
          />
        )}
        {(imported ?? preview) && (
          <Table<ApprovalImportRow>
            size="small"
            title={() => <Typography.Text strong>{t('approvalImport.rows')}</Typography.Text>}
            rowKey={(r) => `${r.sheet}|${r.row}`}
            dataSource={(imported ?? preview)?.rows ?? []}
            pagination={{ pageSize: 20, hideOnSinglePage: true }}
            scroll={{ x: 'max-content' }}
            data-testid="approval-import-rows"
            rowClassName={(r) => (byCell.has(cellKey(r.sheet, r.row, null)) ? 'tj-import-row-error' : '')}
            columns={[
              { key: 'row', title: t('approvalImport.columns.row'), render: (_, r) => `${r.sheet} ${r.row}` },
              { key: 'project', title: t('approvalImport.columns.project'), dataIndex: 'projectText' },
              {
                key: 'matched',
                title: t('approvalImport.columns.matched'),
                render: (_, r) =>
                  r.projectId ? (
                    <Link to={`/projects/${r.projectId}?tab=approvals`}>{r.projectName}</Link>
                  ) : (
                    <Tooltip
                      title={(byCell.get(cellKey(r.sheet, r.row, null)) ?? []).map(problemText).join('；')}
                    >
                      <Tag color="red">{t('approvalImport.unmatched')}</Tag>
                    </Tooltip>
                  ),
              },
              {
                key: 'cells',
                title: t('approvalImport.columns.cells'),
                render: (_, r) => (
                  <Flex vertical gap={4}>
                    {r.cells.some((cell) => cell.action === 'unchanged') && (
                      <Typography.Text type="secondary">
                        {t('approvalImport.unchangedCells', {
                          count: r.cells.filter((cell) => cell.action === 'unchanged').length,
                        })}
                      </Typography.Text>
                    )}
                    {r.cells
                      .filter((cell) => cell.action !== 'unchanged')
                      .map((cell) => {
                        const problems = byCell.get(cellKey(r.sheet, r.row, cell.column)) ?? [];
                        return (
                          <div key={cell.column} data-testid="approval-import-cell" data-action={cell.action}>
                            <Tag color={actionColours[cell.action]}>
                              {cell.column} · {t(`approvalImport.cellAction.${cell.action}`)}
                            </Tag>
                            <Typography.Text strong>{cell.procedureName ?? cell.heading}</Typography.Text>{' '}
                            {cell.action !== 'invalid' && (
                              <Typography.Text type="secondary">
                                {stateText(cell.before)} → {stateText(cell.after)}
                                {cell.missingMaterials.length > 0 &&
                                  `（${cell.missingMaterials.join('、')}）`}
                              </Typography.Text>
                            )}
                            {problems.map((p) => (
                              <Typography.Text
                                key={p.issue}
                                type={p.severity === 'error' ? 'danger' : 'warning'}
                                style={{ display: 'block' }}
                              >
                                {problemText(p)}
                              </Typography.Text>
                            ))}
                          </div>
                        );
                      })}
                  </Flex>
                ),
              },
            ]}
          />
        )}
      </Flex>
    </Card>
  );
}
