import type { EvidencePhoto, MilestonePortfolioQuery } from '@tuijin/contracts';
import {
  type Actor,
  authorize,
  can,
  chinaDate,
  type HolidayCalendar,
  isNodeOverdue,
  pathInSubtree,
  startNodeCode,
  subtractWorkingDays,
  workingDaysBetween,
} from '@tuijin/domain';
import { and, asc, count, desc, eq, exists, gt, ilike, inArray, isNull, lt, or, type SQL } from 'drizzle-orm';
import type { Queryable } from '../../db/database';
import { milestoneAdjustments, milestoneNodes, milestonePlans, projects, regions } from '../../db/schema';
import { escapeLike } from '../../lib/escape-like';
import { isOfficeOver, projectScope, type ScopedProject, scopedProject } from '../../lib/project-scope';
import { regionByCode } from '../../lib/region-lookup';
import { inRegionSubtree } from '../../lib/scope';
import { approvalEarliestStart } from '../approvals';
import { loadHolidayCalendar } from '../calendar';
import { nodeEvidenceFiles } from './milestone-photos';
import { templatesFor } from './templates';

export type NodeRow = typeof milestoneNodes.$inferSelect;

/** Whether the actor may record nodes reached on the project: its office, its owner unit, its service officer. */
export const mayRecordActual = (actor: Actor, project: ScopedProject) =>
  can(actor, 'milestone.recordActual') &&
  (isOfficeOver(actor, project.regionPath) ||
    (actor.roles.includes('owner') && actor.organisationId === project.ownerOrganisationId) ||
    actor.roles.includes('service_officer'));

export const mayManageMilestones = (actor: Actor, project: ScopedProject) =>
  can(actor, 'milestone.manage') && isOfficeOver(actor, project.regionPath);

/** Working days the planned date lies after the baseline (negative when ahead; 0 without a baseline). */
function slipDays(node: NodeRow, calendar: HolidayCalendar) {
  if (!node.baselineOn || node.baselineOn === node.plannedOn) return 0;
  const current = node.actualOn ?? node.plannedOn;
  return current > node.baselineOn
    ? workingDaysBetween(node.baselineOn, current, calendar)
    : -workingDaysBetween(current, node.baselineOn, calendar);
}

export function presentNode(
  node: NodeRow,
  today: string,
  calendar: HolidayCalendar,
  actualFile: EvidencePhoto | null = null,
) {
  return {
    id: node.id,
    code: node.code,
    name: node.name,
    durationDays: node.durationDays,
    dependsOn: node.dependsOn,
    sortOrder: node.sortOrder,
    baselineOn: node.baselineOn,
    plannedOn: node.plannedOn,
    startOn: subtractWorkingDays(node.plannedOn, node.durationDays, calendar),
    actualOn: node.actualOn,
    actualFileId: node.actualFileId,
    actualFile,
    actualNote: node.actualNote,
    actualBy: node.actualBy,
    overdue: isNodeOverdue(node, today),
    slipDays: slipDays(node, calendar),
    version: node.version,
  };
}

export async function nodesOf(db: Queryable, projectIds: readonly string[]) {
  if (projectIds.length === 0) return [];
  return db
    .select()
    .from(milestoneNodes)
    .where(inArray(milestoneNodes.projectId, [...projectIds]))
    .orderBy(asc(milestoneNodes.sortOrder));
}

/**
 * The 开工 node of a project's plan: the marker of the template it was planned from (found by name
 * among those usable in its region), else the node coded `start`.
 */
async function planStartCode(
  db: Queryable,
  project: ScopedProject,
  templateName: string | undefined,
  nodes: readonly NodeRow[],
) {
  const template = templateName
    ? (await templatesFor(db, project.regionPath)).find((t) => t.template.name === templateName)?.template
    : undefined;
  const code = template ? startNodeCode(template.nodes) : startNodeCode(nodes);
  return code && nodes.some((n) => n.code === code) ? code : null;
}

