import type { AdjustMilestoneNode, PlanMilestones, RecordMilestoneActual } from '@tuijin/contracts';
import { AppError, authorize, chinaDate, scheduleNodes, startNodeCode } from '@tuijin/domain';
import { eq } from 'drizzle-orm';
import type { Ctx } from '../../context';
import { milestoneAdjustments, milestoneNodes, milestonePlans, projects } from '../../db/schema';
import { assertProjectFile, scopedProject } from '../../lib/project-scope';
import { approvalEarliestStart } from '../approvals';
import { recordAudit, updateVersioned } from '../audit';
import { loadHolidayCalendar } from '../calendar';
import { getProjectMilestones, mayManageMilestones, mayRecordActual } from './milestones.queries';
import { templatesFor } from './templates';

const stale = '节点计划已被他人修改，请刷新后重试';

/**
 * 倒排节点计划: the nodes of a template usable in the project's region, scheduled back from the
 * target node's date on the working-day calendar (domain `scheduleNodes`; what is already late runs
 * forward from today). A draft may be re-planned (its version given); nodes already reached keep
 * their actual dates. A frozen plan is changed node by node, with reasons. The 开工 node (the
 * template's marker) may not fall before the approvals' earliest start (手续最早可开工): such a plan is
 * refused with both dates (`issue: startBeforeApprovals`), and `fromEarliestStart` plans instead with
 * 开工 on that date (backward before it, forward after it).
 */
export async function planProjectMilestones(ctx: Ctx, projectId: string, input: PlanMilestones) {
  authorize(ctx.actor, 'milestone.manage');
  const project = await scopedProject(ctx.db, ctx.actor, projectId);
  if (!mayManageMilestones(ctx.actor, project))
    throw new AppError('FORBIDDEN', '只有项目所在辖区的重点办可以编制节点计划');
  const template = (await templatesFor(ctx.db, project.regionPath)).find(
    (t) => t.template.id === input.templateId,
  )?.template;
  if (!template?.active)
    throw new AppError('VALIDATION_FAILED', '所选节点模板不适用于本项目所在辖区', [
      { path: 'templateId', message: '模板不可用' },
    ]);
  const [existing] = await ctx.db
    .select()
    .from(milestonePlans)
    .where(eq(milestonePlans.projectId, projectId));
  if (existing?.status === 'frozen')
    throw new AppError('CONFLICT', '节点计划已冻结为基线，请逐个节点调整并说明理由');
  if (existing && existing.version !== input.version) throw new AppError('CONFLICT', stale);
  const old = existing
    ? await ctx.db.select().from(milestoneNodes).where(eq(milestoneNodes.projectId, projectId))
    : [];
  const reached = new Map(old.filter((n) => n.actualOn).map((n) => [n.code, n.actualOn!]));
  const today = chinaDate(ctx.clock.now());
  const startCode = startNodeCode(template.nodes);
  const approvals = await approvalEarliestStart(ctx.db, projectId, ctx.clock.now());
  const earliest = startCode && !reached.has(startCode) ? approvals.earliestStartOn : null;
  if (input.fromEarliestStart && !earliest)
    throw new AppError(
      'VALIDATION_FAILED',
      startCode ? '本项目没有开工前须办结的前期手续，无最早可开工日期' : '所选模板没有开工节点',
      [{ path: 'fromEarliestStart', message: startCode ? '无最早可开工日期' : '模板没有开工节点' }],
    );
  const target =
    input.fromEarliestStart && startCode && earliest
      ? { code: startCode, on: earliest }
      : { code: input.targetCode, on: input.targetOn };
  const scheduled = scheduleNodes(template.nodes, target, today, await loadHolidayCalendar(ctx.db), reached);
  const start = scheduled.find((s) => s.code === startCode);
  if (start && earliest && start.plannedOn < earliest) {
    const name = template.nodes.find((n) => n.code === startCode)?.name ?? '开工';
    const message = `按目标日期倒排，“${name}”在 ${start.plannedOn}，早于前期手续最早可开工日期 ${earliest}`;
    throw new AppError('VALIDATION_FAILED', `${message}；请推后目标日期，或从最早可开工日期起排`, [
      {
        path: 'targetOn',
        message,
        issue: 'startBeforeApprovals',
        params: { startOn: start.plannedOn, earliestStartOn: earliest, node: name },
      },
    ]);
  }
  const now = ctx.clock.now();
  await ctx.db.transaction(async (tx) => {
    if (existing) {
      await tx.delete(milestoneNodes).where(eq(milestoneNodes.projectId, projectId));
      // The plan's audit event names the new nodes, so it is recorded below once they are in.
      await updateVersioned(tx, ctx, {
        table: milestonePlans,
        where: eq(milestonePlans.projectId, projectId),
        version: existing.version,
        set: { templateName: template.name, targetCode: target.code, targetOn: target.on, updatedAt: now },
        audit: () => null,
        conflict: stale,
      });
    } else {
      await tx.insert(milestonePlans).values({
        projectId,
        templateName: template.name,
        targetCode: target.code,
        targetOn: target.on,
        createdAt: now,
        updatedAt: now,
      });
    }
    const previous = new Map(old.map((n) => [n.code, n]));
    await tx.insert(milestoneNodes).values(
      template.nodes.map((node, index) => ({
        projectId,
        code: node.code,
        name: node.name,
        durationDays: node.durationDays,
        dependsOn: node.dependsOn,
        sortOrder: (index + 1) * 10,
        plannedOn: scheduled[index]!.plannedOn,
        actualOn: reached.get(node.code) ?? null,
        actualFileId: previous.get(node.code)?.actualFileId ?? null,
        actualNote: previous.get(node.code)?.actualNote ?? null,
        actualBy: previous.get(node.code)?.actualBy ?? null,
        createdAt: now,
        updatedAt: now,
      })),
    );
    await recordAudit(tx, ctx, {
      action: 'milestone.plan',
      entityType: 'project',
      entityId: projectId,
      regionPath: project.regionPath,
      detail: {
        template: template.name,
        target: target.code,
        targetOn: target.on,
        ...(input.fromEarliestStart ? { fromEarliestStart: true } : {}),
        ...(earliest ? { earliestStartOn: earliest } : {}),
        late: scheduled.filter((s) => s.isLate).map((s) => s.code),
        replanned: existing !== undefined,
      },
    });
  });
  return getProjectMilestones(ctx.db, ctx.actor, projectId, now);
}

