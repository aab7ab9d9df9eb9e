import { asc, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { impliedStageSql, stageToday } from '../../db/rules';
import { annualPlans, auditEvents, monthlyReports, projects, regionMaps } from '../../db/schema';
import { clearPlansAndReports } from '../../testing/clear-plans-and-reports';
import { createTestApp, type TestApp } from '../../testing/test-app';

let t: TestApp;

beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t?.close();
});

const square = (code: string | number, x: number, y: number, key = 'adcode') => ({
  type: 'Feature',
  properties: { [key]: code, name: 'ignored' },
  geometry: {
    type: 'Polygon',
    coordinates: [
      [
        [x, y],
        [x + 0.4, y],
        [x + 0.4, y + 0.4],
        [x, y + 0.4],
        [x, y],
      ],
    ],
  },
});
const fileOf = (...features: unknown[]) => JSON.stringify({ type: 'FeatureCollection', features });

describe('map points', () => {
  it('refuses a caller without a session', async () => {
    expect((await t.call(null, 'GET', '/api/map/points')).status).toBe(401);
  });

  it('shows a county office only the points of its county, a city office every county', async () => {
    const county = await (await t.as('jiaocheng')).get('/api/map/points');
    expect(county.status).toBe(200);
    expect(county.body.data.length).toBeGreaterThan(0);
    expect(new Set(county.body.data.map((p: { regionCode: string }) => p.regionCode))).toEqual(
      new Set(['350902']),
    );
    const city = await (await t.as('ningde')).get('/api/map/points');
    const regionsSeen = new Set(city.body.data.map((p: { regionCode: string }) => p.regionCode));
    expect(regionsSeen.size).toBeGreaterThan(3);
    expect(city.body.colourSources).toEqual({ warning: true });
  });

  it('colours each point with the colour the warnings list gives its project for last month', async () => {
    const office = await t.as('ningde');
    const points = (await office.get('/api/map/points')).body.data as {
      id: string;
      warningColour: string | null;
    }[];
    const sample = points.slice(0, 100);
    const warnings = await office.get(
      `/api/warnings?pageSize=200&projectIds=${sample.map((p) => p.id).join(',')}`,
    );
    expect(warnings.status).toBe(200);
    const colourOf = new Map(
      (warnings.body.data as { projectId: string; colour: string }[]).map((w) => [w.projectId, w.colour]),
    );
    expect(colourOf.size).toBeGreaterThan(0);
    for (const point of sample) expect(point.warningColour).toBe(colourOf.get(point.id) ?? null);
  });

  it('answers the same set as the project list for the same filters', async () => {
    await t.db
      .update(projects)
      .set({ longitude: null, latitude: null })
      .where(eq(projects.regionCode, '350981'));
    const office = await t.as('ningde');
    const filter = 'stage=underway';
    const list = await office.get(`/api/projects?${filter}&pageSize=1`);
    const map = await office.get(`/api/map/points?${filter}`);
    expect(map.body.count).toBe(list.body.totals.count);
    const [located] = await t.db
      .select({ n: sql<number>`count(*)::int` })
      .from(projects)
      .where(
        sql`${impliedStageSql(stageToday(t.clock.now()))} = 'underway' and ${projects.longitude} is not null`,
      );
    expect(map.body.located).toBe(Number(located!.n));
    expect(map.body.data).toHaveLength(map.body.located);
    expect(map.body.data.every((p: { stage: string; regionCode: string }) => p.stage === 'underway')).toBe(
      true,
    );
    expect(map.body.data.some((p: { regionCode: string }) => p.regionCode === '350981')).toBe(false);
  });

  it('shows an owner only its own projects', async () => {
    const owner = await t.as('owner1');
    const list = await owner.get('/api/projects?pageSize=1');
    const map = await owner.get('/api/map/points');
    expect(map.body.count).toBe(list.body.totals.count);
  });
});

