import { useMutation } from '@tanstack/react-query';
import { Flex, Progress, Spin, Typography } from 'antd';
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
