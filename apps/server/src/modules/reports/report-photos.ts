import { AppError, authorize, canTransitionReport } from '@tuijin/domain';
import type { Ctx } from '../../context';
import type { FileStore } from '../../lib/file-store';
import { type IncomingFile, uploadProjectFiles } from '../project-files';
import { assertOwner, loadReport } from './report-context';

/**
 * The owner adds site photos to a draft or returned report. They are stored as the project's files
 * (same sniffing, size caps, thumbnails and EXIF time/place) carrying the report's id, so they also
 * appear in the project's file list. Only photos (the `reportPhoto` purpose): a document is refused by its bytes.
 */
export async function uploadReportPhotos(
  ctx: Ctx,
  store: FileStore,
  reportId: string,
  files: IncomingFile[],
) {
  const { report, project } = await loadReport(ctx, reportId);
  authorize(ctx.actor, 'report.submit');
  assertOwner(ctx, project);
  if (!canTransitionReport(report.status, 'save'))
    throw new AppError('INVALID_TRANSITION', '月报已报送或已审核，不能再添加照片');
  return uploadProjectFiles(ctx, store, project.id, files, {
    monthlyReportId: report.id,
    purpose: 'reportPhoto',
  });
}
