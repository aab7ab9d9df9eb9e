import type { IssueProblemLetter } from '@tuijin/contracts';
import {
  AppError,
  chinaDate,
  defaultLetterKind,
  formatLetterSerial,
  planProblemLetter,
  problemLetterKindNames,
} from '@tuijin/domain';
import { count, eq } from 'drizzle-orm';
import type { Ctx } from '../../context';
import { organisations, problemLetters } from '../../db/schema';
import { recordAudit } from '../audit';
import { loadHolidayCalendar } from '../calendar';
import { appendProblemStep, loadProblem } from '../problems';
import { nextLetterNumber } from './letter-numbers';
import { mayIssueLetter } from './problem-letters.queries';

/**
 * 发函: an office issues a 提醒函 or 督办单 to the handler of an overdue, still open problem, with the
 * demanded action and a reply date in working days (调休 counted). Numbered per issuing jurisdiction,
 * kind and year (督办〔2026〕12号). The kind defaults to 提醒函 for the first letter and 督办单 after.
 * One transaction: the letter, the timeline event `issueLetter` and the audit event `problemLetter.issue`.
 */
export async function issueProblemLetter(ctx: Ctx, problemId: string, input: IssueProblemLetter) {
  const loaded = await loadProblem(ctx, problemId);
  if (!mayIssueLetter(ctx.actor, loaded)) throw new AppError('FORBIDDEN', '只有重点办可以发提醒函或督办单');
  const [issuer] = await ctx.db
    .select({ id: organisations.id, name: organisations.name, kind: organisations.kind })
    .from(organisations)
    .where(eq(organisations.id, ctx.actor.organisationId));
  if (issuer?.kind !== 'office') throw new AppError('FORBIDDEN', '只有重点办可以发提醒函或督办单');
  const { problem, project } = loaded;
  const now = ctx.clock.now();
  const today = chinaDate(now);
  const plan = planProblemLetter({
    status: problem.status,
    dueOn: problem.dueOn,
    handlerOrganisationId: problem.handlerOrganisationId,
    today,
    replyWorkingDays: input.replyWorkingDays,
    calendar: await loadHolidayCalendar(ctx.db),
  });
  const [recipient] = await ctx.db
    .select({ id: organisations.id, name: organisations.name })
    .from(organisations)
    .where(eq(organisations.id, problem.handlerOrganisationId!));
  return ctx.db.transaction(async (tx) => {
    const [before] = await tx
      .select({ n: count() })
      .from(problemLetters)
      .where(eq(problemLetters.problemId, problemId));
    const kind = input.kind ?? defaultLetterKind(before?.n ?? 0);
    const year = Number(today.slice(0, 4));
    const serial = formatLetterSerial(
      kind,
      year,
      await nextLetterNumber(tx, ctx.actor.regionCode, kind, year),
    );
    const [letter] = await tx
      .insert(problemLetters)
      .values({
        problemId,
        kind,
        serial,
        issuerRegionCode: ctx.actor.regionCode,
        issuerOrganisationId: issuer.id,
        issuerOrganisationName: issuer.name,
        recipientOrganisationId: recipient!.id,
        recipientOrganisationName: recipient!.name,
        originalDueOn: problem.dueOn,
        daysOverdue: plan.daysOverdue,
        demandedAction: input.demandedAction,
        replyDueOn: plan.replyDueOn,
        replyWorkingDays: input.replyWorkingDays,
        isReplyDueOnProvisional: plan.isReplyDueOnProvisional,
        status: 'issued',
        issuedBy: ctx.actor.userId,
        issuedByName: ctx.actor.displayName,
        issuedAt: now,
      })
      .returning();
    await appendProblemStep(
      tx,
      ctx,
      loaded,
      'issueLetter',
      `${problemLetterKindNames[kind]} ${serial}：${input.demandedAction}（${plan.replyDueOn} 前回复）`,
    );
    await recordAudit(tx, ctx, {
      action: 'problemLetter.issue',
      entityType: 'project',
      entityId: project.id,
      regionPath: project.regionPath,
      detail: {
        problemId,
        referenceNumber: problem.referenceNumber,
        letterId: letter!.id,
        kind,
        serial,
        recipientOrganisationId: recipient!.id,
        replyDueOn: plan.replyDueOn,
      },
    });
    return letter!;
  });
}
