import {
  chinaDate,
  compareDecimals,
  formatDecimal,
  type ProblemStatus,
  type ProjectRegionFacts,
  type ProjectStage,
  parseDecimal,
  problemRegionSumsOf,
  type RegionMonthSum,
  type RegionStageDay,
  type ReportStatus,
  regionFactsOfProject,
  regionSumsOf,
  systemActor,
  yearFiguresOfProject,
} from '@tuijin/domain';
import { sql } from 'drizzle-orm';
import type { Ctx } from '../../context';
import type { Queryable } from '../../db/database';
import { queryRows } from '../../db/rows';
import {
  annualPlans,
  monthlyReports,
  problems,
  projectRegionFacts,
  projects,
  regionMonthSums,
  regionProblemSums,
  regionStageDays,
} from '../../db/schema';
import { recordAudit } from '../audit';

/** A kept region-sums row that differs from the rule recomputed from scratch (`missing`/`extra`: one side has no row). */
export interface RegionSumsMismatch {
  table: 'project_region_facts' | 'region_month_sums' | 'region_stage_days' | 'region_problem_sums';
  key: string;
  field: string;
  kept: string | null;
  expected: string | null;
}

export interface RegionSumsCheck {
  /** Rows compared, over the four tables. */
  checked: number;
  mismatches: RegionSumsMismatch[];
}

const projectsPerBatch = 2_000;

/** A value as compared: decimals by value, dates and flags as text, arrays element by element. */
function same(a: unknown, b: unknown): boolean {
  if (Array.isArray(a) || Array.isArray(b))
    return Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((v, i) => same(v, b[i]));
  if (
    typeof a === 'string' &&
    typeof b === 'string' &&
    /^-?\d+(\.\d+)?$/.test(a) &&
    /^-?\d+(\.\d+)?$/.test(b)
  )
    return compareDecimals(a, b) === 0;
  return String(a ?? null) === String(b ?? null);
}

const text = (v: unknown) =>
  v === null || v === undefined ? null : Array.isArray(v) ? v.join(',') : String(v);

/** Compares kept rows with expected ones by key and field; answers the rows compared. */
function compareRows<T extends object>(
  table: RegionSumsMismatch['table'],
  kept: readonly T[],
  expected: readonly T[],
  keyOf: (row: T) => string,
  out: RegionSumsMismatch[],
  limit: number,
): number {
  const add = (m: RegionSumsMismatch) => {
    if (out.length < limit) out.push(m);
  };
  const keptBy = new Map(kept.map((r) => [keyOf(r), r]));
  const expectedBy = new Map(expected.map((r) => [keyOf(r), r]));
  for (const [key, want] of expectedBy) {
    const row = keptBy.get(key);
    if (!row) {
      add({ table, key, field: 'missing', kept: null, expected: 'row' });
      continue;
    }
    for (const [field, value] of Object.entries(want))
      if (!same((row as Record<string, unknown>)[field], value))
        add({
          table,
          key,
          field,
          kept: text((row as Record<string, unknown>)[field]),
          expected: text(value),
        });
  }
  for (const key of keptBy.keys())
    if (!expectedBy.has(key)) add({ table, key, field: 'extra', kept: 'row', expected: null });
  return expectedBy.size + [...keptBy.keys()].filter((k) => !expectedBy.has(k)).length;
}

/** Adds region rows of one batch into the running totals (the sums are additive over projects). */
function mergeInto<T extends object>(acc: Map<string, T>, rows: readonly T[], keyOf: (r: T) => string) {
  for (const row of rows) {
    const key = keyOf(row);
    const was = acc.get(key) as Record<string, unknown> | undefined;
    if (!was) {
      acc.set(key, { ...row });
      continue;
    }
    for (const [field, value] of Object.entries(row)) {
      const before = was[field];
      if (typeof value === 'number' && typeof before === 'number' && !/^(year|month)$/.test(field))
        was[field] = before + value;
      else if (['planned', 'cumPlan', 'ytd'].includes(field))
        was[field] = formatDecimal(parseDecimal(String(before)) + parseDecimal(String(value)));
    }
  }
}

