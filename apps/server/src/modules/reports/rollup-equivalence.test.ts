import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { annualPlans, auditEvents, monthlyReports, projects, projectYearFigures } from '../../db/schema';
import { seededRandom } from '../../testing/seeded-random';
import { createTestApp, type TestApp } from '../../testing/test-app';
import { testAuditKey } from '../../testing/test-constants';
import { keptFiguresOf, rebuildKeptFigures, verifyKeptFigures } from './kept-figures';

// The kept rollup `project_year_figures` (issue 18) against the domain's rule recomputed from
// scratch, after random sequences of the writes approvals, returns, corrections, imports and
// deletions make — single-row and multi-row statements, moves between months and projects, plan
// changes. This file runs on PGlite here and on PostgreSQL in the db-postgres tier.
let t: TestApp;
let ids: string[];
const years = [2025, 2026];
const statuses = ['draft', 'submitted', 'returned', 'approved'] as const;

/** Seeded, so a failure replays from its seed. */
const random = seededRandom;

beforeAll(async () => {
  t = await createTestApp();
  ids = (await t.db.select({ id: projects.id }).from(projects).orderBy(projects.code).limit(5)).map(
    (p) => p.id,
  );
});
afterAll(async () => t.close());

const amountOf = (r: ReturnType<typeof random>) => `${r.int(5000)}.${String(r.int(10_000)).padStart(4, '0')}`;

async function step(r: ReturnType<typeof random>) {
  const projectId = r.pick(ids);
  const year = r.pick(years);
  const month = 1 + r.int(12);
  const at = and(
    eq(monthlyReports.projectId, projectId),
    eq(monthlyReports.year, year),
    eq(monthlyReports.month, month),
  );
  switch (r.int(9)) {
    case 0:
    case 1: // a report written (drafted, submitted, approved by an import)
      await t.db
        .insert(monthlyReports)
        .values({
          projectId,
          year,
          month,
          completedWanYuan: amountOf(r),
          status: r.pick(statuses),
          dueOn: `${year}-12-31`,
        })
        .onConflictDoNothing();
      return;
    case 2: // approved, returned or resubmitted
      await t.db
        .update(monthlyReports)
        .set({ status: r.pick(statuses) })
        .where(at);
      return;
    case 3: // a correction of the amount, whatever the status
      await t.db
        .update(monthlyReports)
        .set({ completedWanYuan: amountOf(r) })
        .where(at);
      return;
    case 4: // the office approves every submitted report of a year at once (one statement, many rows)
      await t.db
        .update(monthlyReports)
        .set({ status: 'approved' })
        .where(
          and(
            eq(monthlyReports.year, year),
            eq(monthlyReports.status, 'submitted'),
            inArray(monthlyReports.projectId, ids),
          ),
        );
      return;
    case 5: // a report moved to another month or project (a fixed import), if the place is free
      await t.db
        .update(monthlyReports)
        .set({ month: 1 + r.int(12), projectId: r.pick(ids) })
        .where(at)
        .catch(() => undefined);
      return;
    case 6: // deleted
      await t.db.delete(monthlyReports).where(at);
      return;
    case 7: // the plan set or adjusted
      await t.db
        .insert(annualPlans)
        .values({ projectId, year, plannedInvestmentWanYuan: r.int(4) === 0 ? '0' : amountOf(r) })
        .onConflictDoUpdate({
          target: [annualPlans.projectId, annualPlans.year],
          set: { plannedInvestmentWanYuan: sql`excluded.planned_investment_wan_yuan` },
        });
      return;
    default: // an unrelated edit of an approved report: nothing to refresh, nothing may change
      await t.db
        .update(monthlyReports)
        .set({ progress: `第 ${r.int(100)} 次` })
        .where(at);
  }
}

describe('the kept project-year rollup', () => {
  it('starts equal to the rule on the demo (the migration filled it)', async () => {
    const check = await verifyKeptFigures(t.db);
    expect(check.mismatches).toEqual([]);
    expect(check.checked).toBeGreaterThan(50);
  });

  it.each([1, 2, 3])('stays equal to the rule after 150 random writes (seed %i)', async (seed) => {
    const r = random(seed);
    for (let i = 0; i < 150; i++) {
      await step(r);
      if (i % 50 === 49)
        expect((await verifyKeptFigures(t.db)).mismatches, `after write ${i + 1}`).toEqual([]);
    }
    // Something was really approved along the way, so the equality compared real figures.
    const [row] = await t.db
      .select({ n: sql<number>`count(*)::int` })
      .from(projectYearFigures)
      .where(and(inArray(projectYearFigures.projectId, ids), sql`${projectYearFigures.ytdTotal} > 0`));
    expect(Number(row?.n)).toBeGreaterThan(0);
  });

  it('rolls back with the transaction that wrote the report', async () => {
    const [projectId] = ids as [string];
    const before = await keptFiguresOf(t.db, projectId, 2026);
    await t.db
      .transaction(async (tx) => {
        await tx.delete(monthlyReports).where(eq(monthlyReports.projectId, projectId));
        throw new Error('roll back');
      })
      .catch(() => undefined);
    expect(await keptFiguresOf(t.db, projectId, 2026)).toEqual(before);
  });

  it('is rebuilt from scratch, audited, and found equal', async () => {
    await t.db.update(projectYearFigures).set({ ytdTotal: '1' });
    expect((await verifyKeptFigures(t.db)).mismatches.length).toBeGreaterThan(0);
    const outcome = await rebuildKeptFigures({ db: t.db, clock: t.clock, auditKey: testAuditKey });
    expect(outcome.mismatches).toEqual([]);
    expect(outcome.rebuilt).toBe(outcome.checked);
    const [audit] = await t.db
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.action, 'rollup.rebuild'))
      .orderBy(desc(auditEvents.id))
      .limit(1);
    expect(audit?.detail).toMatchObject({ table: 'project_year_figures', rows: outcome.rebuilt });
  });
});
