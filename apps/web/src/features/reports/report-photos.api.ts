import { buildPath, fileRoutes, type ProjectFile } from '@tuijin/contracts';
import { ApiError, newIdempotencyKey } from '../../api/client';

type ErrorPayload = {
  error?: { code?: string; message?: string; details?: { path: string; message: string }[] };
} | null;

/**
 * Uploads site photos to a monthly report as one multipart request (parts named `files`); they are
 * stored with the project's files and linked to the report. A refusal throws {@link ApiError}.
 */
export async function uploadReportPhotos(reportId: string, files: readonly File[]): Promise<ProjectFile[]> {
  const form = new FormData();
  for (const file of files) form.append('files', file, file.name);
  const response = await fetch(buildPath(fileRoutes.uploadReportPhotos, { id: reportId }), {
    method: 'POST',
    body: form,
    headers: { accept: 'application/json', 'idempotency-key': newIdempotencyKey() },
    credentials: 'same-origin',
  });
  const payload: unknown = await response.json().catch(() => null);
  if (!response.ok) {
    const error = (payload as ErrorPayload)?.error;
    throw new ApiError(
      response.status,
      error?.code ?? 'INTERNAL',
      error?.message ?? response.statusText,
      error?.details ?? [],
    );
  }
  return (payload as { data: ProjectFile[] }).data;
}