/** 节点计划 of one project: the plan, its nodes with baseline / planned / actual, and the adjustments. */
export async function getProjectMilestones(db: Queryable, actor: Actor, projectId: string, now: Date) {
  authorize(actor, 'milestone.read');
  const project = await scopedProject(db, actor, projectId);
  const [plan] = await db.select().from(milestonePlans).where(eq(milestonePlans.projectId, projectId));
  const [rows, adjustments, calendar] = await Promise.all([
    nodesOf(db, [projectId]),
    db
      .select({ adjustment: milestoneAdjustments, nodeName: milestoneNodes.name })
      .from(milestoneAdjustments)
      .innerJoin(milestoneNodes, eq(milestoneNodes.id, milestoneAdjustments.nodeId))
      .where(eq(milestoneAdjustments.projectId, projectId))
      .orderBy(desc(milestoneAdjustments.at)),
    loadHolidayCalendar(db),
  ]);
  const today = chinaDate(now);
  const files = await nodeEvidenceFiles({ db, clock: { now: () => now } }, projectId, rows);
  const nodes = rows.map((node) => presentNode(node, today, calendar, files.get(node.id) ?? null));
  const [approvals, startCode] = await Promise.all([
    approvalEarliestStart(db, projectId, now),
    planStartCode(db, project, plan?.templateName, rows),
  ]);
  const startNode = nodes.find((n) => n.code === startCode);
  return {
    projectId,
    projectName: project.name,
    today,
    canManage: mayManageMilestones(actor, project),
    canRecordActual: mayRecordActual(actor, project) && plan !== undefined,
    plan: plan
      ? {
          templateName: plan.templateName,
          targetCode: plan.targetCode,
          targetOn: plan.targetOn,
          status: plan.status,
          frozenOn: plan.frozenOn,
          version: plan.version,
        }
      : null,
    nodes,
    adjustments: adjustments.map(({ adjustment, nodeName }) => ({
      id: adjustment.id,
      nodeId: adjustment.nodeId,
      nodeName,
      fromOn: adjustment.fromOn,
      toOn: adjustment.toOn,
      reason: adjustment.reason,
      actorName: adjustment.actorName,
      at: adjustment.at.toISOString(),
    })),
    approvalStart: {
      ...approvals,
      startNodeCode: startCode,
      isStartTooEarly:
        startNode !== undefined &&
        startNode.actualOn === null &&
        approvals.earliestStartOn !== null &&
        startNode.plannedOn < approvals.earliestStartOn,
    },
    summary: {
      total: nodes.length,
      reached: nodes.filter((n) => n.actualOn !== null).length,
      overdue: nodes.filter((n) => n.overdue).length,
      dueThisMonth: nodes.filter((n) => n.actualOn === null && n.plannedOn.slice(0, 7) === today.slice(0, 7))
        .length,
    },
  };
}

/**
 * The portfolio's filter over `projects` joined to `milestone_plans`: the actor's scope, the region's
 * subtree, a name fragment and 只看超期 (a node past its date and not reached on `today`). The chart
 * and its Excel export use it alike, so both show the same projects.
 */
export async function portfolioWhere(
  db: Queryable,
  actor: Actor,
  query: Pick<MilestonePortfolioQuery, 'regionCode' | 'q' | 'overdue'>,
  today: string,
) {
  const clauses: (SQL | undefined)[] = [projectScope(actor)];
  if (query.regionCode) {
    const region = await regionByCode(db, query.regionCode);
    clauses.push(inRegionSubtree(projects.regionPath, region.path));
  }
  if (query.q) clauses.push(ilike(projects.name, `%${escapeLike(query.q)}%`));
  if (query.overdue)
    clauses.push(
      exists(
        db
          .select({ id: milestoneNodes.id })
          .from(milestoneNodes)
          .where(
            and(
              eq(milestoneNodes.projectId, projects.id),
              isNull(milestoneNodes.actualOn),
              lt(milestoneNodes.plannedOn, today),
            ),
          ),
      ),
    );
  return and(...clauses);
}

/**
 * 时间节点图 across projects: the plans in the actor's scope (filtered by region, name, overdue), a
 * page of projects by name with their nodes.
 */
export async function getMilestonePortfolio(
  db: Queryable,
  actor: Actor,
  query: MilestonePortfolioQuery,
  now: Date,
) {
  authorize(actor, 'milestone.read');
  const today = chinaDate(now);
  const where = await portfolioWhere(db, actor, query, today);
  const [total] = await db
    .select({ n: count() })
    .from(milestonePlans)
    .innerJoin(projects, eq(projects.id, milestonePlans.projectId))
    .where(where);
  const rows = await db
    .select({
      projectId: projects.id,
      projectName: projects.name,
      stage: projects.stage,
      regionName: regions.name,
      status: milestonePlans.status,
    })
    .from(milestonePlans)
    .innerJoin(projects, eq(projects.id, milestonePlans.projectId))
    .innerJoin(regions, eq(regions.code, projects.regionCode))
    .where(where)
    .orderBy(asc(projects.name), asc(projects.id))
    .limit(query.pageSize)
    .offset((query.page - 1) * query.pageSize);
  const [nodes, calendar] = await Promise.all([
    nodesOf(
      db,
      rows.map((r) => r.projectId),
    ),
    loadHolidayCalendar(db),
  ]);
  return {
    today,
    data: rows.map((row) => ({
      ...row,
      nodes: nodes
        .filter((n) => n.projectId === row.projectId)
        .map((n) => {
          const shown = presentNode(n, today, calendar);
          return {
            code: shown.code,
            name: shown.name,
            baselineOn: shown.baselineOn,
            plannedOn: shown.plannedOn,
            startOn: shown.startOn,
            actualOn: shown.actualOn,
            overdue: shown.overdue,
          };
        }),
    })),
    page: { total: total?.n ?? 0, page: query.page, pageSize: query.pageSize },
  };
}

