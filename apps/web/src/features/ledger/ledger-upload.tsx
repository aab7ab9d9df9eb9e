import { InboxOutlined } from '@ant-design/icons';
import { useMutation } from '@tanstack/react-query';
import { Alert, Flex, Progress, Spin, Typography, Upload } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { ApiError } from '../../api/client';
import { errorText } from '../../api/error-text';
import type { LedgerOptions, LedgerUpload } from './ledger.api';

/** Why the server refused the file: its detail on `file`, `region`, `year` or `sheetYears`, else the error text. */
export function refusalText(error: unknown): string {
  const detail =
    error instanceof ApiError
      ? error.details.find((d) => ['file', 'region', 'year', 'sheetYears'].includes(d.path))
      : undefined;
  return detail?.message ?? errorText(error);
}

/** Runs one upload at a time, aborting the previous one, and reports its upload progress. */
export function useUpload<T, O = LedgerOptions>(
  send: (file: File, options: O, onProgress: (p: number) => void) => LedgerUpload<T>,
) {
  const [percent, setPercent] = useState(0);
  const current = useRef<LedgerUpload<T> | null>(null);
  const mutation = useMutation<T, unknown, { file: File; options: O }>({
    mutationFn: ({ file, options }) => {
      current.current?.abort();
      setPercent(0);
      const upload = send(file, options, setPercent);
      current.current = upload;
      return upload.result.finally(() => {
        if (current.current === upload) current.current = null;
      });
    },
  });
  useEffect(() => () => current.current?.abort(), []);
  return { mutation, percent };
}

export function UploadProgress({
  percent,
  uploading,
  processing,
}: {
  percent: number;
  uploading: string;
  processing: string;
}) {
  return (
    <Flex vertical gap={4} data-testid="ledger-progress">
      <Typography.Text>{percent < 100 ? uploading : processing}</Typography.Text>
      {percent < 100 ? (
        <Progress percent={percent} size="small" data-testid="ledger-upload-progress" />
      ) : (
        <Spin data-testid="ledger-processing" />
      )}
    </Flex>
  );
}

/**
 * The first step of both ledger imports: the drop zone for one .xlsx, its upload progress and the
 * server's refusal. `testId` prefixes the parts (`<testId>-upload`, `<testId>-refusal`).
 */
export function XlsxUploadStep({
  testId,
  disabled,
  onFile,
  check,
  texts,
}: {
  testId: string;
  disabled: boolean;
  onFile: (file: File) => void;
  check: { mutation: { isPending: boolean; isError: boolean; error: unknown }; percent: number };
  texts: { drop: string; dropHint: string; uploading: string; checking: string; refused: string };
}) {
  return (
    <>
      <div data-testid={`${testId}-upload`}>
        <Upload.Dragger
          accept=".xlsx"
          multiple={false}
          maxCount={1}
          showUploadList={false}
          disabled={disabled}
          customRequest={({ file: chosen, onSuccess }) => {
            onFile(chosen as File);
            onSuccess?.(null);
          }}
        >
          <p className="ant-upload-drag-icon">
            <InboxOutlined />
          </p>
          <p className="ant-upload-text">{texts.drop}</p>
          <p className="ant-upload-hint">{texts.dropHint}</p>
        </Upload.Dragger>
      </div>
      {check.mutation.isPending && (
        <UploadProgress percent={check.percent} uploading={texts.uploading} processing={texts.checking} />
      )}
      {check.mutation.isError && (
        <Alert
          type="error"
          showIcon
          data-testid={`${testId}-refusal`}
          title={texts.refused}
          description={refusalText(check.mutation.error)}
        />
      )}
    </>
  );
}
