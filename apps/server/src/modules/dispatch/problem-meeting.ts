import type { ProblemMeeting } from '@tuijin/contracts';
import { authorize, chinaDate, isOpenProblem, nextMeetingOn, type ProblemStatus } from '@tuijin/domain';
import { and, asc, eq, gte, inArray } from 'drizzle-orm';
import type { Ctx } from '../../context';
import { meetingSeries, meetings } from '../../db/schema';
import { ancestorPaths } from '../../lib/scope';
import { loadHolidayCalendar } from '../calendar';
import { loadProblem } from '../problems';
import { seesMeetingsOf } from './dispatch-scope';

/**
 * 将于何时研究: for an open problem at a ladder level bound to a meeting series (of its region or the
 * nearest region above that has one), the sitting that takes it up — the earliest planned meeting of
 * that series from today, else the cadence's next date. Null when the level is not a meeting's.
 */
export async function getProblemMeeting(ctx: Ctx, problemId: string): Promise<ProblemMeeting> {
  authorize(ctx.actor, 'dispatch.read');
  const { problem, project } = await loadProblem(ctx, problemId);
  if (!isOpenProblem(problem.status as ProblemStatus)) return { meeting: null };
  const paths = [project.regionPath, ...ancestorPaths(project.regionPath).reverse()];
  const bound = await ctx.db
    .select()
    .from(meetingSeries)
    .where(
      and(
        inArray(meetingSeries.regionPath, paths),
        eq(meetingSeries.ladderLevel, problem.level),
        eq(meetingSeries.active, true),
      ),
    );
  const series = bound.sort((a, b) => paths.indexOf(a.regionPath) - paths.indexOf(b.regionPath))[0];
  if (!series) return { meeting: null };
  const today = chinaDate(ctx.clock.now());
  const [planned] = await ctx.db
    .select({ id: meetings.id, heldOn: meetings.heldOn })
    .from(meetings)
    .where(and(eq(meetings.seriesId, series.id), eq(meetings.status, 'planned'), gte(meetings.heldOn, today)))
    .orderBy(asc(meetings.heldOn))
    .limit(1);
  const heldOn = planned?.heldOn ?? nextMeetingOn(series.cadence, today, await loadHolidayCalendar(ctx.db));
  if (!heldOn) return { meeting: null };
  return {
    meeting: {
      seriesId: series.id,
      seriesName: series.name,
      heldOn,
      meetingId: planned?.id ?? null,
      canOpen: seesMeetingsOf(ctx.actor, series.regionPath),
    },
  };
}
