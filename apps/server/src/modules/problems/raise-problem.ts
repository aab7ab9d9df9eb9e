import type { RaiseProblem } from '@tuijin/contracts';
import {
  AppError,
  authorize,
  chinaDate,
  chooseProblemRoute,
  isSystemActor,
  type ProblemStatus,
  transitionProblem,
  unresolvedProblemStatuses,
} from '@tuijin/domain';
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Ctx } from '../../context';
import type { Queryable } from '../../db/database';
import {
  dictionaryEntries,
  problemEvents,
  problemRoutingRules,
  problemSequences,
  problems,
  projects,
} from '../../db/schema';
import { projectScope } from '../../lib/project-scope';
import { regionOffice } from '../../lib/region-office';
import { ancestorPaths, isOwnerOnly } from '../../lib/scope';
import { lockApprovalItemOfProject } from '../approvals';
import { recordAudit } from '../audit';
import { loadHolidayCalendar } from '../calendar';
import { notify } from '../notifications';
import { handlerRecipients, handlerUserOf, ladderFor, problemLink } from './problem-context';

/**
 * The next reference number of a jurisdiction and year, WT-350902-2026-000123 (in the caller's
 * transaction). The region code makes it unique in the whole deployment; the sequence row is
 * upserted atomically, so two concurrent raises in one region wait for each other and never share
 * a number (and the unique index on `problems.reference_number` would refuse it if they did).
 */
async function nextReferenceNumber(tx: Queryable, regionCode: string, year: number): Promise<string> {
  const [row] = await tx
    .insert(problemSequences)
    .values({ regionCode, year, lastNumber: 1 })
    .onConflictDoUpdate({
      target: [problemSequences.regionCode, problemSequences.year],
      set: { lastNumber: sql`${problemSequences.lastNumber} + 1` },
    })
    .returning({ lastNumber: problemSequences.lastNumber });
  return formatReferenceNumber(regionCode, year, row!.lastNumber);
}

/** WT-<region code>-<year>-<six-digit sequence>, e.g. WT-350902-2026-000123. */
export function formatReferenceNumber(regionCode: string, year: number, sequence: number): string {
  return `WT-${regionCode}-${year}-${String(sequence).padStart(6, '0')}`;
}

/**
 * A problem about an approval item: the item is on the project's checklist (locked until commit, so
 * two raises on it wait for each other) and has no other problem still open — a broken 容缺 promise or
 * a slow department is one matter, followed in one problem; a second attempt is told which.
 */
async function assertNoOtherProblemOnItem(tx: Queryable, itemId: string, projectId: string) {
  const item = await lockApprovalItemOfProject(tx, itemId, projectId);
  const [existing] = await tx
    .select({ referenceNumber: problems.referenceNumber, id: problems.id })
    .from(problems)
    .where(and(eq(problems.approvalItemId, itemId), inArray(problems.status, [...unresolvedProblemStatuses])))
    .limit(1);
  if (existing)
    throw new AppError(
      'CONFLICT',
      `手续“${item.name}”已有未办结的问题 ${existing.referenceNumber}，请在该问题中继续跟进`,
      [
        {
          path: 'approvalItemId',
          message: `已有未办结的问题 ${existing.referenceNumber}`,
          issue: 'approvalItemHasProblem',
          params: { problemId: existing.id, referenceNumber: existing.referenceNumber },
        },
      ],
    );
}

/**
 * 登记问题 and 秒推: records a problem on a project the actor sees (owner in the app, service officer,
 * hotline operator, dispatch meeting), gives it the jurisdiction's next reference number, and in
 * the same transaction routes it — the most specific routing rule, else the region's office — with
 * a due date in working days, then notifies the handler's staff. A problem may name an approval item
 * of the project (at most one open problem per item). Timeline: raise, route. Audited as
 * `problem.raise`. An owner can only raise through the app; a hotline call needs the caller's name.
 */
