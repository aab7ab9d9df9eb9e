import {
  fileRoutes,
  type LedgerImportResult,
  type LedgerPreview,
  type LedgerReportsResult,
} from '@tuijin/contracts';
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

/** The form fields of a ledger upload, from the options (blank ones left out). */
function ledgerFields({ regionCode, year }: LedgerOptions): Record<string, string> {
  return {
    ...(regionCode ? { region: regionCode } : {}),
    ...(year !== null ? { year: String(year) } : {}),
  };
}

/**
 * Sends one ledger file as multipart (the form fields first, then the `file` part).
 * XMLHttpRequest rather than fetch, because only it reports upload progress; same origin, so the
 * browser sends Origin and the session cookie itself.
 */
export function uploadLedger<T>(
  url: string,
  file: File,
  fields: Record<string, string>,
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
    for (const [name, value] of Object.entries(fields)) form.append(name, value);
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
  uploadLedger<LedgerPreview>(fileRoutes.previewLedger, file, ledgerFields(options), onProgress);

/**
 * The import: one transaction on the server. A repeat is harmless by design — the records are
 * matched by code or name + owner, so a second run finds them unchanged and writes nothing.
 */
export const importLedgerFile = (file: File, options: LedgerOptions, onProgress: (percent: number) => void) =>
  uploadLedger<LedgerImportResult>(fileRoutes.importLedger, file, ledgerFields(options), onProgress);

/** What a progress-ledger upload asks: a dry run or the import, and the years the user gave. */
export interface LedgerReportsOptions {
  dryRun: boolean;
  /** Per sheet whose title names no year, the year the user gave. */
  sheetYears: Record<string, number>;
}

/**
 * A progress ledger (月度进展台账) → that period's reports: the dry run (rolled back on the server)
 * or the import (one transaction; a month already reported is never overwritten, so a repeat
 * writes nothing twice).
 */
export const importLedgerReportsFile = (
  file: File,
  { dryRun, sheetYears }: LedgerReportsOptions,
  onProgress: (percent: number) => void,
) =>
  uploadLedger<LedgerReportsResult>(
    fileRoutes.importLedgerReports,
    file,
    {
      dryRun: String(dryRun),
      ...(Object.keys(sheetYears).length > 0 ? { sheetYears: JSON.stringify(sheetYears) } : {}),
    },
    onProgress,
  );
