import {
  type Actor,
  type ApprovalFigures,
  type ApprovalStatus,
  approvalFigures,
  approvalTiming,
  chinaDate,
  defaultApprovalSettings,
  type FigureItem,
  pathInSubtree,
} from '@tuijin/domain';
import { and, eq, inArray, type SQL } from 'drizzle-orm';
import type { Queryable } from '../../db/database';
import { approvalItems, organisations, projects } from '../../db/schema';
import { inRegionSubtree } from '../../lib/scope';
import { loadHolidayCalendar } from '../calendar';
import { itemScope, materialsFor } from './approvals.queries';

/** A region the figures are grouped by: a child region with its subtree, or the region itself only. */
export interface FigureRegion {
  key: string;
  label: string;
  path: string;
  /** Only projects placed on the region itself (本级), not its subtree. */
  isSelf: boolean;
}

export interface FigureGroup {
  key: string;
  label: string;
  kind: 'region' | 'regionSelf' | 'department' | 'none';
  figures: ApprovalFigures;
}

/**
 * 前期手续 figures for the cockpit: the items the actor may read (the 手续事项 list's scope) of projects
 * in `regionPath`'s subtree that pass `projectFilter` (a condition on `projects`), grouped by the given
 * regions or by approving department, with the total; each group's figures by domain `approvalFigures`
 * with the colours of today. Items are selected in SQL; colours depend on today and the calendar, so
 * they are counted here, as the list does.
 */
export async function approvalFiguresBy(
  db: Queryable,
  actor: Actor,
  input: {
    regionPath: string;
    projectFilter: SQL;
    groupBy: 'department' | readonly FigureRegion[];
    year: number;
    now: Date;
  },
): Promise<{ total: ApprovalFigures; rows: FigureGroup[] }> {
  const rows = await db
    .select({ item: approvalItems, regionPath: projects.regionPath })
    .from(approvalItems)
    .innerJoin(projects, eq(projects.id, approvalItems.projectId))
    .where(
      and(itemScope(actor), inRegionSubtree(projects.regionPath, input.regionPath), input.projectFilter),
    );
  const [materials, calendar] = await Promise.all([
    materialsFor(
      db,
      rows.map((r) => r.item.id),
    ),
    loadHolidayCalendar(db),
  ]);
  const today = chinaDate(input.now);
  const facts = rows.map(({ item, regionPath }) => {
    const timing = approvalTiming(
      {
        status: item.status as ApprovalStatus,
        committedDays: item.committedDays,
        acceptedOn: item.acceptedOn,
        approvedOn: item.approvedOn,
        gapsClearedOn: item.gapsClearedOn,
        openPromises: (materials.get(item.id) ?? [])
          .filter((m) => m.suppliedOn === null)
          .map((m) => m.promisedOn),
      },
      today,
      calendar,
      defaultApprovalSettings.conversionDays,
    );
    const fact: FigureItem = {
      status: item.status as ApprovalStatus,
      colour: timing.colour,
      approvedOn: item.approvedOn,
      elapsedDays: timing.elapsedDays,
    };
    return { fact, regionPath, departmentId: item.departmentId };
  });
  const total = approvalFigures(
    facts.map((f) => f.fact),
    input.year,
  );
  if (input.groupBy !== 'department') {
    return {
      total,
      rows: input.groupBy.map((region) => ({
        key: region.key,
        label: region.label,
        kind: region.isSelf ? 'regionSelf' : 'region',
        figures: approvalFigures(
          facts
            .filter((f) =>
              region.isSelf ? f.regionPath === region.path : pathInSubtree(f.regionPath, region.path),
            )
            .map((f) => f.fact),
          input.year,
        ),
      })),
    };
  }
  const departmentIds = [...new Set(facts.flatMap((f) => (f.departmentId ? [f.departmentId] : [])))];
  const names = new Map(
    departmentIds.length === 0
      ? []
      : (
          await db
            .select({ id: organisations.id, name: organisations.name })
            .from(organisations)
            .where(inArray(organisations.id, departmentIds))
        ).map((o) => [o.id, o.name]),
  );
  const groups: FigureGroup[] = [...departmentIds, ...(facts.some((f) => !f.departmentId) ? [null] : [])].map(
    (id) => ({
      key: id ?? 'none',
      label: id ? (names.get(id) ?? '') : '',
      kind: id ? 'department' : 'none',
      figures: approvalFigures(
        facts.filter((f) => f.departmentId === id).map((f) => f.fact),
        input.year,
      ),
    }),
  );
  // Departments with the most open items first, then by name; no department last.
  groups.sort(
    (a, b) =>
      Number(a.kind === 'none') - Number(b.kind === 'none') ||
      b.figures.open - a.figures.open ||
      a.label.localeCompare(b.label, 'zh-CN'),
  );
  return { total, rows: groups };
}