const monthKey = (r: RegionMonthSum) => `${r.regionCode}|${r.year}|${r.basis}|${r.month}`;
const dayKey = (r: RegionStageDay) => `${r.regionCode}|${r.year}|${r.basis}|${r.onDate}`;
const factsKey = (r: ProjectRegionFacts & { projectId: string }) => `${r.projectId}|${r.year}|${r.basis}`;

/** The region sums' facts of a batch of projects, from their plans, reports and project rows (domain rule only). */
async function expectedFactsOf(db: Queryable, batch: readonly string[]) {
  const inBatch = sql`in (${sql.join(
    batch.map((id) => sql`${id}::uuid`),
    sql`, `,
  )})`;
  const [projectRows, plans, reports] = await Promise.all([
    db
      .select({
        id: projects.id,
        regionCode: projects.regionCode,
        recordedStage: projects.stage,
        actualStartOn: projects.actualStartOn,
        actualCompletionOn: projects.actualCompletionOn,
        actualOperationOn: projects.actualOperationOn,
      })
      .from(projects)
      .where(sql`${projects.id} ${inBatch}`),
    db.select().from(annualPlans).where(sql`${annualPlans.projectId} ${inBatch}`),
    db
      .select({
        projectId: monthlyReports.projectId,
        year: monthlyReports.year,
        month: monthlyReports.month,
        status: monthlyReports.status,
        completedWanYuan: monthlyReports.completedWanYuan,
        isSubmitted: sql<boolean>`${monthlyReports.submittedAt} is not null`,
        late: monthlyReports.late,
        inStatistics: monthlyReports.inStatistics,
      })
      .from(monthlyReports)
      .where(sql`${monthlyReports.projectId} ${inBatch}`),
  ]);
  const projectOf = new Map(projectRows.map((p) => [p.id, p]));
  const reportsOf = new Map<string, typeof reports>();
  for (const r of reports) {
    const k = `${r.projectId}|${r.year}`;
    reportsOf.set(k, [...(reportsOf.get(k) ?? []), r]);
  }
  const facts: (ProjectRegionFacts & { projectId: string })[] = [];
  for (const plan of plans) {
    const project = projectOf.get(plan.projectId);
    if (!project) continue;
    const yearReports = reportsOf.get(`${plan.projectId}|${plan.year}`) ?? [];
    const figures = yearFiguresOfProject(
      yearReports.map((r) => ({ ...r, status: r.status as ReportStatus })),
      plan.year,
      plan.plannedInvestmentWanYuan,
    );
    for (const f of regionFactsOfProject({
      project: { ...project, recordedStage: project.recordedStage as ProjectStage },
      year: plan.year,
      plan: {
        status: plan.status,
        adjusted: {
          plannedInvestmentWanYuan: plan.plannedInvestmentWanYuan,
          splitKind: plan.splitKind,
          splitWanYuan: plan.splitWanYuan,
          plansStart: plan.plansStart,
          plansCompletion: plan.plansCompletion,
          plansOperation: plan.plansOperation,
        },
        baseline: {
          plannedInvestmentWanYuan: plan.baselineInvestmentWanYuan,
          splitKind: plan.baselineSplitKind,
          splitWanYuan: plan.baselineSplitWanYuan,
          plansStart: plan.baselinePlansStart,
          plansCompletion: plan.baselinePlansCompletion,
          plansOperation: plan.baselinePlansOperation,
        },
      },
      ytd: figures.ytd,
      reports: yearReports.map((r) => ({ ...r, status: r.status as ReportStatus })),
    }))
      facts.push({ projectId: plan.projectId, ...f });
  }
  return facts;
}

/**
 * Compares the kept region sums (`project_region_facts`, `region_month_sums`, `region_stage_days`,
 * `region_problem_sums`) with the domain's `regionFactsOfProject`/`regionSumsOf` and
 * `problemRegionSumsOf` recomputed from the projects, plans, reports and problems — the year-to-date
 * from the reports too (`yearFiguresOfProject`), not from the kept project-year rollup. At most
 * `limit` mismatches are listed.
 */
