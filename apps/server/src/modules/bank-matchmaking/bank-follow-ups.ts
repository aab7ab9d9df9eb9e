import type { BankFollowUp, BankFollowUpQuery, UpdateBankFollowUp } from '@tuijin/contracts';
import { normaliseDecimal } from '@tuijin/contracts';
import {
  AppError,
  assertBankFollowUpMove,
  authorize,
  type BankFollowUpStatus,
  bankFollowUpProblems,
  chinaDate,
  invalid,
} from '@tuijin/domain';
import { and, eq } from 'drizzle-orm';
import type { Ctx } from '../../context';
import { bankFollowUps, projects } from '../../db/schema';
import { projectScope, scopedProject } from '../../lib/project-scope';
import { diffChanges, updateVersioned } from '../audit';
import { followUpConflict, followUpRows, mayFollowUp } from './bank-matchmaking.queries';

/** 跟进台账: every project × bank follow-up the actor may see, by bank and status when asked. */
export async function findBankFollowUps(
  ctx: Ctx,
  query: BankFollowUpQuery,
): Promise<{ data: BankFollowUp[] }> {
  authorize(ctx.actor, 'bankMatchmaking.read');
  const data = await followUpRows(
    ctx.db,
    ctx.actor,
    and(
      query.bankId ? eq(bankFollowUps.bankId, query.bankId) : undefined,
      query.status ? eq(bankFollowUps.status, query.status) : undefined,
    ),
  );
  return { data };
}

/** 项目页「银企对接」: the project's follow-ups with each bank. */
export async function projectBankFollowUps(ctx: Ctx, projectId: string): Promise<{ data: BankFollowUp[] }> {
  authorize(ctx.actor, 'bankMatchmaking.read');
  await scopedProject(ctx.db, ctx.actor, projectId);
  return { data: await followUpRows(ctx.db, ctx.actor, eq(bankFollowUps.projectId, projectId)) };
}

/**
 * 更新跟进: status by the domain's move table, with the fields each status needs (credit for
 * 已授信, loan and date for 已放款, reason for 未成功); dates not after today. An office over the
 * project's region; version-checked; audited `bankFollowUp.update` with the changes.
 */
export async function updateBankFollowUp(
  ctx: Ctx,
  id: string,
  body: UpdateBankFollowUp,
): Promise<BankFollowUp> {
  authorize(ctx.actor, 'bankMatchmaking.manage');
  const [row] = await ctx.db
    .select({ followUp: bankFollowUps, regionPath: projects.regionPath })
    .from(bankFollowUps)
    .innerJoin(projects, eq(projects.id, bankFollowUps.projectId))
    .where(and(eq(bankFollowUps.id, id), projectScope(ctx.actor)));
  if (!row) throw new AppError('NOT_FOUND', '跟进记录不存在或无权查看');
  if (!mayFollowUp(ctx.actor, row.regionPath))
    throw new AppError('FORBIDDEN', '只有项目所在地的重点办可以更新银企对接跟进');
  const before = row.followUp;
  const money = (v: string | null) => (v === null ? null : normaliseDecimal(v));
  const set = {
    status: body.status,
    failureReason: body.status === 'failed' ? (body.failureReason ?? null) : null,
    creditGrantedWanYuan: (body.creditGrantedWanYuan ?? null) as string | null,
    disbursedWanYuan: (body.disbursedWanYuan ?? null) as string | null,
    disbursedOn: body.disbursedOn ?? null,
    rolledOverWanYuan: (body.rolledOverWanYuan ?? null) as string | null,
    rolledOverOn: body.rolledOverOn ?? null,
    nextStep: body.nextStep ?? null,
    followedUpOn: body.followedUpOn ?? null,
  };
  assertBankFollowUpMove(before.status as BankFollowUpStatus, set.status);
  const today = chinaDate(ctx.clock.now());
  const problems = bankFollowUpProblems(set);
  for (const field of ['disbursedOn', 'rolledOverOn', 'followedUpOn'] as const)
    if (set[field] !== null && set[field]! > today)
      problems.push({ path: field, message: `日期 ${set[field]} 晚于今天` });
  if (problems.length > 0) throw invalid(problems, problems[0]!.message);
  await ctx.db.transaction((tx) =>
    updateVersioned(tx, ctx, {
      table: bankFollowUps,
      where: eq(bankFollowUps.id, id),
      version: body.version,
      set: { ...set, updatedAt: ctx.clock.now() },
      audit: () => ({
        action: 'bankFollowUp.update',
        entityType: 'project',
        entityId: before.projectId,
        regionPath: row.regionPath,
        changes: diffChanges(
          {
            status: before.status,
            failureReason: before.failureReason,
            creditGrantedWanYuan: money(before.creditGrantedWanYuan),
            disbursedWanYuan: money(before.disbursedWanYuan),
            disbursedOn: before.disbursedOn,
            rolledOverWanYuan: money(before.rolledOverWanYuan),
            rolledOverOn: before.rolledOverOn,
            nextStep: before.nextStep,
            followedUpOn: before.followedUpOn,
          },
          set,
        ),
        detail: { followUpId: id, bankId: before.bankId },
      }),
      conflict: followUpConflict,
    }),
  );
  const [updated] = await followUpRows(ctx.db, ctx.actor, eq(bankFollowUps.id, id));
  return updated!;
}