describe('map region figures', () => {
  it('gives a city one tile per child region, adding up to the list totals', async () => {
    const office = await t.as('ningde');
    const answer = await office.get('/api/map/regions');
    expect(answer.status).toBe(200);
    expect(answer.body.root.code).toBe('350900');
    const codes = answer.body.tiles.map((tile: { code: string }) => tile.code);
    expect(codes).toEqual(expect.arrayContaining(['350902', '350921', '350981', '350982', '350900-DQ']));
    const list = await office.get('/api/projects?pageSize=1');
    const sum = answer.body.tiles.reduce(
      (n: number, tile: { projectCount: number }) => n + tile.projectCount,
      0,
    );
    expect(sum).toBe(list.body.totals.count);
    expect(answer.body.total.projectCount).toBe(list.body.totals.count);
    expect(Number(answer.body.total.totalInvestmentWanYuan)).toBe(
      Number(list.body.totals.totalInvestmentWanYuan),
    );
  });

  it('gives a county office its own county as the one tile, and nothing outside', async () => {
    const county = await t.as('jiaocheng');
    const answer = await county.get('/api/map/regions');
    expect(answer.body.tiles.map((tile: { code: string }) => tile.code)).toEqual(['350902']);
    expect((await county.get('/api/map/regions?region=350981')).status).toBe(404);
  });

  it('computes plan, year-to-date and completion rate from plans and approved reports', async () => {
    await clearPlansAndReports(t.db);
    const picks = await t.db
      .select({ id: projects.id })
      .from(projects)
      .where(eq(projects.regionCode, '350902'))
      .orderBy(asc(projects.name))
      .limit(3);
    const [a, b, c] = picks.map((p) => p.id);
    await t.db.insert(annualPlans).values([
      { projectId: a!, year: 2026, plannedInvestmentWanYuan: '1000' },
      { projectId: b!, year: 2026, plannedInvestmentWanYuan: '600.5' },
    ]);
    const report = (
      projectId: string,
      month: number,
      completed: string,
      status: 'approved' | 'submitted',
    ) => ({
      projectId,
      year: 2026,
      month,
      completedWanYuan: completed,
      status,
      dueOn: `2026-0${month}-25`,
    });
    await t.db.insert(monthlyReports).values([
      report(a!, 1, '100', 'approved'),
      report(a!, 2, '150.25', 'approved'),
      report(a!, 3, '999', 'submitted'),
      report(b!, 1, '50', 'approved'),
      // No plan for c: its completion is not counted against any plan.
      report(c!, 1, '70', 'approved'),
    ]);
    const answer = await (await t.as('ningde')).get('/api/map/regions?year=2026&month=3');
    const jiaocheng = answer.body.tiles.find((tile: { code: string }) => tile.code === '350902');
    expect(jiaocheng.plannedWanYuan).toBe('1600.5');
    expect(jiaocheng.completedYtdWanYuan).toBe('300.25');
    expect(jiaocheng.planCompletionRate).toEqual({
      numerator: '300.25',
      denominator: '1600.5',
      percent: '18.8',
    });
    const fuan = answer.body.tiles.find((tile: { code: string }) => tile.code === '350981');
    expect(fuan.planCompletionRate.percent).toBeNull();
    const januaryOnly = await (await t.as('ningde')).get('/api/map/regions?year=2026&month=1');
    expect(
      januaryOnly.body.tiles.find((tile: { code: string }) => tile.code === '350902').completedYtdWanYuan,
    ).toBe('150');
  });
});

describe('region boundary map', () => {
  const good = fileOf(
    square(350902, 119.4, 26.6),
    square('350981', 119.6, 27.0),
    square('350900-DQ', 119.6, 26.6, 'code'),
  );

  it('refuses an upload from someone who is not an office', async () => {
    const owner = await t.as('owner1');
    expect((await owner.post('/api/region-map', { fileName: 'a.geojson', content: good })).status).toBe(403);
  });

  it('refuses a file naming each bad feature and property, storing nothing', async () => {
    const office = await t.as('ningde');
    const bad = fileOf(square(350902, 119.4, 26.6), square(350102, 119.4, 26.6), {
      ...square(350921, 119.4, 26.6),
      geometry: { type: 'Point', coordinates: [119, 26] },
    });
    const answer = await office.post('/api/region-map', { fileName: 'bad.geojson', content: bad });
    expect(answer.status).toBe(400);
    expect(answer.body.error.code).toBe('VALIDATION_FAILED');
    expect(answer.body.error.details).toEqual([
      expect.objectContaining({ path: 'features[1].properties.adcode', issue: 'unknownCode' }),
      expect.objectContaining({ path: 'features[2].geometry.type', issue: 'geometryType' }),
    ]);
    expect(answer.body.error.message).toContain('features[1].properties.adcode');
    const notJson = await office.post('/api/region-map', { fileName: 'x.geojson', content: '{"type":' });
    expect(notJson.body.error.details[0]).toMatchObject({ path: 'content', issue: 'notJson' });
    expect(await t.db.select().from(regionMaps)).toHaveLength(0);
  });

  it('refuses a county office a region outside its jurisdiction', async () => {
    const county = await t.as('jiaocheng');
    const answer = await county.post('/api/region-map', {
      regionCode: '350900',
      fileName: 'city.geojson',
      content: good,
    });
    expect(answer.status).toBe(400);
    expect(answer.body.error.details[0].path).toBe('regionCode');
  });

  it('stores versions, audits them, and shows a county only its own outline', async () => {
    const office = await t.as('ningde');
    const first = await office.post('/api/region-map', { fileName: 'ningde.geojson', content: good });
    expect(first.status).toBe(200);
    expect(first.body.map).toMatchObject({
      regionCode: '350900',
      version: 1,
      featureCount: 3,
      canManage: true,
    });
    expect(first.body.map.geojson.features[0].properties).toEqual({ code: '350902', name: '蕉城区' });
    const second = await office.post('/api/region-map', { fileName: 'ningde-v2.geojson', content: good });
    expect(second.body.map.version).toBe(2);
    const audits = await t.db.select().from(auditEvents).where(eq(auditEvents.action, 'regionMap.upload'));
    expect(audits).toHaveLength(2);

    const county = await t.as('jiaocheng');
    const seen = await county.get('/api/region-map');
    expect(
      seen.body.map.geojson.features.map((f: { properties: { code: string } }) => f.properties.code),
    ).toEqual(['350902']);
    expect(seen.body.map.canManage).toBe(false);
    const refused = await t.call(county.cookie, 'DELETE', '/api/region-map/350900');
    expect(refused.status).toBe(404);
  });

  it('deletes the map back to the schematic grid, keeping the versions and auditing it', async () => {
    const office = await t.as('ningde');
    const removed = await t.call(office.cookie, 'DELETE', '/api/region-map/350900');
    expect(removed.status).toBe(200);
    expect((await office.get('/api/region-map')).body.map).toBeNull();
    expect(await t.db.select().from(regionMaps)).toHaveLength(2);
    const audits = await t.db.select().from(auditEvents).where(eq(auditEvents.action, 'regionMap.delete'));
    expect(audits).toHaveLength(1);
    expect((await t.call(office.cookie, 'DELETE', '/api/region-map/350900')).status).toBe(404);
  });
});