/** For the warnings: per project, the nodes past their planned date on `asOf` and not reached by then. */
export async function overdueNodeCounts(db: Queryable, projectIds: readonly string[], asOf: string) {
  const counts = new Map<string, number>();
  if (projectIds.length === 0) return counts;
  const rows = await db
    .select({ projectId: milestoneNodes.projectId, n: count() })
    .from(milestoneNodes)
    .where(
      and(
        inArray(milestoneNodes.projectId, [...projectIds]),
        lt(milestoneNodes.plannedOn, asOf),
        or(isNull(milestoneNodes.actualOn), gt(milestoneNodes.actualOn, asOf)),
      ),
    )
    .groupBy(milestoneNodes.projectId);
  for (const row of rows) counts.set(row.projectId, Number(row.n));
  return counts;
}

/**
 * For the cockpit: overdue nodes (planned before `today`, not reached) of the projects the actor may
 * see in `regionPath`'s subtree passing `projectFilter`, per region given (a child with its subtree,
 * or the region itself only) and in total: how many nodes and how many projects have them.
 */
export async function overdueNodesByRegion(
  db: Queryable,
  actor: Actor,
  input: {
    regionPath: string;
    projectFilter: SQL;
    regions: readonly { key: string; path: string; isSelf: boolean }[];
    today: string;
  },
) {
  const rows = await db
    .select({
      projectId: milestoneNodes.projectId,
      regionPath: projects.regionPath,
      nodes: count(),
    })
    .from(milestoneNodes)
    .innerJoin(projects, eq(projects.id, milestoneNodes.projectId))
    .where(
      and(
        projectScope(actor),
        inRegionSubtree(projects.regionPath, input.regionPath),
        input.projectFilter,
        isNull(milestoneNodes.actualOn),
        lt(milestoneNodes.plannedOn, input.today),
      ),
    )
    .groupBy(milestoneNodes.projectId, projects.regionPath);
  const sum = (picked: typeof rows) => ({
    projects: picked.length,
    nodes: picked.reduce((n, r) => n + Number(r.nodes), 0),
  });
  return {
    total: sum(rows),
    byKey: new Map(
      input.regions.map((region) => [
        region.key,
        sum(
          rows.filter((r) =>
            region.isSelf ? r.regionPath === region.path : pathInSubtree(r.regionPath, region.path),
          ),
        ),
      ]),
    ),
  };
}

/**
 * For the meetings' agendas: the nodes of the projects of `regionPath`'s subtree planned before
 * `asOf` and not reached by then, the longest overdue first, with working days overdue on `asOf`.
 */
export async function overdueNodesIn(db: Queryable, regionPath: string, asOf: string) {
  const rows = await db
    .select({
      id: milestoneNodes.id,
      projectId: milestoneNodes.projectId,
      projectName: projects.name,
      name: milestoneNodes.name,
      plannedOn: milestoneNodes.plannedOn,
    })
    .from(milestoneNodes)
    .innerJoin(projects, eq(projects.id, milestoneNodes.projectId))
    .where(
      and(
        inRegionSubtree(projects.regionPath, regionPath),
        lt(milestoneNodes.plannedOn, asOf),
        or(isNull(milestoneNodes.actualOn), gt(milestoneNodes.actualOn, asOf)),
      ),
    )
    .orderBy(asc(milestoneNodes.plannedOn), asc(projects.name), asc(milestoneNodes.sortOrder));
  if (rows.length === 0) return [];
  const calendar = await loadHolidayCalendar(db);
  return rows.map((r) => ({ ...r, workingDaysOverdue: workingDaysBetween(r.plannedOn, asOf, calendar) }));
}
