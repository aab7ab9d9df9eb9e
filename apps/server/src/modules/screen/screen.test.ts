import { endpoints } from '@tuijin/contracts';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents, projects } from '../../db/schema';
import { createTestApp, type TestApp } from '../../testing/test-app';

let t: TestApp;
let projectNames: string[];
let projectIds: string[];

beforeAll(async () => {
  t = await createTestApp();
  const rows = await t.database.db.select({ id: projects.id, name: projects.name }).from(projects);
  projectNames = rows.map((r) => r.name);
  projectIds = rows.map((r) => r.id);
  // A published quarter of the city's scheme, so the screen has a ranking to show.
  const office = await t.as('ningde');
  const scheme = await office.post('/api/evaluation-schemes', {
    regionCode: '350900',
    name: '宁德市大屏测试考评',
    entityKind: 'region',
    preset: 'standard',
    rules: null,
  });
  if (scheme.status !== 200) throw new Error(JSON.stringify(scheme.body));
  for (const step of ['compute', 'publish']) {
    const done = await office.post(`/api/evaluation-schemes/${scheme.body.id}/${step}`, {
      quarter: '2026Q2',
    });
    if (done.status !== 200) throw new Error(JSON.stringify(done.body));
  }
}, 120_000);
afterAll(async () => {
  await t?.close();
});

/** Whether the JSON text carries any project's id or name. */
const leaksProjects = (body: unknown) => {
  const text = JSON.stringify(body);
  return (
    projectIds.some((id) => text.includes(id)) || projectNames.some((name) => text.includes(`"${name}"`))
  );
};

describe('command-room screen', () => {
  it('refuses a caller without a session and a role without the cockpit', async () => {
    expect((await t.call(null, 'GET', '/api/screen')).status).toBe(401);
    expect((await (await t.as('owner1')).get('/api/screen')).status).toBe(403);
  });

  it('shows the city office its headline figures, ranking, red projects, overdue problems and map', async () => {
    const office = await t.as('ningde');
    const screen = await office.get('/api/screen');
    expect(screen.status).toBe(200);
    const cockpitMonth = screen.body.figures.month;
    const rollup = await office.get(
      `/api/cockpit/rollup?year=${screen.body.figures.year}&month=${cockpitMonth}`,
    );
    expect(screen.body.figures.figures).toEqual(rollup.body.total);
    expect(screen.body.region).toEqual({ code: '350900', name: expect.any(String) });
    expect(screen.body.ranking.entries.length).toBeGreaterThan(3);
    const warnings = await office.get(`/api/warnings?month=${screen.body.redCounts.month}&pageSize=1`);
    expect(screen.body.redCounts.counts).toEqual(warnings.body.counts);
    const redByRegion = screen.body.redCounts.regions.reduce((n: number, r: { red: number }) => n + r.red, 0);
    expect(redByRegion).toBe(warnings.body.counts.red);
    const overdue = await office.get('/api/problems?overdue=true&pageSize=1');
    expect(screen.body.overdueProblems.total).toBe(overdue.body.page.total);
    expect(screen.body.map.tiles.length).toBeGreaterThan(3);
    expect(screen.body.canPublish).toBe(true);
  });

  it('scopes a county office to its county', async () => {
    const county = await (await t.as('jiaocheng')).get('/api/screen');
    expect(county.status).toBe(200);
    expect(county.body.region.code).toBe('350902');
    const city = await (await t.as('ningde')).get('/api/screen');
    expect(county.body.figures.figures.projectCount.value).not.toBe(
      city.body.figures.figures.projectCount.value,
    );
  });
});

