import { fileRoutes, type LedgerImportResult, type LedgerPreview } from '@tuijin/contracts';
import { ApiError } from '../../api/client';

type ErrorPayload = {
  error?: { code?: string; message?: string; details?: { path: string; message: string }[] };
} | null;

export interface LedgerUpload<T> {
  /** Settles with the answer, or rejects with {@link ApiError} (a refusal) or a TypeError (network). */
  result: Promise<T>;
  abort: () => void;
}

/** A refused import (422): the error, plus every problem by sheet, row and column. */
export class LedgerRefusal extends ApiError {
  constructor(
    message: string,
    details: { path: string; message: string }[],
    readonly problems: LedgerPreview['problems'],
  ) {
    super(422, 'VALIDATION_FAILED', message, details);
  }
}

/** The optional form fields sent with a ledger: where its projects are, which plan year. */
export interface LedgerOptions {
  regionCode: string | null;
  year: number | null;
}

/**
 * Sends one ledger file as multipart (optional `region` and `year` fields, then the `file` part).
 * XMLHttpRequest rather than fetch, because only it reports upload progress; same origin, so the
 * browser sends Origin and the session cookie itself.
 */
function uploadLedger<T>(
  url: string,
  file: File,
  { regionCode, year }: LedgerOptions,
  onProgress: (percent: number) => void,
): LedgerUpload<T> {
  const request = new XMLHttpRequest();
  const result = new Promise<T>((resolve, reject) => {
    request.open('POST', url);
    request.setRequestHeader('accept', 'application/json');
    request.responseType = 'text';
    request.upload.onprogress = (event) => {
      if (event.lengthComputable && event.total > 0)
        onProgress(Math.round((event.loaded / event.total) * 100));
    };
    request.upload.onload = () => onProgress(100);
    request.onload = () => {
      let payload: unknown = null;
      try {
        payload = JSON.parse(request.responseText);
      } catch {
        payload = null;
      }
      if (request.status >= 200 && request.status < 300 && payload) {
        resolve(payload as T);
        return;
      }
      const error = (payload as ErrorPayload)?.error;
      const problems = (payload as { problems?: LedgerPreview['problems'] } | null)?.problems;
      if (request.status === 422 && problems) {
        reject(new LedgerRefusal(error?.message ?? request.statusText, error?.details ?? [], problems));
        return;
      }
      reject(
        new ApiError(
          request.status,
          error?.code ?? 'INTERNAL',
          error?.message ?? request.statusText,
          error?.details ?? [],
        ),
      );
    };
    request.onerror = () => reject(new TypeError('network'));
    request.onabort = () => reject(new DOMException('aborted', 'AbortError'));
    const form = new FormData();
    if (regionCode) form.append('region', regionCode);
    if (year !== null) form.append('year', String(year));
    form.append('file', file, file.name);
    request.send(form);
  });
  return { result, abort: () => request.abort() };
}

/**
 * The check: what an import would do with each record, computed by the import itself and rolled
 * back. No idempotency key: it writes nothing, so a retry is harmless.
 */
export const previewLedger = (file: File, options: LedgerOptions, onProgress: (percent: number) => void) =>
  uploadLedger<LedgerPreview>(fileRoutes.previewLedger, file, options, onProgress);

/**
 * The import: one transaction on the server. A repeat is harmless by design — the records are
 * matched by code or name + owner, so a second run finds them unchanged and writes nothing.
 */
export const importLedgerFile = (file: File, options: LedgerOptions, onProgress: (percent: number) => void) =>
  uploadLedger<LedgerImportResult>(fileRoutes.importLedger, file, options, onProgress);
