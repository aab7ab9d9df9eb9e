import { fileRoutes, type LedgerPreview } from '@tuijin/contracts';
import { ApiError } from '../../api/client';

type ErrorPayload = {
  error?: { code?: string; message?: string; details?: { path: string; message: string }[] };
} | null;

export interface LedgerUpload {
  /** Settles with the preview, or rejects with {@link ApiError} (a refusal) or a TypeError (network). */
  result: Promise<LedgerPreview>;
  abort: () => void;
}

/**
 * Sends one ledger file to the dry-run check as multipart (one part named `file`). XMLHttpRequest
 * rather than fetch, because only it reports upload progress; same origin, so the browser sends
 * Origin and the session cookie itself. No idempotency key: the check writes nothing, so a retry is
 * harmless and the server need not store the (possibly large) answer for replay.
 */
export function previewLedger(file: File, onProgress: (percent: number) => void): LedgerUpload {
  const request = new XMLHttpRequest();
  const result = new Promise<LedgerPreview>((resolve, reject) => {
    request.open('POST', fileRoutes.previewLedger);
    request.setRequestHeader('accept', 'application/json');
    request.responseType = 'text';
    request.upload.onprogress = (event) => {
      if (event.lengthComputable && event.total > 0)
        onProgress(Math.round((event.loaded / event.total) * 100));
    };
    request.onload = () => {
      let payload: unknown = null;
      try {
        payload = JSON.parse(request.responseText);
      } catch {
        payload = null;
      }
      if (request.status >= 200 && request.status < 300 && payload) {
        resolve(payload as LedgerPreview);
        return;
      }
      const error = (payload as ErrorPayload)?.error;
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
    form.append('file', file, file.name);
    request.send(form);
  });
  return { result, abort: () => request.abort() };
}
