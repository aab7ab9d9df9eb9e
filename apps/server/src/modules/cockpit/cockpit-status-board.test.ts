import type { StatusBoard } from '@tuijin/contracts';
import { addDecimals } from '@tuijin/domain';
import { asc, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { annualPlans, monthlyReports, projects, regions, reportingCalendars } from '../../db/schema';
import { forgetCachedReadings } from '../../lib/process-cache';
import { clearPlansAndReports } from '../../testing/clear-plans-and-reports';
import { createTestApp, type TestApp } from '../../testing/test-app';

let t: TestApp;
const ids: Record<string, string> = {};

type Report = typeof monthlyReports.$inferInsert;

/** A report of 2026 for `month`: approved and submitted on the 20th unless `extra` says otherwise. */
const report = (projectId: string, month: number, completed: string, extra: Partial<Report> = {}): Report => {
  const mm = String(month).padStart(2, '0');
  return {
    projectId,
    year: 2026,
    month,
    completedWanYuan: completed,
    status: 'approved',
    dueOn: `2026-${mm}-27`,
    submittedAt: new Date(`2026-${mm}-20T02:00:00Z`),
    ...extra,
  };
};

/**
 * April 2026 in 宁德市: 蕉城区 follows the default rule (the 25th, a Saturday, so due Monday the
 * 27th); 福安市 has its own rule, the 20th (a Monday). The clock stands at Sunday 26 April, when
 * 福安's deadline has passed and 蕉城's has not — and a deadline read without the holiday calendar
 * (the 25th as written), or from a draft's provisional `due_on`, would wrongly call 蕉城 missing.
 */
async function seed() {
  await clearPlansAndReports(t.db);
  await t.db.delete(reportingCalendars);
  const pick = async (region: string, n: number) =>
    (
      await t.db
        .select({ id: projects.id })
        .from(projects)
        .where(eq(projects.regionCode, region))
        .orderBy(asc(projects.name))
        .limit(n)
    ).map((r) => r.id);
  const [j1, j2, j3, j4, j5, j6] = await pick('350902', 6);
  const [f1, f2, f3] = await pick('350981', 3);
  Object.assign(ids, { j1, j2, j3, j4, j5, j6, f1, f2, f3 });
  await t.db
    .update(projects)
    .set({ stage: 'underway' })
    .where(
      sql`${projects.id} in (${sql.join(
        [j1, j2, j3, j4, j5, f1, f2, f3].map((id) => sql`${id}`),
        sql`, `,
      )})`,
    );
  await t.db.update(projects).set({ stage: 'dropped' }).where(eq(projects.id, j6!));
  const [fuan] = await t.db.select().from(regions).where(eq(regions.code, '350981'));
  await t.db.insert(reportingCalendars).values({
    regionCode: '350981',
    regionPath: fuan!.path,
    deadlineKind: 'dayOfMonth',
    deadlineDay: 20,
  });
  // Written past the use case, so the process's kept rules are dropped by hand.
  forgetCachedReadings();
  await t.db.insert(annualPlans).values(
    [j1, j2, j3, j4, j5, j6, f1, f2, f3].map((id) => ({
      projectId: id!,
      year: 2026,
      plannedInvestmentWanYuan: '1200',
    })),
  );
  await t.db.insert(monthlyReports).values([
    // Earlier months: approved amounts (and one returned, which does not count).
    report(j1!, 1, '100.5'),
    report(j1!, 2, '80'),
    report(j2!, 2, '40.25'),
    report(j4!, 3, '60', { status: 'returned' }),
    report(j6!, 3, '999'),
    report(f1!, 1, '300'),
    report(f3!, 3, '75'),
    // April: on time, a draft with a provisional due_on, waiting, returned (submitted on time), dropped;
    // 福安: a draft and a late one.
    report(j1!, 4, '120'),
    report(j2!, 4, '50', { status: 'draft', submittedAt: null, dueOn: '2026-04-20' }),
    report(j4!, 4, '30', { status: 'submitted' }),
    report(j5!, 4, '45', { status: 'returned' }),
    report(j6!, 4, '10'),
    report(f2!, 4, '20', { status: 'draft', submittedAt: null, dueOn: '2026-04-20' }),
    report(f3!, 4, '66.6', {
      late: true,
      dueOn: '2026-04-20',
      submittedAt: new Date('2026-04-22T01:00:00Z'),
    }),
  ]);
}

beforeAll(async () => {
  t = await createTestApp();
  t.clock.set(new Date('2026-04-26T04:00:00Z'));
  await seed();
});
afterAll(async () => t.close());

interface Figure {
  value?: string;
  numerator?: string;
  denominator?: string;
}
type Figures = Record<string, Figure>;

/** The cockpit's reporting figures of one rollup cell, in the status board's terms. */
const cockpitReporting = (f: Figures) => ({
  due: Number(f.reportingTimeliness!.denominator),
  reported: Number(f.reportingTimeliness!.numerator) + Number(f.lateCount!.value),
  onTime: Number(f.reportingTimeliness!.numerator),
  late: Number(f.lateCount!.value),
  missing: Number(f.missingCount!.value),
});
const boardReporting = (b: StatusBoard) => ({
  due: b.counts.due,
  reported: b.counts.submitted + b.counts.returned + b.counts.approved,
  onTime: b.counts.onTime,
  late: b.counts.late,
  missing: b.counts.missing,
});

async function compare(region: string, month: number) {
  const city = await t.as('ningde');
  const rollup = await city.get(`/api/cockpit/rollup?year=2026&month=${month}&region=${region}`);
  const board = await city.get(
    `/api/monthly-reports/status-board?year=2026&month=${month}&regionCode=${region}&pageSize=200`,
  );
  expect(rollup.status).toBe(200);
  expect(board.status).toBe(200);
  return {
    rollup: rollup.body,
    board: board.body as StatusBoard,
    cockpit: cockpitReporting(rollup.body.total),
    counts: boardReporting(board.body),
  };
}

describe('the cockpit and the status board agree', () => {
  it('counts reported, on time, late and missing alike for the city and for each county', async () => {
    const { cockpit, counts, rollup } = await compare('350900', 4);
    // Due: J1–J5, F1–F3 (J6 is dropped). On time: J1, J4, J5. Late: F3. Missing: F1, F2 (福安's 20th
    // has passed). Not yet due: J2's draft and J3 (蕉城's 25th is a Saturday: due Monday the 27th).
    expect(cockpit).toEqual({ due: 8, reported: 4, onTime: 3, late: 1, missing: 2 });
    expect(cockpit).toEqual(counts);
    for (const county of ['350902', '350981']) {
      const own = await compare(county, 4);
      expect(own.cockpit).toEqual(own.counts);
      const row = (rollup.rows as { key: string; figures: Figures }[]).find((r) => r.key === county)!;
      expect(cockpitReporting(row.figures)).toEqual(own.counts);
    }
    expect(rollup.deadlineOn).toBe('2026-04-27');
  });

  it('lists the same projects as missing, and the same deadlines, on both', async () => {
    const city = await t.as('ningde');
    const missing = (await city.get('/api/cockpit/projects?year=2026&month=4&measure=missing')).body;
    const board = (
      await city.get('/api/monthly-reports/status-board?year=2026&month=4&status=missing&pageSize=200')
    ).body as StatusBoard;
    const cockpitIds = missing.data.map((p: { id: string }) => p.id).sort();
    expect(cockpitIds).toEqual([ids.f1, ids.f2].sort());
    expect(board.data.map((r) => r.projectId).sort()).toEqual(cockpitIds);
    const all = (await city.get('/api/monthly-reports/status-board?year=2026&month=4&pageSize=200'))
      .body as StatusBoard;
    const dueOf = (id: string | undefined) => all.data.find((r) => r.projectId === id)?.dueOn;
    // An unsubmitted report takes the calendar's deadline, not its draft's provisional due_on.
    expect(dueOf(ids.j2)).toBe('2026-04-27');
    expect(dueOf(ids.j3)).toBe('2026-04-27');
    expect(dueOf(ids.f2)).toBe('2026-04-20');
  });

  it('moves 蕉城’s unsubmitted reports to missing on both once its deadline has passed', async () => {
    t.clock.set(new Date('2026-04-28T04:00:00Z'));
    try {
      const { cockpit, counts } = await compare('350900', 4);
      expect(cockpit).toEqual({ due: 8, reported: 4, onTime: 3, late: 1, missing: 4 });
      expect(cockpit).toEqual(counts);
    } finally {
      t.clock.set(new Date('2026-04-26T04:00:00Z'));
    }
  });

  it('makes the year-to-date the sum of the approved reports up to the month', async () => {
    const { rollup } = await compare('350900', 4);
    const city = await t.as('ningde');
    const approved: string[] = [];
    for (const month of [1, 2, 3, 4]) {
      const board = (
        await city.get(
          `/api/monthly-reports/status-board?year=2026&month=${month}&regionCode=350900&pageSize=200`,
        )
      ).body as StatusBoard;
      for (const row of board.data) if (row.status === 'approved') approved.push(row.completedWanYuan!);
    }
    // The dropped project's approved reports count in its plan's year-to-date too (it has a plan).
    const dropped = ['999', '10'];
    const expected = addDecimals([...approved, ...dropped]);
    expect(expected).toBe('1791.35');
    expect(rollup.total.completedYtd.value).toBe(expected);
    const march = (await compare('350900', 3)).rollup;
    expect(march.total.completedYtd.value).toBe(addDecimals([expected, '-120', '-66.6', '-10']));
  });
});
