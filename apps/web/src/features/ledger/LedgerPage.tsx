import { DownloadOutlined, InboxOutlined } from '@ant-design/icons';
import { useMutation } from '@tanstack/react-query';
import { fileRoutes, type LedgerPreview } from '@tuijin/contracts';
import { Alert, Button, Card, Flex, Progress, Spin, Typography, Upload } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client';
import { errorText } from '../../api/error-text';
import { LedgerResult } from './LedgerResult';
import { type LedgerUpload, previewLedger } from './ledger.api';

/** Why the server refused the file: its detail on `file` (e.g. 不是 Excel .xlsx 文件), else the error text. */
function refusalText(error: unknown): string {
  const detail = error instanceof ApiError ? error.details.find((d) => d.path === 'file') : undefined;
  return detail?.message ?? errorText(error);
}

/**
 * 台账预检: an office uploads its own project ledger (.xlsx) and sees what an import would take —
 * the project rows with amounts in 万元, the rows skipped and the problems to fix. Nothing is written.
 */
export default function LedgerPage() {
  const { t } = useTranslation();
  const [fileName, setFileName] = useState('');
  const [percent, setPercent] = useState(0);
  const current = useRef<LedgerUpload | null>(null);
  const check = useMutation<LedgerPreview, unknown, File>({
    mutationFn: (file) => {
      current.current?.abort();
      const upload = previewLedger(file, setPercent);
      current.current = upload;
      return upload.result.finally(() => {
        if (current.current === upload) current.current = null;
      });
    },
  });
  useEffect(() => () => current.current?.abort(), []);

  const start = (file: File) => {
    setFileName(file.name);
    setPercent(0);
    check.mutate(file);
  };

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
        <div data-testid="ledger-upload">
          <Upload.Dragger
            accept=".xlsx"
            multiple={false}
            maxCount={1}
            showUploadList={false}
            disabled={check.isPending}
            customRequest={({ file, onSuccess }) => {
              start(file as File);
              onSuccess?.(null);
            }}
          >
            <p className="ant-upload-drag-icon">
              <InboxOutlined />
            </p>
            <p className="ant-upload-text">{t('ledger.drop')}</p>
            <p className="ant-upload-hint">{t('ledger.dropHint')}</p>
          </Upload.Dragger>
        </div>
        {check.isPending && (
          <Flex vertical gap={4} data-testid="ledger-progress">
            <Typography.Text>
              {percent < 100 ? t('ledger.uploading', { name: fileName }) : t('ledger.checking')}
            </Typography.Text>
            {percent < 100 ? <Progress percent={percent} size="small" /> : <Spin />}
          </Flex>
        )}
        {check.isError && (
          <Alert
            type="error"
            showIcon
            data-testid="ledger-refusal"
            title={t('ledger.refused', { name: fileName })}
            description={refusalText(check.error)}
          />
        )}
        {check.isSuccess && (
          <>
            <Typography.Title level={5} style={{ margin: 0 }}>
              {t('ledger.resultOf', { name: fileName })}
            </Typography.Title>
            <LedgerResult preview={check.data} />
          </>
        )}
      </Flex>
    </Card>
  );
}
