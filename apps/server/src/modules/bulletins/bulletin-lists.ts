import type { BulletinOverdueLine, BulletinProjectLine, BulletinSnapshot } from '@tuijin/contracts';
import { openProblemStatuses, openTaskStatuses, parseMonthKey, type warningDimensions } from '@tuijin/domain';
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Queryable } from '../../db/database';
import {
  dispatchTasks,
  evaluationResults,
  evaluationRuns,
  evaluationSchemes,
  fieldVisits,
  organisations,
  problems,
  projects,
  regions,
} from '../../db/schema';
import { inRegionSubtree } from '../../lib/scope';
import { overdueApprovalItemsIn } from '../approvals';

/** How many lines a list of a bulletin holds at most (the rest is counted in its lead sentence). */
export const bulletinListLimit = 30;

const dimensionNames: Record<(typeof warningDimensions)[number], string> = {
  start: '开工滞后',
  progress: '投资进度滞后',
  problems: '问题逾期',
  reports: '月报未报',
  statistics: '未入统',
  monthTarget: '未完成月度目标',
  approvals: '手续超期',
  milestones: '节点超期',
  reconciliation: '自报与入统不符',
};

/** The reason a project is red or yellow, as a bulletin writes it: the dimensions that coloured it. */
export function warningDetail(reasons: readonly { dimension: string; colour: string; excused: boolean }[]) {
  const named = reasons
    .filter((r) => !r.excused)
    .map((r) => dimensionNames[r.dimension as keyof typeof dimensionNames] ?? r.dimension);
  return [...new Set(named)].join('、');
}

/** Names of projects' owner units and regions, for the lines of the project lists. */
export async function projectNames(db: Queryable, ids: readonly string[]) {
  if (ids.length === 0) return new Map<string, { owner: string; region: string }>();
  const rows = await db
    .select({ id: projects.id, owner: organisations.name, region: regions.name })
    .from(projects)
    .innerJoin(organisations, eq(organisations.id, projects.ownerOrganisationId))
    .innerJoin(regions, eq(regions.code, projects.regionCode))
    .where(inArray(projects.id, [...ids]));
  return new Map(rows.map((r) => [r.id, { owner: r.owner, region: r.region }]));
}

export const projectLine = (
  id: string,
  name: string,
  names: Map<string, { owner: string; region: string }>,
  detail: string,
): BulletinProjectLine => ({
  id,
  name,
  regionName: names.get(id)?.region ?? '',
  ownerName: names.get(id)?.owner ?? '',
  detail,
  href: `/projects/${id}`,
});

const daysLate = (dueOn: string, asOf: string) =>
  Math.max(0, Math.round((Date.parse(asOf) - Date.parse(dueOn)) / 86_400_000));

/** Problems of the subtree still with their handler and past their due date on `asOf`, oldest first. */
export async function overdueProblemLines(db: Queryable, path: string, asOf: string) {
  const rows = await db
    .select({
      id: problems.id,
      reference: problems.referenceNumber,
      title: problems.description,
      projectName: projects.name,
      handler: organisations.name,
      dueOn: problems.dueOn,
    })
    .from(problems)
    .leftJoin(projects, eq(projects.id, problems.projectId))
    .leftJoin(organisations, eq(organisations.id, problems.handlerOrganisationId))
    .where(
      and(
        inRegionSubtree(problems.regionPath, path),
        inArray(problems.status, [...openProblemStatuses]),
        sql`${problems.dueOn} < ${asOf}`,
      ),
    )
    .orderBy(problems.dueOn, problems.referenceNumber);
  return rows.map(
    (r): BulletinOverdueLine => ({
      id: r.id,
      reference: r.reference,
      title: r.title.length > 60 ? `${r.title.slice(0, 60)}…` : r.title,
      projectName: r.projectName,
      responsible: r.handler ?? '',
      dueOn: r.dueOn,
      daysOverdue: daysLate(r.dueOn, asOf),
      href: `/problems/${r.id}`,
    }),
  );
}

/** 交办事项 of the subtree the responsible unit still owes past their deadline on `asOf`. */
export async function overdueTaskLines(db: Queryable, path: string, asOf: string) {
  const rows = await db
    .select({
      id: dispatchTasks.id,
      reference: dispatchTasks.referenceNumber,
      title: dispatchTasks.title,
      projectName: projects.name,
      responsible: organisations.name,
      dueOn: dispatchTasks.dueOn,
    })
    .from(dispatchTasks)
    .innerJoin(organisations, eq(organisations.id, dispatchTasks.organisationId))
    .leftJoin(projects, eq(projects.id, dispatchTasks.projectId))
    .where(
      and(
        inRegionSubtree(dispatchTasks.regionPath, path),
        inArray(dispatchTasks.status, [...openTaskStatuses]),
        sql`${dispatchTasks.dueOn} < ${asOf}`,
      ),
    )
    .orderBy(dispatchTasks.dueOn, dispatchTasks.referenceNumber);
  return rows.map(
    (r): BulletinOverdueLine => ({
      ...r,
      daysOverdue: daysLate(r.dueOn, asOf),
      href: `/tasks?task=${r.id}`,
    }),
  );
}

