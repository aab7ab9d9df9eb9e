import type { ChangeProjectStage } from '@tuijin/contracts';
import {
  AppError,
  assertStageTransition,
  authorize,
  can,
  chinaDate,
  type ProjectStage,
  startBlockedMessage,
} from '@tuijin/domain';
import { asc, eq } from 'drizzle-orm';
import type { Ctx } from '../../context';
import type { Queryable } from '../../db/database';
import { projectStageChanges, projects } from '../../db/schema';
import { startBlockersOf } from '../approvals';
import { recordAudit, updateVersioned } from '../audit';
import { getProject } from './projects.queries';

/** The actual date a move to a stage states: 新开工/在建 the start, 竣工 the completion, 投产 the operation. */
function datedBy(to: ProjectStage, current: { actualStartOn: string | null }, on: string) {
  if (to === 'started') return { actualStartOn: on };
  if (to === 'underway') return current.actualStartOn === null ? { actualStartOn: on } : {};
  if (to === 'completed') return { actualCompletionOn: on };
  if (to === 'operating') return { actualOperationOn: on };
  return {};
}

/**
 * Moves a project to another lifecycle stage by the transition table (from the stage its dates
 * imply), recording date, person and reason. A move that states a fact sets the project's actual
 * date to the move's date (新开工 → actual start, 在建 → actual start when none is known, 竣工 →
 * completion, 投产 → operation): the office's edit with a reason, one of the ways the one truth
 * is kept. An illegal move is INVALID_TRANSITION naming the allowed ones; a date in the future or
 * a stale version is refused.
 *
 * 开工条件: a move to 新开工 is refused while a procedure required before start is open or a 容缺
 * promise is unfulfilled, naming each blocker (`details` with path `approvals`, issue `startBlocked`);
 * an office holding `approval.manage` may override with `overrideApprovals`, the reason being the
 * move's reason — recorded as its own audit event with the blockers.
 */
export async function changeProjectStage(ctx: Ctx, id: string, input: ChangeProjectStage) {
  const current = await getProject(ctx.db, ctx.actor, id, ctx.clock.now());
  authorize(ctx.actor, 'project.changeStage');
  // A stale form is a CONFLICT (someone moved it first), not an illegal move.
  if (current.version !== input.version) throw new AppError('CONFLICT');
  assertStageTransition(current.stage as ProjectStage, input.to);
  const today = chinaDate(ctx.clock.now());
  if (input.on > today)
    throw new AppError('VALIDATION_FAILED', '变更日期不能晚于今天', [
      { path: 'on', message: '不能晚于今天' },
    ]);
  const now = ctx.clock.now();
  const dates = datedBy(input.to, current, input.on);
  await ctx.db.transaction(async (tx) => {
    if (input.to === 'started') {
      const blockers = await startBlockersOf(tx, id);
      if (blockers.length > 0 && !(input.overrideApprovals && can(ctx.actor, 'approval.manage')))
        throw new AppError(
          'INVALID_TRANSITION',
          startBlockedMessage(blockers),
          blockers.map((b) => ({
            path: 'approvals',
            message: b.text,
            issue: 'startBlocked',
            params: { itemId: b.itemId },
          })),
        );
      if (blockers.length > 0)
        await recordAudit(tx, ctx, {
          action: 'project.start.override',
          entityType: 'project',
          entityId: id,
          regionPath: current.regionPath,
          detail: { reason: input.reason, blockers: blockers.map((b) => b.text) },
        });
    }
    await updateVersioned(tx, ctx, {
      table: projects,
      where: eq(projects.id, id),
      version: input.version,
      set: { stage: input.to, stageChangedOn: input.on, ...dates, updatedAt: now },
      audit: () => ({
        action: 'project.stage.change',
        entityType: 'project',
        entityId: id,
        regionPath: current.regionPath,
        changes: {
          stage: { before: current.stage, after: input.to },
          ...Object.fromEntries(
            Object.entries(dates).map(([field, after]) => [
              field,
              { before: current[field as keyof typeof dates] ?? null, after },
            ]),
          ),
        },
        detail: { on: input.on, reason: input.reason },
      }),
    });
    await tx.insert(projectStageChanges).values({
      projectId: id,
      fromStage: current.stage,
      toStage: input.to,
      changedOn: input.on,
      reason: input.reason,
      actorId: ctx.actor.userId,
      actorName: ctx.actor.displayName,
      at: now,
    });
  });
  return getProject(ctx.db, ctx.actor, id, now);
}

/** The stage history of a project the actor may see, oldest first. */
export async function listStageChanges(db: Queryable, ctx: Pick<Ctx, 'actor'>, id: string) {
  await getProject(db, ctx.actor, id);
  return db
    .select()
    .from(projectStageChanges)
    .where(eq(projectStageChanges.projectId, id))
    .orderBy(asc(projectStageChanges.id));
}
