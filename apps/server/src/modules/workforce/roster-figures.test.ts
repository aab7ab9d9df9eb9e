import { and, eq, isNull, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { organisations, projects, workers } from '../../db/schema';
import { createTestApp, type TestApp } from '../../testing/test-app';

let t: TestApp;

beforeAll(async () => {
  t = await createTestApp();
}, 120_000);
afterAll(async () => t.close());

describe('the roster’s headcount where the product asks how many work on site', () => {
  it('gives the workers on site on the month’s last day (or today) for a project with a roster, none without', async () => {
    const owner = await t.as('owner1');
    const [withRoster] = await t.db
      .select({ id: projects.id, n: sql<number>`count(*)::int` })
      .from(workers)
      .innerJoin(projects, eq(projects.id, workers.projectId))
      .where(isNull(workers.deletedAt))
      .groupBy(projects.id)
      .orderBy(sql`count(*) desc`)
      .limit(1);
    expect(withRoster).toBeDefined();
    const onSite = async (day: string) =>
      (
        await t.db
          .select({ n: sql<number>`count(*)::int` })
          .from(workers)
          .where(
            and(
              eq(workers.projectId, withRoster!.id),
              isNull(workers.deletedAt),
              sql`${workers.arrivedOn} <= ${day} and (${workers.departedOn} is null or ${workers.departedOn} > ${day})`,
            ),
          )
      )[0]!.n;
    // February is over on the test clock (2 March): its last day; March runs to today.
    const february = await owner.get(`/api/projects/${withRoster!.id}/reports/2026/2/form`);
    expect(february.status).toBe(200);
    expect(february.body.roster).toEqual({ onDate: '2026-02-28', workersOnSite: await onSite('2026-02-28') });
    const march = await owner.get(`/api/projects/${withRoster!.id}/reports/2026/3/form`);
    expect(march.body.roster).toEqual({ onDate: '2026-03-02', workersOnSite: await onSite('2026-03-02') });
    expect(march.body.roster.workersOnSite).toBeGreaterThan(0);
    // A project of owner1 with no roster at all offers nothing.
    const [bare] = await t.db
      .select({ id: projects.id })
      .from(projects)
      .where(
        and(
          eq(projects.regionCode, '350902'),
          sql`not exists (select 1 from ${workers} where ${workers.projectId} = ${projects.id})`,
        ),
      )
      .limit(1);
    const none = await (await t.as('jiaocheng')).get(`/api/projects/${bare!.id}/reports/2026/2/form`);
    expect(none.status).toBe(200);
    expect(none.body.roster).toBeNull();
  });

  it('shows a 用工 demand the roster’s workers on site today next to what is met', async () => {
    const county = await t.as('jiaocheng');
    const [project] = await t.db
      .select({ id: projects.id, n: sql<number>`count(*)::int` })
      .from(workers)
      .innerJoin(projects, eq(projects.id, workers.projectId))
      .where(and(isNull(workers.deletedAt), eq(projects.regionCode, '350902')))
      .groupBy(projects.id)
      .limit(1);
    const [housing] = await t.db
      .select({ id: organisations.id })
      .from(organisations)
      .where(eq(organisations.name, '宁德市住房和城乡建设局'));
    const created = await county.post(`/api/projects/${project!.id}/factor-demands`, {
      type: 'labour',
      quantity: '300',
      metQuantity: '120',
      unit: null,
      note: null,
      landKind: null,
      landQuotaStatus: null,
      landApprovalStage: null,
      landDeliveryOn: null,
      coalTonnes: null,
      financePurpose: null,
      banksMatched: null,
      disbursedWanYuan: null,
      utilityKind: null,
      materialName: null,
      responsibleOrganisationId: housing!.id,
      neededBy: '2026-04-01',
    });
    expect(created.status).toBe(200);
    const today = '2026-03-02';
    const [{ n }] = (await t.db
      .select({ n: sql<number>`count(*)::int` })
      .from(workers)
      .where(
        and(
          eq(workers.projectId, project!.id),
          isNull(workers.deletedAt),
          sql`${workers.arrivedOn} <= ${today} and (${workers.departedOn} is null or ${workers.departedOn} > ${today})`,
        ),
      )) as [{ n: number }];
    expect(n).toBeGreaterThan(0);
    const demands = (await county.get(`/api/projects/${project!.id}/factors`)).body.demands as {
      type: string;
      rosterOnSite: number | null;
    }[];
    expect(demands.find((d) => d.type === 'labour')!.rosterOnSite).toBe(n);
    expect(demands.filter((d) => d.type !== 'labour').every((d) => d.rosterOnSite === null)).toBe(true);
  });
});
