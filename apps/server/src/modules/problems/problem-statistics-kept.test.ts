import { type Actor, systemActor } from '@tuijin/domain';
import { asc, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Ctx } from '../../context';
import { problems, projects, regions } from '../../db/schema';
import { createTestApp, type TestApp } from '../../testing/test-app';
import { testAuditKey } from '../../testing/test-constants';
import { loadActorByUsername } from '../auth';
import { getProblemStatistics } from './problem-statistics';

// 问题统计 by region from the kept counts (issue 18 item 2) must answer exactly what the count over
// the problems answers: for the city and the system, the whole jurisdiction and one county, on
// several days (overdue moves with "today"), and after a project with problems moved away.
let t: TestApp;
let city: Actor;
const ctxOf = (actor: Actor): Ctx => ({ db: t.db, actor, clock: t.clock, ip: null, auditKey: testAuditKey });

beforeAll(async () => {
  t = await createTestApp();
  city = (await loadActorByUsername(t.db, 'ningde'))!;
});
afterAll(async () => t.close());

async function compare(actor: Actor) {
  let overdue = 0;
  for (const regionCode of [undefined, '350902', '350900']) {
    const query = { by: 'region' as const, ...(regionCode ? { regionCode } : {}) };
    const kept = await getProblemStatistics(ctxOf(actor), query);
    const perProblem = await getProblemStatistics(ctxOf(actor), query, { keptSums: false });
    expect(kept, `${actor.userId} ${regionCode}`).toEqual(perProblem);
    overdue += kept.total.overdue;
  }
  return overdue;
}

describe('problem statistics by region from the kept counts', () => {
  it('answer what the count over the problems answers, day after day', async () => {
    let overdue = 0;
    for (const day of ['2026-01-20', '2026-03-01', '2026-06-30', '2026-12-07']) {
      t.clock.set(new Date(`${day}T04:00:00Z`));
      overdue += (await compare(city)) + (await compare(systemActor));
    }
    expect(overdue).toBeGreaterThan(0);
  });

  it('answer the same through the API', async () => {
    const office = await t.as('ningde');
    const response = await office.get('/api/problems/statistics?by=region&regionCode=350900');
    expect(response.status).toBe(200);
    const perProblem = await getProblemStatistics(
      ctxOf(city),
      { by: 'region', regionCode: '350900' },
      { keptSums: false },
    );
    expect(response.body).toEqual(JSON.parse(JSON.stringify(perProblem)));
    expect(response.body.total.received).toBeGreaterThan(0);
  });

  it('follow a project that moved out of a county, and leave the jurisdiction to the per-problem path when it moved away', async () => {
    const [withProblems] = await t.db
      .select({ id: projects.id, regionCode: projects.regionCode })
      .from(projects)
      .where(sql`exists (select 1 from ${problems} where ${problems.projectId} = ${projects.id})`)
      .orderBy(asc(projects.code))
      .limit(1);
    const [other] = await t.db
      .select({ code: regions.code, path: regions.path })
      .from(regions)
      .where(sql`${regions.parentCode} = '350900' and ${regions.code} <> ${withProblems!.regionCode}`)
      .limit(1);
    await t.db
      .update(projects)
      .set({ regionCode: other!.code, regionPath: other!.path })
      .where(eq(projects.id, withProblems!.id));
    await compare(city);
    await compare(systemActor);
    const [outside] = await t.db
      .select({ code: regions.code, path: regions.path })
      .from(regions)
      .where(sql`${regions.path} not like '350000.350900%' and ${regions.level} = 'city'`)
      .limit(1);
    if (outside) {
      await t.db
        .update(projects)
        .set({ regionCode: outside.code, regionPath: outside.path })
        .where(eq(projects.id, withProblems!.id));
      await compare(city);
      await compare(systemActor);
    }
  });
});