export async function verifyKeptRegionSums(db: Queryable, limit = 50): Promise<RegionSumsCheck> {
  const ids = (
    await queryRows<{ project_id: string }>(
      db,
      sql`select distinct project_id from ${annualPlans} union select project_id from ${projectRegionFacts} order by 1`,
    )
  ).map((r) => r.project_id);
  const mismatches: RegionSumsMismatch[] = [];
  let checked = 0;
  const months = new Map<string, RegionMonthSum>();
  const days = new Map<string, RegionStageDay>();
  for (let i = 0; i < ids.length; i += projectsPerBatch) {
    const batch = ids.slice(i, i + projectsPerBatch);
    const facts = await expectedFactsOf(db, batch);
    const kept = await db
      .select()
      .from(projectRegionFacts)
      .where(
        sql`${projectRegionFacts.projectId} in (${sql.join(
          batch.map((id) => sql`${id}::uuid`),
          sql`, `,
        )})`,
      );
    checked += compareRows('project_region_facts', kept, facts, factsKey, mismatches, limit);
    const sums = regionSumsOf(facts);
    mergeInto(months, sums.months, monthKey);
    mergeInto(days, sums.days, dayKey);
  }
  const keptMonths = await db.select().from(regionMonthSums);
  checked += compareRows('region_month_sums', keptMonths, [...months.values()], monthKey, mismatches, limit);
  const keptDays = await db.select().from(regionStageDays);
  checked += compareRows('region_stage_days', keptDays, [...days.values()], dayKey, mismatches, limit);
  const problemRows = await db
    .select({
      regionCode: problems.regionCode,
      projectRegionCode: projects.regionCode,
      dueOn: problems.dueOn,
      status: problems.status,
      raisedAt: problems.raisedAt,
      writtenOffAt: problems.writtenOffAt,
    })
    .from(problems)
    .innerJoin(projects, sql`${projects.id} = ${problems.projectId}`);
  const expectedProblems = problemRegionSumsOf(
    problemRows.map((p) => ({
      regionCode: p.regionCode,
      projectRegionCode: p.projectRegionCode,
      dueOn: p.dueOn,
      status: p.status as ProblemStatus,
      raisedOn: chinaDate(p.raisedAt),
      writtenOffOn: p.writtenOffAt ? chinaDate(p.writtenOffAt) : null,
    })),
  );
  const keptProblems = await db.select().from(regionProblemSums);
  checked += compareRows(
    'region_problem_sums',
    keptProblems,
    expectedProblems,
    (r) => `${r.regionCode}|${r.projectRegionCode}|${r.dueOn}`,
    mismatches,
    limit,
  );
  return { checked, mismatches };
}

/**
 * Recomputes the kept region sums from scratch in the caller's transaction with the triggers' own
 * functions (after `project_year_figures` is rebuilt, since the facts read it). Answers the facts
 * rows written.
 */
export async function refillRegionSums(db: Queryable): Promise<number> {
  await db.delete(projectRegionFacts);
  await db.delete(regionMonthSums);
  await db.delete(regionStageDays);
  await db.delete(regionProblemSums);
  await db.execute(
    sql`select tuijin_refresh_region_facts(array_agg(a.project_id), array_agg(a.year)) from ${annualPlans} a`,
  );
  await db.execute(
    sql`select tuijin_add_problem_sums(1, array_agg(p)) from ${problems} p having count(*) > 0`,
  );
  const [count] = await queryRows<{ n: number | string }>(
    db,
    sql`select count(*)::int as n from ${projectRegionFacts}`,
  );
  return Number(count?.n ?? 0);
}

/**
 * `tuijin rollups rebuild` for the region sums alone: one audited transaction, then a check.
 */
export async function rebuildKeptRegionSums(
  ctx: Pick<Ctx, 'db' | 'clock' | 'auditKey'>,
): Promise<{ rebuilt: number } & RegionSumsCheck> {
  const rebuilt = await ctx.db.transaction(async (tx) => {
    const n = await refillRegionSums(tx);
    await recordAudit(
      tx,
      { actor: systemActor, clock: ctx.clock, ip: null, auditKey: ctx.auditKey },
      {
        action: 'rollup.rebuild',
        entityType: 'rollup',
        entityId: 'region_sums',
        regionPath: null,
        detail: { table: 'project_region_facts', rows: n },
      },
    );
    return n;
  });
  return { rebuilt, ...(await verifyKeptRegionSums(ctx.db)) };
}
