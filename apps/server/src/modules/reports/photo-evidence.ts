import { chinaDate, type PhotoFinding, reportPhotoWindow } from '@tuijin/domain';
import { and, asc, eq, isNull } from 'drizzle-orm';
import type { Clock, Ctx } from '../../context';
import type { Queryable } from '../../db/database';
import { monthlyReports, projectFiles } from '../../db/schema';
import { type SitePhoto, sitePhotoEvidence } from '../project-files';
import type { ReportProject } from './report-context';

type FileRow = typeof projectFiles.$inferSelect;

/**
 * A reader of report photos' evidence for one project: each photo judged against the project's site
 * and the report's window (domain `reportPhotoWindow`: from the month before to the report month's
 * end or today). Warnings only, never blocking a submission.
 */
export async function photoEvidenceReader(ctx: Pick<Ctx, 'db' | 'clock'>, project: ReportProject) {
  const evidence = await sitePhotoEvidence(ctx, project);
  return (report: { year: number; month: number }, photo: FileRow): PhotoFinding[] =>
    evidence.findings(photo, reportPhotoWindow(report.year, report.month, evidence.today));
}
export type PhotoEvidenceReader = Awaited<ReturnType<typeof photoEvidenceReader>>;

/**
 * A project's monthly report photos (its 形象进度): each report's live photo files, labelled
 * 「2026年10月月报」, documenting the report month's last day, in the report's window (domain
 * `reportPhotoWindow`). The caller has checked the reader may see the project (they are its files).
 */
export async function reportPhotosOfProject(
  ctx: { db: Queryable; clock: Clock },
  projectId: string,
): Promise<SitePhoto[]> {
  const rows = await ctx.db
    .select({
      file: projectFiles,
      report: { id: monthlyReports.id, year: monthlyReports.year, month: monthlyReports.month },
    })
    .from(projectFiles)
    .innerJoin(monthlyReports, eq(monthlyReports.id, projectFiles.monthlyReportId))
    .where(
      and(
        eq(projectFiles.projectId, projectId),
        eq(projectFiles.kind, 'photo'),
        isNull(projectFiles.deletedAt),
      ),
    )
    .orderBy(asc(monthlyReports.year), asc(monthlyReports.month), asc(projectFiles.uploadedAt));
  const today = chinaDate(ctx.clock.now());
  return rows.map(({ file, report }) => ({
    file,
    source: 'report' as const,
    sourceId: report.id,
    sourceLabel: `${report.year}年${report.month}月月报`,
    documentsOn: reportMonthEnd(report.year, report.month),
    window: reportPhotoWindow(report.year, report.month, today),
  }));
}

/** The last day of a report's month (YYYY-MM-DD). */
function reportMonthEnd(year: number, month: number) {
  const days = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${year}-${String(month).padStart(2, '0')}-${String(days).padStart(2, '0')}`;
}