/** 冻结基线: the draft's planned dates become the baseline; later changes are adjustments with reasons. */
export async function freezeProjectMilestones(ctx: Ctx, projectId: string, version: number) {
  authorize(ctx.actor, 'milestone.manage');
  const project = await scopedProject(ctx.db, ctx.actor, projectId);
  if (!mayManageMilestones(ctx.actor, project))
    throw new AppError('FORBIDDEN', '只有项目所在辖区的重点办可以冻结节点计划');
  const [plan] = await ctx.db.select().from(milestonePlans).where(eq(milestonePlans.projectId, projectId));
  if (!plan) throw new AppError('NOT_FOUND', '项目尚无节点计划');
  if (plan.status === 'frozen') throw new AppError('CONFLICT', `节点计划已于 ${plan.frozenOn} 冻结`);
  const today = chinaDate(ctx.clock.now());
  await ctx.db.transaction(async (tx) => {
    await updateVersioned(tx, ctx, {
      table: milestonePlans,
      where: eq(milestonePlans.projectId, projectId),
      version,
      set: { status: 'frozen', frozenOn: today, frozenBy: ctx.actor.displayName, updatedAt: ctx.clock.now() },
      audit: () => ({
        action: 'milestone.freeze',
        entityType: 'project',
        entityId: projectId,
        regionPath: project.regionPath,
        changes: { status: { before: 'draft', after: 'frozen' } },
      }),
      conflict: stale,
    });
    const nodes = await tx.select().from(milestoneNodes).where(eq(milestoneNodes.projectId, projectId));
    for (const node of nodes)
      await tx
        .update(milestoneNodes)
        .set({ baselineOn: node.plannedOn })
        .where(eq(milestoneNodes.id, node.id));
  });
  return getProjectMilestones(ctx.db, ctx.actor, projectId, ctx.clock.now());
}

