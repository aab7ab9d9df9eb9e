import type { CockpitQuery } from '@tuijin/contracts';
import { type Actor, chinaDate, systemActor } from '@tuijin/domain';
import { asc, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Ctx } from '../../context';
import { projects } from '../../db/schema';
import { createTestApp, type TestApp } from '../../testing/test-app';
import { testAuditKey } from '../../testing/test-constants';
import { loadActorByUsername } from '../auth';
import { getCockpitRollup } from './cockpit.queries';
import { canReadKeptRollup } from './cockpit-kept';
import { resolveCockpitRegion } from './cockpit-regions';

// The cockpit's default rollup read from the kept region sums (issue 18 item 1) must answer exactly
// what the per-project path answers: every month, both bases, the province and the city, before and
// after writes that move starts and completions around "today".
let t: TestApp;
let city: Actor;

const ctxOf = (actor: Actor): Ctx => ({ db: t.db, actor, clock: t.clock, ip: null, auditKey: testAuditKey });

beforeAll(async () => {
  t = await createTestApp();
  city = (await loadActorByUsername(t.db, 'ningde'))!;
});
afterAll(async () => t.close());

const query = (over: Partial<CockpitQuery>): CockpitQuery => ({
  year: 2026,
  month: 12,
  basis: 'adjusted',
  dimension: 'region',
  ...over,
});

/** Both paths for every month and basis, as `actor` at `region`; answers how many groups held projects. */
async function compareAll(actor: Actor, region?: string) {
  const ctx = ctxOf(actor);
  let withProjects = 0;
  for (const basis of ['adjusted', 'baseline'] as const)
    for (let month = 1; month <= 12; month++) {
      const q = query({ basis, month, ...(region ? { region } : {}) });
      const place = await resolveCockpitRegion(t.db, actor, region);
      expect(canReadKeptRollup(actor, q, place, chinaDate(t.clock.now()))).toBe(true);
      const kept = await getCockpitRollup(ctx, q);
      const perProject = await getCockpitRollup(ctx, q, { keptSums: false });
      expect(kept, `${basis} ${month}`).toEqual(perProject);
      withProjects += kept.rows.filter((r) => r.figures.projectCount.value !== '0').length;
    }
  return withProjects;
}

describe('the cockpit rollup from the kept region sums', () => {
  it('answers what the per-project path answers on the demo', async () => {
    expect(await compareAll(city)).toBeGreaterThan(20);
    expect(await compareAll(systemActor)).toBeGreaterThan(10);
  });

  it('answers the same through the API', async () => {
    const office = await t.as('ningde');
    const response = await office.get('/api/cockpit/rollup?year=2026&month=6&basis=adjusted');
    expect(response.status).toBe(200);
    const perProject = await getCockpitRollup(ctxOf(city), query({ month: 6 }), { keptSums: false });
    expect(response.body).toEqual(JSON.parse(JSON.stringify(perProject)));
    expect(Number(response.body.total.completedYtd.value)).toBeGreaterThan(0);
  });

  it('counts starts, completions and operations up to today inside the running month', async () => {
    t.clock.set(new Date('2026-06-15T04:00:00Z'));
    const ids = (
      await t.db.select({ id: projects.id }).from(projects).orderBy(asc(projects.code)).limit(12)
    ).map((p) => p.id);
    const days = ['2026-06-03', '2026-06-15', '2026-06-16', '2026-06-29', '2026-07-02', '2025-11-30'];
    for (const [i, id] of ids.entries())
      await t.db
        .update(projects)
        .set({
          actualStartOn: days[i % days.length]!,
          actualCompletionOn: i % 3 === 0 ? days[(i + 1) % days.length]! : null,
          actualOperationOn: i % 4 === 0 ? days[(i + 2) % days.length]! : null,
        })
        .where(eq(projects.id, id));
    await t.db.execute(sql`update annual_plans set plans_start = true, plans_completion = true, plans_operation = true
      where year = 2026 and project_id in (${sql.join(
        ids.map((id) => sql`${id}::uuid`),
        sql`, `,
      )})`);
    expect(await compareAll(city)).toBeGreaterThan(20);
  });

  it('takes the per-project path with a filter, for an owner, and at a county without children', async () => {
    const place = await resolveCockpitRegion(t.db, city, undefined);
    const today = chinaDate(t.clock.now());
    expect(canReadKeptRollup(city, query({ constructionType: 'new' }), place, today)).toBe(false);
    expect(canReadKeptRollup(city, query({ dimension: 'level' }), place, today)).toBe(false);
    const owner = (await loadActorByUsername(t.db, 'owner1'))!;
    expect(canReadKeptRollup(owner, query({}), place, today)).toBe(false);
    const county = await resolveCockpitRegion(t.db, city, '350902');
    expect(canReadKeptRollup(city, query({ region: '350902' }), county, today)).toBe(
      county.children.length > 0,
    );
  });
});
