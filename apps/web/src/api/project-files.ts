import { buildPath, fileRoutes, type ProjectFile } from '@tuijin/contracts';
import { ApiError, newIdempotencyKey } from './client';

type ErrorPayload = {
  error?: { code?: string; message?: string; details?: { path: string; message: string }[] };
} | null;

/**
 * Posts files as one multipart request (parts named `files`, after any form `fields`) to an upload path answering the
 * stored files. The browser sets the multipart content type with its boundary and sends Origin and
 * the session cookie itself. A refusal throws {@link ApiError}; its details name the refused files
 * (`path` is the file name).
 */
export async function uploadFiles(
  path: string,
  files: readonly File[],
  fields: Record<string, string> = {},
): Promise<ProjectFile[]> {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) form.append(name, value);
  for (const file of files) form.append('files', file, file.name);
  const response = await fetch(path, {
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

/** Uploads files to a project. */
export const uploadProjectFiles = (projectId: string, files: readonly File[]) =>
  uploadFiles(buildPath(fileRoutes.uploadProjectFiles, { id: projectId }), files);

/** Where a file's content is downloaded (as an attachment). */
export const projectFileUrl = (projectId: string, fileId: string) =>
  buildPath(fileRoutes.downloadProjectFile, { id: projectId, fileId });

/** Where a photo's JPEG thumbnail is served. */
export const projectThumbnailUrl = (projectId: string, fileId: string) =>
  buildPath(fileRoutes.projectFileThumbnail, { id: projectId, fileId });
