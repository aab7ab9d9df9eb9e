import type { FieldVisit, RecordFieldVisit } from '@tuijin/contracts';
import { AppError, authorize, chinaDate, pathInSubtree } from '@tuijin/domain';
import { and, asc, count, desc, eq, gte, inArray, isNull, lte, type SQL } from 'drizzle-orm';
import type { Ctx } from '../../context';
import {
  fieldVisitFiles,
  fieldVisitProblems,
  fieldVisitProjects,
  fieldVisits,
  problems,
  projectFiles,
  projects,
} from '../../db/schema';
import { regionByCode } from '../../lib/region-lookup';
import { inRegionSubtree } from '../../lib/scope';
import { recordAudit } from '../audit';
import { mayManageMeetingsIn, visitScope } from './dispatch-scope';
import { visitPhotoJudge, visitProjectsAndPhotos } from './visit-photos';

type VisitRow = typeof fieldVisits.$inferSelect;

async function presentVisits(ctx: Pick<Ctx, 'db' | 'clock'>, rows: VisitRow[]): Promise<FieldVisit[]> {
  const ids = rows.map((r) => r.id);
  const [{ visited, photos }, found] = await Promise.all([
    visitProjectsAndPhotos(ctx.db, ids),
    ids.length === 0
      ? []
      : ctx.db
          .select({
            visitId: fieldVisitProblems.visitId,
            id: problems.id,
            referenceNumber: problems.referenceNumber,
            status: problems.status,
          })
          .from(fieldVisitProblems)
          .innerJoin(problems, eq(problems.id, fieldVisitProblems.problemId))
          .where(inArray(fieldVisitProblems.visitId, ids))
          .orderBy(asc(problems.referenceNumber)),
  ]);
  const judge = visitPhotoJudge(ctx);
  return Promise.all(
    rows.map(async (row) => {
      const projectsOfVisit = visited.get(row.id) ?? [];
      return {
        id: row.id,
        regionCode: row.regionCode,
        visitorKind: row.visitorKind,
        visitorUserId: row.visitorUserId,
        visitorOrganisationId: row.visitorOrganisationId,
        visitorName: row.visitorName,
        visitedOn: row.visitedOn,
        summary: row.summary,
        solvedOnSpot: row.solvedOnSpot,
        projects: projectsOfVisit.map(({ id, name }) => ({ id, name })),
        problems: found
          .filter((p) => p.visitId === row.id)
          .map(({ id, referenceNumber, status }) => ({ id, referenceNumber, status })),
        photos: await Promise.all(
          (photos.get(row.id) ?? []).map((file) => judge(row, projectsOfVisit, file)),
        ),
        createdByName: row.createdByName,
      };
    }),
  );
}

/**
 * 登记走访: the office records a visit by a leader, department or service group to projects of its
 * jurisdiction (a visit never in the future), audited.
 */
export async function recordFieldVisit(ctx: Ctx, input: RecordFieldVisit): Promise<FieldVisit> {
  authorize(ctx.actor, 'dispatch.manage');
  const region = await regionByCode(ctx.db, input.regionCode);
  if (!mayManageMeetingsIn(ctx.actor, region.path)) throw new AppError('FORBIDDEN', '只能登记本辖区的走访');
  if (input.visitedOn > chinaDate(ctx.clock.now()))
    throw new AppError('VALIDATION_FAILED', '走访日期不能晚于今天', [
      { path: 'visitedOn', message: '不能晚于今天' },
    ]);
  const wanted = [...new Set(input.projectIds)];
  const found = await ctx.db
    .select({ id: projects.id, path: projects.regionPath })
    .from(projects)
    .where(inArray(projects.id, wanted));
  const outside = wanted.filter(
    (id) => !found.some((p) => p.id === id && pathInSubtree(p.path, region.path)),
  );
  if (outside.length > 0)
    throw new AppError('VALIDATION_FAILED', `有 ${outside.length} 个项目不在${region.name}`, [
      { path: 'projectIds', message: '项目不在本辖区' },
    ]);
  const fileIds = [...new Set(input.fileIds ?? [])];
  const files =
    fileIds.length === 0
      ? []
      : await ctx.db
          .select({ id: projectFiles.id })
          .from(projectFiles)
          .where(
            and(
              inArray(projectFiles.id, fileIds),
              inArray(projectFiles.projectId, wanted),
              isNull(projectFiles.deletedAt),
            ),
          );
  if (files.length !== fileIds.length)
    throw new AppError('VALIDATION_FAILED', '现场照片应先上传为所走访项目的项目文件', [
      { path: 'fileIds', message: '照片不属于走访的项目' },
    ]);
  const id = await ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(fieldVisits)
      .values({
        regionCode: region.code,
        regionPath: region.path,
        visitorKind: input.visitorKind,
        visitorUserId: input.visitorUserId ?? null,
        visitorOrganisationId: input.visitorOrganisationId ?? null,
        visitorName: input.visitorName,
        visitedOn: input.visitedOn,
        summary: input.summary ?? '',
        solvedOnSpot: input.solvedOnSpot ?? 0,
        createdBy: ctx.actor.userId,
        createdByName: ctx.actor.displayName,
        createdAt: ctx.clock.now(),
        updatedAt: ctx.clock.now(),
      })
      .returning();
    await tx.insert(fieldVisitProjects).values(wanted.map((projectId) => ({ visitId: row!.id, projectId })));
    if (fileIds.length > 0)
      await tx.insert(fieldVisitFiles).values(fileIds.map((fileId) => ({ visitId: row!.id, fileId })));
    await recordAudit(tx, ctx, {
      action: 'fieldVisit.record',
      entityType: 'field_visit',
      entityId: row!.id,
      regionPath: region.path,
      detail: {
        visitorName: input.visitorName,
        visitedOn: input.visitedOn,
        projects: wanted.length,
        photos: fileIds.length,
      },
    });
    return row!.id;
  });
  const [row] = await ctx.db.select().from(fieldVisits).where(eq(fieldVisits.id, id));
  return (await presentVisits(ctx, [row!]))[0]!;
}

