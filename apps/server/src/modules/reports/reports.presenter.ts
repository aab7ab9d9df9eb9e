import type { MonthlyReport, ReportFinding } from '@tuijin/contracts';
import { addDecimals, can, formatDecimal, parseDecimal } from '@tuijin/domain';
import type { Ctx } from '../../context';
import type { monthlyReportEvents, projectFiles } from '../../db/schema';
import { presentFile } from '../project-files';
import type { PhotoEvidenceReader } from './photo-evidence';
import type { ReportProject, ReportRow } from './report-context';

/** An exact amount as the wire carries it: "800.0000" → "800". */
export const money = (value: string) => formatDecimal(parseDecimal(value));
export const moneyOrNull = (value: string | null) => (value === null ? null : money(value));

export interface ReportExtras {
  /** Σ approved amounts of the year's months before this one. */
  approvedBeforeWanYuan: string;
  priorCompletedWanYuan: string | null;
  photos: (typeof projectFiles.$inferSelect)[];
  events: (typeof monthlyReportEvents.$inferSelect)[];
  /** Each photo's findings against the project's place and the report's month. */
  evidence: PhotoEvidenceReader;
}

/** Whether the actor is the owner unit reporting on this project. */
export const reportsFor = (ctx: Pick<Ctx, 'actor'>, project: ReportProject) =>
  can(ctx.actor, 'report.submit') && project.ownerOrganisationId === ctx.actor.organisationId;

/** A monthly report on the wire: typed fields, computed totals, events, photos and what the actor may do. */
export function presentReport(
  ctx: Pick<Ctx, 'actor'>,
  project: ReportProject,
  report: ReportRow,
  extras: ReportExtras,
): MonthlyReport {
  const ytd = addDecimals([extras.approvedBeforeWanYuan, report.completedWanYuan]);
  const editable = reportsFor(ctx, project) && (report.status === 'draft' || report.status === 'returned');
  return {
    id: report.id,
    projectId: project.id,
    projectName: project.name,
    projectCode: project.code,
    regionCode: project.regionCode,
    regionName: project.regionName,
    year: report.year,
    month: report.month,
    completedWanYuan: money(report.completedWanYuan),
    ytdWanYuan: ytd,
    sinceStartWanYuan: addDecimals([extras.priorCompletedWanYuan ?? '0', ytd]),
    progress: report.progress,
    actualStartOn: report.actualStartOn,
    actualCompletionOn: report.actualCompletionOn,
    actualOperationOn: report.actualOperationOn,
    inStatistics: report.inStatistics,
    statisticsWanYuan: moneyOrNull(report.statisticsWanYuan),
    workersOnSite: report.workersOnSite,
    status: report.status,
    dueOn: report.dueOn,
    late: report.late,
    submittedAt: report.submittedAt?.toISOString() ?? null,
    reviewedAt: report.reviewedAt?.toISOString() ?? null,
    reviewedByName: report.reviewedByName,
    returnReason: report.returnReason,
    findings: report.findings as ReportFinding[],
    version: report.version,
    updatedAt: report.updatedAt.toISOString(),
    photos: extras.photos.map((file) => ({
      ...presentFile(ctx, file),
      evidence: extras.evidence(report, file),
    })),
    events: extras.events.map((e) => ({
      id: e.id,
      action: e.action,
      reason: e.reason,
      actorName: e.actorName,
      at: e.at.toISOString(),
    })),
    abilities: {
      canEdit: editable,
      canSubmit: editable,
      canReview: report.status === 'submitted' && can(ctx.actor, 'report.review') && project.inReviewScope,
      canCorrect:
        report.status === 'approved' && can(ctx.actor, 'report.correct') && project.inCorrectionScope,
      canUploadPhotos: editable,
    },
  };
}
