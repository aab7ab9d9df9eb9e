import type { ProblemReason } from '@tuijin/contracts';
import { AppError, chinaDate, manualEscalation, type ProblemDue, transitionProblem } from '@tuijin/domain';
import type { Ctx } from '../../context';
import type { Queryable } from '../../db/database';
import { loadHolidayCalendar } from '../calendar';
import { notify } from '../notifications';
import { assertMayAct } from './problem-abilities';
import {
  applyProblemMove,
  handlerRecipients,
  type LoadedLadder,
  type LoadedProblem,
  ladderFor,
  loadProblem,
  problemLink,
} from './problem-context';

/**
 * Moves a problem up one level inside the caller's transaction: the level, its start and due date;
 * the handler becomes the level's organisation when it names one; the new level's people (its
 * organisation's staff, the project's linked leader or service officer for those levels) are told.
 */
export async function moveProblemUp(
  tx: Queryable,
  ctx: Pick<Ctx, 'actor' | 'clock' | 'ip' | 'auditKey'>,
  loaded: LoadedProblem,
  ladder: LoadedLadder,
  to: { level: number } & ProblemDue,
  note: string,
) {
  const level = ladder.levels.find((l) => l.level === to.level)!;
  const updated = await applyProblemMove(tx, ctx, loaded, loaded.problem.version, {
    action: 'escalate',
    set: {
      level: to.level,
      levelStartedOn: to.levelStartedOn,
      dueOn: to.dueOn,
      limitWorkingDays: to.limitWorkingDays,
      isDueOnProvisional: to.isDueOnProvisional,
      ...(level.handlerOrganisationId ? { handlerOrganisationId: level.handlerOrganisationId } : {}),
    },
    note: `提级至第 ${to.level} 级“${level.name}”：${note}`,
  });
  const extra =
    level.handlerKind === 'leader'
      ? [loaded.project.leaderUserId]
      : level.handlerKind === 'serviceOfficer'
        ? [loaded.project.serviceOfficerUserId]
        : [];
  await notify(tx, ctx.clock.now(), await handlerRecipients(tx, updated.handlerOrganisationId, extra), {
    kind: 'problem.escalated',
    params: {
      referenceNumber: updated.referenceNumber,
      projectName: loaded.project.name,
      level: to.level,
      levelName: level.name,
      dueOn: to.dueOn,
    },
    link: problemLink(updated.id),
    dedupeKey: `problem.escalated:${updated.id}:${to.level}:${updated.version}`,
  });
  return updated;
}

/** 手动提级 by the office with a reason: one level up the jurisdiction's ladder, limit from today. */
export async function escalateProblem(ctx: Ctx, id: string, input: ProblemReason) {
  const loaded = await loadProblem(ctx, id);
  assertMayAct(ctx.actor, loaded, 'escalate');
  if (loaded.problem.version !== input.version)
    throw new AppError('CONFLICT', '问题已被他人处理，请刷新后重试');
  transitionProblem(loaded.problem.status, 'escalate');
  const ladder = await ladderFor(ctx.db, loaded.project.regionPath);
  const calendar = await loadHolidayCalendar(ctx.db);
  const to = manualEscalation(loaded.problem.level, ladder, calendar, chinaDate(ctx.clock.now()));
  await ctx.db.transaction((tx) => moveProblemUp(tx, ctx, loaded, ladder!, to, input.reason));
}