/** 走访记录 of the actor's jurisdiction (or a region in it), newest first. */
export async function listFieldVisits(
  ctx: Ctx,
  query: {
    page: number;
    pageSize: number;
    from?: string;
    to?: string;
    regionCode?: string;
    visitor?: string;
    id?: string;
  },
) {
  authorize(ctx.actor, 'meeting.read');
  const where: SQL[] = [visitScope(ctx.actor)];
  if (query.regionCode)
    where.push(inRegionSubtree(fieldVisits.regionPath, (await regionByCode(ctx.db, query.regionCode)).path));
  if (query.from) where.push(gte(fieldVisits.visitedOn, query.from));
  if (query.to) where.push(lte(fieldVisits.visitedOn, query.to));
  if (query.visitor) where.push(eq(fieldVisits.visitorName, query.visitor));
  if (query.id) where.push(eq(fieldVisits.id, query.id));
  const [total] = await ctx.db
    .select({ n: count() })
    .from(fieldVisits)
    .where(and(...where));
  const rows = await ctx.db
    .select()
    .from(fieldVisits)
    .where(and(...where))
    .orderBy(desc(fieldVisits.visitedOn), asc(fieldVisits.id))
    .limit(query.pageSize)
    .offset((query.page - 1) * query.pageSize);
  return {
    data: await presentVisits(ctx, rows),
    page: { total: total?.n ?? 0, page: query.page, pageSize: query.pageSize },
  };
}

/**
 * 走访发现的问题: a problem raised through the problem loop on one of the visit's projects is linked to
 * the visit (its coverage counts it); the office of the visit's region only.
 */
export async function linkVisitProblem(ctx: Ctx, visitId: string, problemId: string): Promise<FieldVisit> {
  authorize(ctx.actor, 'dispatch.manage');
  const [visit] = await ctx.db
    .select()
    .from(fieldVisits)
    .where(and(eq(fieldVisits.id, visitId), visitScope(ctx.actor)));
  if (!visit) throw new AppError('NOT_FOUND', '走访记录不存在');
  if (!mayManageMeetingsIn(ctx.actor, visit.regionPath))
    throw new AppError('FORBIDDEN', '只能维护本辖区的走访');
  const [problem] = await ctx.db
    .select({ id: problems.id, projectId: problems.projectId })
    .from(problems)
    .innerJoin(fieldVisitProjects, eq(fieldVisitProjects.projectId, problems.projectId))
    .where(and(eq(problems.id, problemId), eq(fieldVisitProjects.visitId, visitId)));
  if (!problem)
    throw new AppError('VALIDATION_FAILED', '该问题不属于本次走访的项目', [
      { path: 'problemId', message: '不属于走访的项目' },
    ]);
  await ctx.db.transaction(async (tx) => {
    const linked = await tx
      .insert(fieldVisitProblems)
      .values({ visitId, problemId })
      .onConflictDoNothing()
      .returning();
    if (linked.length > 0)
      await recordAudit(tx, ctx, {
        action: 'fieldVisit.linkProblem',
        entityType: 'field_visit',
        entityId: visitId,
        regionPath: visit.regionPath,
        detail: { problemId },
      });
  });
  const [row] = await ctx.db.select().from(fieldVisits).where(eq(fieldVisits.id, visitId));
  return (await presentVisits(ctx, [row!]))[0]!;
}