export async function raiseProblem(
  ctx: Ctx,
  input: Omit<RaiseProblem, 'approvalItemId'> & { approvalItemId?: string | null },
): Promise<string> {
  authorize(ctx.actor, 'problem.raise');
  const [project] = await ctx.db
    .select({
      id: projects.id,
      name: projects.name,
      regionCode: projects.regionCode,
      regionPath: projects.regionPath,
    })
    .from(projects)
    .where(and(eq(projects.id, input.projectId), projectScope(ctx.actor)));
  if (!project)
    throw new AppError('NOT_FOUND', '项目不存在或无权查看', [{ path: 'projectId', message: '项目不存在' }]);
  const [category] = await ctx.db
    .select({ id: dictionaryEntries.id })
    .from(dictionaryEntries)
    .where(
      and(
        eq(dictionaryEntries.kind, 'problemCategory'),
        eq(dictionaryEntries.name, input.category),
        eq(dictionaryEntries.isActive, true),
      ),
    );
  if (!category)
    throw new AppError('VALIDATION_FAILED', `问题分类“${input.category}”不在问题分类字典中`, [
      { path: 'category', message: '请从问题分类中选择' },
    ]);
  if (isOwnerOnly(ctx.actor) && input.channel !== 'app')
    throw new AppError('VALIDATION_FAILED', '业主单位只能在线提交问题', [
      { path: 'channel', message: '业主单位的来源应为 app' },
    ]);
  if (input.channel === 'hotline' && !input.callerName)
    throw new AppError('VALIDATION_FAILED', '热线来电须填写来电人', [
      { path: 'callerName', message: '必填' },
    ]);

  const now = ctx.clock.now();
  const raisedOn = chinaDate(now);
  const calendar = await loadHolidayCalendar(ctx.db);
  const ladder = await ladderFor(ctx.db, project.regionPath);
  const rules = await ctx.db
    .select()
    .from(problemRoutingRules)
    .where(
      inArray(problemRoutingRules.regionPath, [...ancestorPaths(project.regionPath), project.regionPath]),
    )
    .orderBy(problemRoutingRules.createdAt);
  const office = (await regionOffice(ctx.db, project.regionPath))?.id;
  const route = office
    ? chooseProblemRoute(
        rules,
        { category: input.category, regionPath: project.regionPath, raisedOn },
        { organisationId: office, limitWorkingDays: ladder?.levels[0]?.limitWorkingDays ?? null },
        calendar,
      )
    : null;

  return ctx.db.transaction(async (tx) => {
    if (input.approvalItemId) await assertNoOtherProblemOnItem(tx, input.approvalItemId, project.id);
    const referenceNumber = await nextReferenceNumber(tx, project.regionCode, Number(raisedOn.slice(0, 4)));
    // A routed problem makes the table's `route` move at once; the timeline below records both.
    const status: ProblemStatus = route ? transitionProblem('raised', 'route') : 'raised';
    const [row] = await tx
      .insert(problems)
      .values({
        referenceNumber,
        projectId: project.id,
        regionCode: project.regionCode,
        regionPath: project.regionPath,
        category: input.category,
        description: input.description,
        request: input.request,
        channel: input.channel,
        callerName: input.callerName,
        callerPhone: input.callerPhone,
        raisedBy: handlerUserOf(ctx.actor),
        raisedByName: ctx.actor.displayName,
        raisedByOrganisationId: isSystemActor(ctx.actor) ? null : ctx.actor.organisationId,
        raisedAt: now,
        status,
        level: 1,
        levelStartedOn: raisedOn,
        dueOn: route?.dueOn ?? raisedOn,
        limitWorkingDays: route?.limitWorkingDays ?? null,
        isDueOnProvisional: route?.isDueOnProvisional ?? false,
        handlerOrganisationId: route?.handlerOrganisationId ?? null,
        routingRuleId: route?.ruleId ?? null,
        approvalItemId: input.approvalItemId ?? null,
        createdAt: now,
        updatedAt: now,
      })
      .returning();
    const problem = row!;
    const event = {
      problemId: problem.id,
      fromLevel: null,
      toLevel: 1,
      actorId: ctx.actor.userId,
      actorName: ctx.actor.displayName,
      at: now,
    };
    await tx
      .insert(problemEvents)
      .values({ ...event, action: 'raise', fromStatus: null, toStatus: 'raised' });
    if (route)
      await tx.insert(problemEvents).values({
        ...event,
        action: 'route',
        fromStatus: 'raised',
        toStatus: status,
        handlerOrganisationId: route.handlerOrganisationId,
        note: route.ruleId
          ? `按交办规则自动交办，${route.limitWorkingDays} 个工作日内办结`
          : '无适用规则，交本级重点办',
        actorName: '系统',
      });
    await recordAudit(tx, ctx, {
      action: 'problem.raise',
      entityType: 'project',
      entityId: project.id,
      regionPath: project.regionPath,
      detail: {
        problemId: problem.id,
        referenceNumber,
        category: input.category,
        channel: input.channel,
        handlerOrganisationId: route?.handlerOrganisationId ?? null,
        dueOn: problem.dueOn,
        ...(input.approvalItemId ? { approvalItemId: input.approvalItemId } : {}),
      },
    });
    if (route)
      await notify(tx, now, await handlerRecipients(tx, route.handlerOrganisationId), {
        kind: 'problem.assigned',
        params: {
          referenceNumber,
          projectName: project.name,
          category: input.category,
          dueOn: problem.dueOn,
        },
        link: problemLink(problem.id),
        dedupeKey: `problem.assigned:${problem.id}:${problem.version}`,
      });
    return problem.id;
  });
}
