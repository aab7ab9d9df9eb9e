import {
  chinaDate,
  type HolidayCalendar,
  systemActor,
  workingDaysBetween,
  workingDeadline,
} from '@tuijin/domain';
import { and, eq, gte, isNotNull, ne, or } from 'drizzle-orm';
import type { Ctx } from '../../context';
import { problemLetters, problems, projects } from '../../db/schema';
import { recordAudit } from '../audit';

/**
 * 暂定回复期限重算: every letter not yet replied whose reply date is provisional — and, after an
 * admin changes `changedDate`, every one whose count ran over that day — is counted again from its issue day with its reply limit on the calendar as it is now; a changed date or mark is
 * saved (version + 1) with a `problemLetter.recomputeReplyDue` audit event as the system. One
 * letter per transaction; a failure is logged by the caller's job and retried on its next run.
 * Answers how many letters changed.
 */
export async function recomputeProvisionalReplyDates(
  ctx: Pick<Ctx, 'db' | 'auditKey'>,
  calendar: HolidayCalendar,
  at: Date,
  changedDate?: string,
): Promise<number> {
  const jobCtx = { actor: systemActor, clock: { now: () => at }, ip: null, auditKey: ctx.auditKey };
  const rows = await ctx.db
    .select({ letter: problemLetters, projectId: projects.id, regionPath: projects.regionPath })
    .from(problemLetters)
    .innerJoin(problems, eq(problems.id, problemLetters.problemId))
    .innerJoin(projects, eq(projects.id, problems.projectId))
    .where(
      and(
        ne(problemLetters.status, 'replied'),
        changedDate
          ? or(
              eq(problemLetters.isReplyDueOnProvisional, true),
              and(isNotNull(problemLetters.replyWorkingDays), gte(problemLetters.replyDueOn, changedDate)),
            )
          : eq(problemLetters.isReplyDueOnProvisional, true),
      ),
    );
  let changed = 0;
  for (const { letter, projectId, regionPath } of rows) {
    const issuedOn = chinaDate(letter.issuedAt);
    const limit =
      letter.replyWorkingDays ?? Math.max(1, workingDaysBetween(issuedOn, letter.replyDueOn, calendar));
    const reply = workingDeadline(issuedOn, limit, calendar);
    if (issuedOn >= (changedDate ?? '') && !letter.isReplyDueOnProvisional) continue;
    if (reply.on === letter.replyDueOn && reply.isProvisional === letter.isReplyDueOnProvisional) continue;
    await ctx.db.transaction(async (tx) => {
      const [updated] = await tx
        .update(problemLetters)
        .set({
          replyDueOn: reply.on,
          isReplyDueOnProvisional: reply.isProvisional,
          version: letter.version + 1,
        })
        .where(and(eq(problemLetters.id, letter.id), eq(problemLetters.version, letter.version)))
        .returning({ id: problemLetters.id });
      if (!updated) return;
      await recordAudit(tx, jobCtx, {
        action: 'problemLetter.recomputeReplyDue',
        entityType: 'project',
        entityId: projectId,
        regionPath,
        changes: { replyDueOn: { before: letter.replyDueOn, after: reply.on } },
        detail: { problemId: letter.problemId, letterId: letter.id, serial: letter.serial },
      });
      changed += 1;
    });
  }
  return changed;
}
