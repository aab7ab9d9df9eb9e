import { buildPath, fileRoutes } from '@tuijin/contracts';
import { uploadFiles } from '../../api/project-files';

/**
 * Uploads site photos to a monthly report; they are stored with the project's files and linked to
 * the report. A refusal throws the API error.
 */
export const uploadReportPhotos = (reportId: string, files: readonly File[]) =>
  uploadFiles(buildPath(fileRoutes.uploadReportPhotos, { id: reportId }), files);
