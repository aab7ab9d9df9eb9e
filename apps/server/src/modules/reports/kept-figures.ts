import { compareDecimals, type ReportStatus, systemActor, yearFiguresOfProject } from '@tuijin/domain';
import { and, asc, eq, sql } from 'drizzle-orm';
import type { Ctx } from '../../context';
import type { Queryable } from '../../db/database';
import { queryRows } from '../../db/rows';
import { annualPlans, monthlyReports, projectYearFigures } from '../../db/schema';
import { recordAudit } from '../audit';

/** One project-year whose kept figures differ from the rule recomputed from its reports and plan. */
export interface KeptFiguresMismatch {
  projectId: string;
  year: number;
  field: 'missing' | 'approved' | 'ytd' | 'ytdTotal' | 'planned' | 'ytdRate';
  kept: string | null;
  expected: string | null;
}

export interface KeptFiguresCheck {
  checked: number;
  mismatches: KeptFiguresMismatch[];
}

const projectsPerBatch = 2_000;

/**
 * Compares every kept project-year (`project_year_figures`) with the domain's `yearFiguresOfProject`
 * recomputed from the project's reports and plan of that year, a batch of projects at a time; a
 * project-year with reports or a plan and no kept row is a mismatch too. At most `limit` mismatches
 * are listed.
 */
export async function verifyKeptFigures(db: Queryable, limit = 50): Promise<KeptFiguresCheck> {
  const ids = (
    await queryRows<{ project_id: string }>(
      db,
      sql`select project_id from ${monthlyReports} union select project_id from ${annualPlans} order by 1`,
    )
  ).map((r) => r.project_id);
  const mismatches: KeptFiguresMismatch[] = [];
  let checked = 0;
  for (let i = 0; i < ids.length; i += projectsPerBatch) {
    const batch = ids.slice(i, i + projectsPerBatch);
    const inBatch = sql`in (${sql.join(
      batch.map((id) => sql`${id}::uuid`),
      sql`, `,
    )})`;
    const [reports, plans, kept] = await Promise.all([
      db
        .select({
          projectId: monthlyReports.projectId,
          year: monthlyReports.year,
          month: monthlyReports.month,
          status: monthlyReports.status,
          completedWanYuan: monthlyReports.completedWanYuan,
        })
        .from(monthlyReports)
        .where(sql`${monthlyReports.projectId} ${inBatch}`),
      db
        .select({
          projectId: annualPlans.projectId,
          year: annualPlans.year,
          planned: annualPlans.plannedInvestmentWanYuan,
        })
        .from(annualPlans)
        .where(sql`${annualPlans.projectId} ${inBatch}`),
      db
        .select()
        .from(projectYearFigures)
        .where(sql`${projectYearFigures.projectId} ${inBatch}`)
        .orderBy(asc(projectYearFigures.projectId)),
    ]);
    const key = (projectId: string, year: number) => `${projectId}|${year}`;
    const keptOf = new Map(kept.map((k) => [key(k.projectId, k.year), k]));
    const planOf = new Map(plans.map((p) => [key(p.projectId, p.year), p.planned]));
    const reportsOf = new Map<string, typeof reports>();
    for (const r of reports) {
      const k = key(r.projectId, r.year);
      reportsOf.set(k, [...(reportsOf.get(k) ?? []), r]);
    }
    const pairs = new Set([...reportsOf.keys(), ...planOf.keys()]);
    for (const pair of pairs) {
      checked += 1;
      const [projectId = '', yearText = '0'] = pair.split('|');
      const year = Number(yearText);
      const expected = yearFiguresOfProject(
        (reportsOf.get(pair) ?? []).map((r) => ({ ...r, status: r.status as ReportStatus })),
        year,
        planOf.get(pair) ?? null,
      );
      const row = keptOf.get(pair);
      const add = (field: KeptFiguresMismatch['field'], keptValue: string | null, want: string | null) => {
        if (mismatches.length < limit)
          mismatches.push({ projectId, year, field, kept: keptValue, expected: want });
      };
      if (!row) {
        // Only plans or unapproved reports and no row: the rule's figures are all zero then.
        if (expected.ytdTotal !== '0' || expected.planned !== null) add('missing', null, expected.ytdTotal);
        continue;
      }
      const same = (a: string | null, b: string | null) =>
        a === null || b === null ? a === b : compareDecimals(a, b) === 0;
      if (!row.approved.every((v, m) => same(v, expected.approved[m] ?? null)) || row.approved.length !== 12)
        add('approved', row.approved.join(','), expected.approved.join(','));
      if (!row.ytd.every((v, m) => same(v, expected.ytd[m] ?? null)) || row.ytd.length !== 12)
        add('ytd', row.ytd.join(','), expected.ytd.join(','));
      if (!same(row.ytdTotal, expected.ytdTotal)) add('ytdTotal', row.ytdTotal, expected.ytdTotal);
      if (!same(row.planned, expected.planned)) add('planned', row.planned, expected.planned);
      if (row.ytdRate !== expected.ytdRate) add('ytdRate', row.ytdRate, expected.ytdRate);
    }
  }
  return { checked, mismatches };
}

/**
 * `tuijin rollups rebuild`: recomputes every kept project-year from scratch in one transaction
 * (after a restore, a bulk load that bypassed nothing but wants proof, or a migration), audited
 * as one `rollup.rebuild` event, then verifies the result against the domain rule.
 */
export async function rebuildKeptFigures(
  ctx: Pick<Ctx, 'db' | 'clock' | 'auditKey'>,
): Promise<{ rebuilt: number } & KeptFiguresCheck> {
  const rebuilt = await ctx.db.transaction(async (tx) => {
    await tx.delete(projectYearFigures);
    await tx.execute(sql`select tuijin_refresh_project_years(array_agg(k.project_id), array_agg(k.year))
      from (select project_id, year from ${monthlyReports} union select project_id, year from ${annualPlans}) k`);
    const [count] = await queryRows<{ n: number | string }>(
      tx,
      sql`select count(*)::int as n from ${projectYearFigures}`,
    );
    const n = Number(count?.n ?? 0);
    await recordAudit(
      tx,
      { actor: systemActor, clock: ctx.clock, ip: null, auditKey: ctx.auditKey },
      {
        action: 'rollup.rebuild',
        entityType: 'rollup',
        entityId: 'project_year_figures',
        regionPath: null,
        detail: { table: 'project_year_figures', rows: n },
      },
    );
    return n;
  });
  return { rebuilt, ...(await verifyKeptFigures(ctx.db)) };
}

/** The kept figures of one project-year (null when none), for tests and the project page. */
export async function keptFiguresOf(db: Queryable, projectId: string, year: number) {
  const [row] = await db
    .select()
    .from(projectYearFigures)
    .where(and(eq(projectYearFigures.projectId, projectId), eq(projectYearFigures.year, year)));
  return row ?? null;
}