/**
 * 前期手续 of the subtree's projects accepted and still undecided past their committed limit
 * (accepted on + committed working days) on `asOf`.
 */
export async function overdueApprovalLines(db: Queryable, path: string, asOf: string) {
  return (await overdueApprovalItemsIn(db, path, asOf)).map(
    (r): BulletinOverdueLine => ({
      id: r.id,
      reference: r.name,
      title: `${r.name}（承诺 ${r.committedDays} 个工作日）`,
      projectName: r.projectName,
      responsible: r.departmentName ?? '',
      dueOn: r.dueOn,
      daysOverdue: r.workingDaysOverdue,
      href: `/projects/${r.projectId}`,
    }),
  );
}

/** What happened in the subtree between two days (both included): the activity of a weekly or daily bulletin. */
export async function periodActivity(
  db: Queryable,
  path: string,
  start: string,
  end: string,
): Promise<BulletinSnapshot['activity']> {
  const china = (column: unknown) => sql`(${column} at time zone 'Asia/Shanghai')::date`;
  const between = (column: unknown) => sql`${china(column)} between ${start} and ${end}`;
  const [raised] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(problems)
    .where(and(inRegionSubtree(problems.regionPath, path), between(problems.raisedAt)));
  const [solved] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(problems)
    .where(
      and(
        inRegionSubtree(problems.regionPath, path),
        sql`${china(sql`coalesce(${problems.confirmedAt}, ${problems.answeredAt})`)} between ${start} and ${end}`,
        inArray(problems.status, ['answered', 'confirmed']),
      ),
    );
  const [tasks] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(dispatchTasks)
    .where(
      and(
        inRegionSubtree(dispatchTasks.regionPath, path),
        eq(dispatchTasks.status, 'verified'),
        sql`${dispatchTasks.verifiedOn} between ${start} and ${end}`,
      ),
    );
  const [visits] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(fieldVisits)
    .where(
      and(
        inRegionSubtree(fieldVisits.regionPath, path),
        sql`${fieldVisits.visitedOn} between ${start} and ${end}`,
      ),
    );
  const [started] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(projects)
    .where(
      and(
        inRegionSubtree(projects.regionPath, path),
        sql`${projects.actualStartOn} between ${start} and ${end}`,
      ),
    );
  return {
    problemsRaised: raised?.n ?? 0,
    problemsSolved: solved?.n ?? 0,
    tasksDone: tasks?.n ?? 0,
    visits: visits?.n ?? 0,
    projectsStarted: started?.n ?? 0,
  };
}

/**
 * 红黑榜 of the latest published evaluation of the region's own regions (a scheme of the region that
 * scores the regions under it) for a quarter up to the figures' month; null when none is published.
 */
export async function latestRedBlack(
  db: Queryable,
  regionCode: string,
  figureMonth: string,
): Promise<BulletinSnapshot['redBlack']> {
  const period = parseMonthKey(figureMonth);
  if (!period) return null;
  const upTo = `${period.year}Q${Math.ceil(period.month / 3)}`;
  const [run] = await db
    .select({ id: evaluationRuns.id, quarter: evaluationRuns.quarter, schemeId: evaluationRuns.schemeId })
    .from(evaluationRuns)
    .innerJoin(evaluationSchemes, eq(evaluationSchemes.id, evaluationRuns.schemeId))
    .where(
      and(
        eq(evaluationSchemes.regionCode, regionCode),
        eq(evaluationSchemes.entityKind, 'region'),
        eq(evaluationRuns.status, 'published'),
        sql`${evaluationRuns.quarter} <= ${upTo}`,
      ),
    )
    .orderBy(sql`${evaluationRuns.quarter} desc`, sql`${evaluationRuns.publishedAt} desc`)
    .limit(1);
  if (!run) return null;
  const entries = await db
    .select({
      rank: evaluationResults.rank,
      name: evaluationResults.entityName,
      score: evaluationResults.totalPoints,
      list: evaluationResults.list,
    })
    .from(evaluationResults)
    .where(and(eq(evaluationResults.runId, run.id), sql`${evaluationResults.list} is not null`))
    .orderBy(evaluationResults.rank);
  const line = (e: (typeof entries)[number]) => ({ rank: e.rank, name: e.name, score: e.score });
  return {
    quarter: run.quarter,
    red: entries.filter((e) => e.list === 'red').map(line),
    black: entries.filter((e) => e.list === 'black').map(line),
    href: `/evaluation?scheme=${run.schemeId}&quarter=${run.quarter}`,
  };
}
