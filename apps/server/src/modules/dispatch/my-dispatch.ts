import type { MyDispatch } from '@tuijin/contracts';
import {
  authorize,
  can,
  chinaDate,
  isBehindTimeProgress,
  openTaskStatuses,
  planCompletionRate,
  timeProgress,
  unresolvedProblemStatuses,
} from '@tuijin/domain';
import { and, asc, count, eq, inArray, sql } from 'drizzle-orm';
import type { Ctx } from '../../context';
import { queryRows } from '../../db/rows';
import { dispatchTasks, problems, projects, regions } from '../../db/schema';
import { decimal } from '../../lib/decimal-column';
import { projectScope } from '../../lib/project-scope';
import { cockpitBaseSql, reportingDeadlines } from '../cockpit';
import { resolveReportingPeriod } from '../reports';
import { warningColourSql } from '../warnings';
import { getCadenceCompliance } from './cadence';

const countsBy = (rows: { projectId: string | null; n: number }[]) =>
  new Map(rows.map((row) => [row.projectId, row.n]));

/**
 * 挂钩领导的调度页: the projects the reader is the linked leader of (in its scope) with their colour,
 * plan completion against 序时进度 of the current reporting month (the adjusted plan, as the cockpit
 * shows it), unresolved problems (not yet written off or rejected) and open 交办事项; and the reader's own row of its region's compliance
 * table for `month` (default: this month by today's date).
 */
export async function getMyDispatch(ctx: Ctx, query: { month?: string }): Promise<MyDispatch> {
  authorize(ctx.actor, 'dispatch.read');
  const today = chinaDate(ctx.clock.now());
  const month = query.month ?? today.slice(0, 7);
  const period = await resolveReportingPeriod(ctx, ctx.actor.regionPath);
  const mine = await ctx.db
    .select({
      id: projects.id,
      name: projects.name,
      regionName: regions.name,
      stage: projects.stage,
      colour: sql<'red' | 'yellow' | 'green' | null>`${warningColourSql(sql`${projects.id}`, period.key)}`,
    })
    .from(projects)
    .innerJoin(regions, eq(regions.code, projects.regionCode))
    .where(and(eq(projects.leaderUserId, ctx.actor.userId), projectScope(ctx.actor)))
    .orderBy(asc(projects.regionPath), asc(projects.name));
  const ids = mine.map((p) => p.id);
  const [figures, problemCounts, taskCounts] =
    ids.length === 0
      ? [[], [], []]
      : await Promise.all([
          reportingDeadlines(ctx.db, ctx.actor.regionPath, period.year, period.month, today).then(
            ({ passedRegionCodes }) =>
              queryRows<{ id: string; planned: string; ytd: string }>(
                ctx.db,
                sql`select b.id, b.planned::text as planned, b.ytd::text as ytd from (${cockpitBaseSql(
                  ctx.actor,
                  ctx.actor.regionPath,
                  { year: period.year, month: period.month, basis: 'adjusted' },
                  passedRegionCodes,
                  today,
                )}) b where b.leader_user_id = ${ctx.actor.userId}`,
              ),
          ),
          ctx.db
            .select({ projectId: problems.projectId, n: count() })
            .from(problems)
            .where(
              and(inArray(problems.projectId, ids), inArray(problems.status, [...unresolvedProblemStatuses])),
            )
            .groupBy(problems.projectId),
          ctx.db
            .select({ projectId: dispatchTasks.projectId, n: count() })
            .from(dispatchTasks)
            .where(
              and(
                inArray(dispatchTasks.projectId, ids),
                inArray(dispatchTasks.status, [...openTaskStatuses]),
              ),
            )
            .groupBy(dispatchTasks.projectId),
        ]);
  const time = timeProgress({ year: period.year, asOfMonth: period.month }).percent ?? '0.0';
  const openProblems = countsBy(problemCounts);
  const openTasks = countsBy(taskCounts);
  const compliance = can(ctx.actor, 'meeting.read')
    ? await getCadenceCompliance(ctx, { regionCode: ctx.actor.regionCode, month })
    : null;
  return {
    reportingMonth: period.key,
    timeProgress: time,
    month,
    projects: mine.map((project) => {
      const plan = figures.find((f) => f.id === project.id);
      const completion = plan
        ? planCompletionRate({
            completedYtdWanYuan: decimal(plan.ytd),
            plannedWanYuan: decimal(plan.planned),
          }).percent
        : null;
      return {
        ...project,
        completion,
        behind: isBehindTimeProgress(completion, time),
        openProblems: openProblems.get(project.id) ?? 0,
        openTasks: openTasks.get(project.id) ?? 0,
      };
    }),
    cadence: compliance?.rows.find((row) => row.party.key === `user:${ctx.actor.userId}`) ?? null,
  };
}