describe('publishing settings', () => {
  it('lets only the office change them, validates the fields and audits the change', async () => {
    const leader = await t.as('leader1');
    const denied = await leader.put('/api/screen/publication', {
      panels: ['figures'],
      quarter: null,
      version: 0,
    });
    expect(denied.status).toBe(403);
    const office = await t.as('fuan');
    const bad = await office.put('/api/screen/publication', {
      panels: ['names'],
      quarter: '2026-3',
      version: 0,
    });
    expect(bad.status).toBe(400);
    const fields = JSON.stringify(bad.body.error.details);
    expect(fields).toContain('panels');
    expect(fields).toContain('quarter');
    const before = await office.get('/api/screen/publication');
    expect(before.body).toMatchObject({ panels: [], version: 0 });
    const saved = await office.put('/api/screen/publication', { panels: ['map'], quarter: null, version: 0 });
    expect(saved.status).toBe(200);
    expect(saved.body).toMatchObject({ panels: ['map'], version: 1 });
    const stale = await office.put('/api/screen/publication', { panels: [], quarter: null, version: 0 });
    expect(stale.status).toBe(409);
    const audit = await t.database.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, 'screen.publish'), eq(auditEvents.entityId, saved.body.regionCode)));
    expect(audit).toHaveLength(1);
  });
});

describe('public screen', () => {
  it('is 404 for an unknown region and for a region that published nothing', async () => {
    expect((await t.call(null, 'GET', '/api/public/screen/999999')).status).toBe(404);
    expect((await t.call(null, 'GET', '/api/public/screen/350902')).status).toBe(404);
  });

  it('answers anonymously with only the published panels, aggregates only', async () => {
    const office = await t.as('ningde');
    const current = await office.get('/api/screen/publication');
    const saved = await office.put('/api/screen/publication', {
      panels: ['figures', 'redCounts'],
      quarter: null,
      version: current.body.version,
    });
    expect(saved.status).toBe(200);
    const open = await t.call(null, 'GET', '/api/public/screen/350900');
    expect(open.status).toBe(200);
    expect(open.body.panels).toEqual(['figures', 'redCounts']);
    expect(Object.keys(open.body).sort()).toEqual([
      'bulletin',
      'figures',
      'generatedAt',
      'panels',
      'redCounts',
      'region',
    ]);
    const own = await office.get('/api/screen');
    expect(open.body.figures).toEqual(own.body.figures);
    expect(open.body.redCounts).toEqual(own.body.redCounts);
    expect(open.body.bulletin).toBeNull();
    expect(leaksProjects(open.body)).toBe(false);
  });

  it('shows the ranking and the map tiles without coordinates or projects when published', async () => {
    const office = await t.as('ningde');
    const current = await office.get('/api/screen/publication');
    const own = await office.get('/api/screen');
    const saved = await office.put('/api/screen/publication', {
      panels: ['ranking', 'map', 'figures', 'redCounts'],
      quarter: own.body.ranking.quarter,
      version: current.body.version,
    });
    expect(saved.body.panels).toEqual(['figures', 'ranking', 'redCounts', 'map']);
    const open = await t.call(null, 'GET', '/api/public/screen/350900');
    expect(open.body.ranking).toEqual(own.body.ranking);
    expect(open.body.map.tiles.map((tile: { code: string }) => tile.code)).toEqual(
      own.body.map.tiles.map((tile: { code: string }) => tile.code),
    );
    expect(open.body.map.tiles.every((tile: { centre: unknown }) => tile.centre === null)).toBe(true);
    expect(leaksProjects(open.body)).toBe(false);
  });

  it('is the only data endpoint that answers without a session', async () => {
    const open = t.app.routeTable
      .filter((r) => r.url.startsWith('/api') && r.access === 'public' && r.method !== 'HEAD')
      .map((r) => `${r.method} ${r.url}`)
      .sort();
    expect(open).toEqual(
      [
        `GET ${endpoints.health.path}`,
        `GET ${endpoints.ready.path}`,
        `POST ${endpoints.login.path}`,
        `POST ${endpoints.loginCaptcha.path}`,
        // The second login step and enrolment: no full session yet; each reads the half-logged-in one itself.
        `POST ${endpoints.verifySecondFactor.path}`,
        `POST ${endpoints.startTotpEnrolment.path}`,
        `POST ${endpoints.confirmTotpEnrolment.path}`,
        `GET ${endpoints.getPublicScreen.path}`,
        ...t.app.routeTable
          .filter((r) => r.access === 'public' && r.method !== 'HEAD' && /^\/api\/(openapi|docs)/.test(r.url))
          .map((r) => `${r.method} ${r.url}`),
      ].sort(),
    );
  });
});
