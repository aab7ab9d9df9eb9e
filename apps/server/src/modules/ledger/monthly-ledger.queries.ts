import { type Actor, AppError, authorize, pathInSubtree } from '@tuijin/domain';
import { and, asc, eq, inArray, ne, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Queryable } from '../../db/database';
import { completedYearToDateSql } from '../../db/rules';
import {
  annualPlans,
  dictionaryEntries,
  monthlyReports,
  organisations,
  projects,
  regions,
  users,
} from '../../db/schema';
import { projectScope } from '../../lib/project-scope';
import { inRegionSubtree } from '../../lib/scope';
import { loadRegion, type RegionRow } from '../regions';

const owner = alias(organisations, 'owner');
const department = alias(organisations, 'department');
const leader = alias(users, 'leader');

/**
 * The region a ledger covers: the one asked for, which must lie in the actor's jurisdiction (else
 * NOT_FOUND, the same answer as an unknown code), or the actor's own region.
 */
export async function ledgerRegion(
  db: Queryable,
  actor: Actor,
  code: string | undefined,
): Promise<RegionRow> {
  const row = await loadRegion(db, code || actor.regionCode);
  if (!row || !pathInSubtree(row.path, actor.regionPath)) throw new AppError('NOT_FOUND');
  return row;
}

/** `宁德市蕉城区` for a county under a city, else the region's own name (`宁德市`, `福建省`). */
export async function regionFullName(db: Queryable, region: RegionRow): Promise<string> {
  if ((region.level === 'county' || region.level === 'zone') && region.parentCode) {
    const parent = await loadRegion(db, region.parentCode);
    if (parent?.level === 'city') return `${parent.name}${region.name}`;
  }
  return region.name;
}

/**
 * One row per project due to report for (year, month) — a plan for the year, stage not dropped —
 * in the region's subtree and the actor's scope, with the plan (adjusted and baseline), the month's
 * and year-to-date completed investment of APPROVED reports only, and the month's approved report
 * (形象进度, 入统). Ordered by region then name; the ledger groups them by domain.
 */
export async function listMonthlyLedgerRows(
  db: Queryable,
  actor: Actor,
  input: { year: number; month: number; regionPath: string },
) {
  authorize(actor, 'project.read');
  // A correlated sum per project over the (project, year, month) index: its cost grows with the
  // rows returned, whatever the planner knows (PGlite never runs ANALYZE on its own).
  const ytd = completedYearToDateSql(sql`${projects.id}`, input);
  const rows = await db
    .select({
      id: projects.id,
      code: projects.code,
      name: projects.name,
      levels: projects.levels,
      domain: projects.domain,
      regionName: regions.name,
      address: projects.address,
      scaleContent: projects.scaleContent,
      startYear: projects.startYear,
      startMonth: projects.startMonth,
      endYear: projects.endYear,
      endMonth: projects.endMonth,
      totalInvestmentWanYuan: projects.totalInvestmentWanYuan,
      ownerName: owner.name,
      leaderName: leader.displayName,
      departmentName: department.name,
      plannedWanYuan: annualPlans.plannedInvestmentWanYuan,
      baselineWanYuan: annualPlans.baselineInvestmentWanYuan,
      priorCompletedWanYuan: annualPlans.priorCompletedWanYuan,
      goals: annualPlans.goals,
      ytdWanYuan: ytd,
    })
    .from(projects)
    .innerJoin(annualPlans, and(eq(annualPlans.projectId, projects.id), eq(annualPlans.year, input.year)))
    .innerJoin(regions, eq(regions.code, projects.regionCode))
    .innerJoin(owner, eq(owner.id, projects.ownerOrganisationId))
    .leftJoin(department, eq(department.id, projects.responsibleDepartmentId))
    .leftJoin(leader, eq(leader.id, projects.leaderUserId))
    .where(
      and(
        projectScope(actor),
        inRegionSubtree(projects.regionPath, input.regionPath),
        ne(projects.stage, 'dropped'),
      ),
    )
    .orderBy(asc(projects.regionPath), asc(projects.name), asc(projects.id));
  // The month's own reports in a second read (the month's rows, each finding its project by primary
  // key), matched here: joined to the list above, a planner without statistics (PGlite never
  // analyses) rescans the whole month for every project.
  const monthRows =
    rows.length === 0
      ? []
      : await db
          .select({
            projectId: monthlyReports.projectId,
            status: monthlyReports.status,
            completedWanYuan: monthlyReports.completedWanYuan,
            progress: monthlyReports.progress,
            inStatistics: monthlyReports.inStatistics,
          })
          .from(monthlyReports)
          .innerJoin(projects, eq(projects.id, monthlyReports.projectId))
          .where(
            and(
              eq(monthlyReports.year, input.year),
              eq(monthlyReports.month, input.month),
              projectScope(actor),
              inRegionSubtree(projects.regionPath, input.regionPath),
            ),
          );
  const reports = new Map(monthRows.map((r) => [r.projectId, r]));
  return rows.map((row) => {
    const report = reports.get(row.id);
    return {
      ...row,
      monthStatus: report?.status ?? null,
      monthCompletedWanYuan: report?.completedWanYuan ?? null,
      monthProgress: report?.progress ?? null,
      monthInStatistics: report?.inStatistics ?? null,
    };
  });
}

export type MonthlyLedgerRow = Awaited<ReturnType<typeof listMonthlyLedgerRows>>[number];

/** The domain dictionary's order (产业, 基础设施…), so categories print in the office's order. */
export async function domainOrder(db: Queryable, names: readonly string[]): Promise<string[]> {
  if (names.length === 0) return [];
  const rows = await db
    .select({ name: dictionaryEntries.name })
    .from(dictionaryEntries)
    .where(and(eq(dictionaryEntries.kind, 'domain'), inArray(dictionaryEntries.name, [...names])))
    .orderBy(asc(dictionaryEntries.sortOrder), asc(dictionaryEntries.name));
  return rows.map((r) => r.name);
}

/** The name of the actor's organisation, printed as 填报单位. */
export async function organisationName(db: Queryable, organisationId: string): Promise<string | null> {
  const [row] = await db
    .select({ name: organisations.name })
    .from(organisations)
    .where(eq(organisations.id, organisationId));
  return row?.name ?? null;
}