async function nodeWithProject(ctx: Ctx, nodeId: string) {
  const [row] = await ctx.db
    .select({ node: milestoneNodes, plan: milestonePlans })
    .from(milestoneNodes)
    .innerJoin(milestonePlans, eq(milestonePlans.projectId, milestoneNodes.projectId))
    .innerJoin(projects, eq(projects.id, milestoneNodes.projectId))
    .where(eq(milestoneNodes.id, nodeId));
  if (!row) throw new AppError('NOT_FOUND', '节点不存在');
  const project = await scopedProject(ctx.db, ctx.actor, row.node.projectId).catch(() => {
    throw new AppError('NOT_FOUND', '节点不存在');
  });
  return { ...row, project };
}

/**
 * Moves a node's planned date (the office). While the plan is a draft that is all; once frozen the
 * reason is required and the move is kept as an adjustment beside the baseline.
 */
export async function adjustMilestoneNode(ctx: Ctx, nodeId: string, input: AdjustMilestoneNode) {
  authorize(ctx.actor, 'milestone.manage');
  const { node, plan, project } = await nodeWithProject(ctx, nodeId);
  if (!mayManageMilestones(ctx.actor, project))
    throw new AppError('FORBIDDEN', '只有项目所在辖区的重点办可以调整节点计划');
  const reason = input.reason?.trim() ?? '';
  if (plan.status === 'frozen' && reason.length === 0)
    throw new AppError('VALIDATION_FAILED', '节点计划已冻结，调整须说明理由', [
      { path: 'reason', message: '必填' },
    ]);
  if (node.actualOn)
    throw new AppError('CONFLICT', `“${node.name}”已于 ${node.actualOn} 完成，不能再调整计划`);
  const now = ctx.clock.now();
  await ctx.db.transaction(async (tx) => {
    await updateVersioned(tx, ctx, {
      table: milestoneNodes,
      where: eq(milestoneNodes.id, nodeId),
      version: input.version,
      set: { plannedOn: input.plannedOn, updatedAt: now },
      audit: () => ({
        action: 'milestone.adjust',
        entityType: 'milestoneNode',
        entityId: nodeId,
        regionPath: project.regionPath,
        changes: { plannedOn: { before: node.plannedOn, after: input.plannedOn } },
        detail: {
          projectId: project.id,
          node: node.name,
          ...(reason ? { reason } : {}),
          frozen: plan.status === 'frozen',
        },
      }),
      conflict: stale,
    });
    if (plan.status === 'frozen')
      await tx.insert(milestoneAdjustments).values({
        nodeId,
        projectId: project.id,
        fromOn: node.plannedOn,
        toOn: input.plannedOn,
        reason,
        actorName: ctx.actor.displayName,
        at: now,
      });
  });
  return getProjectMilestones(ctx.db, ctx.actor, project.id, now);
}

/** Records a node reached (the owner, its service officer or the office), with optional evidence. */
export async function recordMilestoneActual(ctx: Ctx, nodeId: string, input: RecordMilestoneActual) {
  authorize(ctx.actor, 'milestone.recordActual');
  const { node, project } = await nodeWithProject(ctx, nodeId);
  if (!mayRecordActual(ctx.actor, project)) throw new AppError('FORBIDDEN', '无权填报该项目的节点完成情况');
  const today = chinaDate(ctx.clock.now());
  if (input.actualOn > today)
    throw new AppError('VALIDATION_FAILED', '实际完成日期不能晚于今天', [
      { path: 'actualOn', message: '不能晚于今天' },
    ]);
  if (input.fileId) await assertProjectFile(ctx.db, input.fileId, project.id, '佐证材料');
  const now = ctx.clock.now();
  await ctx.db.transaction((tx) =>
    updateVersioned(tx, ctx, {
      table: milestoneNodes,
      where: eq(milestoneNodes.id, nodeId),
      version: input.version,
      set: {
        actualOn: input.actualOn,
        actualFileId: input.fileId ?? null,
        actualNote: input.note?.trim() || null,
        actualBy: ctx.actor.displayName,
        updatedAt: now,
      },
      audit: () => ({
        action: 'milestone.actual',
        entityType: 'milestoneNode',
        entityId: nodeId,
        regionPath: project.regionPath,
        changes: { actualOn: { before: node.actualOn, after: input.actualOn } },
        detail: {
          projectId: project.id,
          node: node.name,
          plannedOn: node.plannedOn,
          ...(input.fileId ? { fileId: input.fileId } : {}),
        },
      }),
      conflict: stale,
    }),
  );
  return getProjectMilestones(ctx.db, ctx.actor, project.id, now);
}
