import type { Ctx } from './context';
import { loadHolidayCalendar } from './modules/calendar';
import { recomputeProvisionalReplyDates } from './modules/problem-letters';
import { recomputeProvisionalDueDates } from './modules/problems';

/**
 * Recomputes every provisional (暂定) working-day deadline that is stored — problems' due dates and
 * letters' reply dates — on the holiday calendar as it is now, and those whose count ran over
 * `changedDate` (the day an admin just entered or removed). Wired by the composition root to run
 * right after an admin enters or removes a holiday arrangement; the escalation and reminder jobs
 * run the same recomputations on every tick. Reporting deadlines are computed on read and need none.
 */
export async function recomputeProvisionalDeadlines(
  ctx: Pick<Ctx, 'db' | 'auditKey' | 'clock'>,
  changedDate?: string,
) {
  const calendar = await loadHolidayCalendar(ctx.db);
  const at = ctx.clock.now();
  const problems = await recomputeProvisionalDueDates(ctx, calendar, at, changedDate);
  const letters = await recomputeProvisionalReplyDates(ctx, calendar, at, changedDate);
  return { problems: problems.length, letters };
}
