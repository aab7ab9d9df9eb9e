import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { projects, warningResults, warningRuleSets } from '../../db/schema';
import { createTestApp, type TestApp } from '../../testing/test-app';
import { systemTestCtx } from '../problems/problem-test-kit';
import { recomputeWarnings } from './recompute-warnings';

let t: TestApp;
const february = { year: 2026, month: 2 };

beforeAll(async () => {
  t = await createTestApp();
}, 120_000);
afterAll(async () => t.close());

type Row = {
  projectId: string;
  projectName: string;
  regionCode: string;
  colour: string;
  reasons: { code: string }[];
};

describe('the demo jurisdiction', () => {
  it('has the Yinchuan preset published as 宁德市 version 1 with February computed under it', async () => {
    const city = await t.as('ningde');
    const sets = await city.get('/api/warning-rule-sets?regionCode=350900');
    expect(sets.status).toBe(200);
    expect(sets.body.applying).toMatchObject({ ruleVersion: 1, status: 'published', preset: 'yinchuan' });
    const overview = await city.get('/api/warnings?month=2026-02&pageSize=200');
    expect(overview.status).toBe(200);
    const { green, yellow, red } = overview.body.counts;
    expect(green + yellow + red).toBe(overview.body.page.total);
    expect(yellow + red).toBeGreaterThan(0);
    expect(overview.body.data.every((r: Row) => r.colour === 'green' || r.reasons.length > 0)).toBe(true);
    const byRegion = overview.body.byRegion.reduce(
      (n: number, r: { green: number; yellow: number; red: number }) => n + r.green + r.yellow + r.red,
      0,
    );
    expect(byRegion).toBe(overview.body.page.total);
  });
});

describe('scope', () => {
  it('shows a county office only its own projects, and hides another county’s project', async () => {
    const county = await t.as('jiaocheng');
    const mine = await county.get('/api/warnings?month=2026-02&pageSize=200');
    expect(mine.status).toBe(200);
    expect(mine.body.data.length).toBeGreaterThan(0);
    expect(mine.body.data.every((r: Row) => r.regionCode === '350902')).toBe(true);
    const [other] = await t.db
      .select({ id: projects.id })
      .from(projects)
      .where(sql`${projects.regionCode} <> '350902'`)
      .limit(1);
    expect((await county.get(`/api/projects/${other!.id}/warnings`)).status).toBe(404);
    const own = await county.get(`/api/projects/${mine.body.data[0].projectId}/warnings`);
    expect(own.status).toBe(200);
    expect(own.body.history.map((h: { month: string }) => h.month)).toEqual(['2026-01', '2026-02']);
  });

  it('answers a rule set outside the jurisdiction exactly as a missing one (no existence oracle)', async () => {
    const [foreign] = await t.db
      .select({ id: warningRuleSets.id })
      .from(warningRuleSets)
      .where(eq(warningRuleSets.regionCode, '350900'))
      .limit(1);
    const county = await t.as('jiaocheng');
    const outside = await county.get(`/api/warning-rule-sets/${foreign!.id}/preview?month=2026-02`);
    const missing = await county.get(
      '/api/warning-rule-sets/00000000-0000-4000-8000-000000000000/preview?month=2026-02',
    );
    expect(outside.status).toBe(404);
    expect(outside.body).toEqual(missing.body);
  });

  it('refuses anonymous callers, owners who manage rules, and a malformed month', async () => {
    expect((await t.call(null, 'GET', '/api/warnings')).status).toBe(401);
    const owner = await t.as('owner1');
    expect((await owner.post('/api/warning-rule-sets', { regionCode: '350902' })).status).toBe(403);
    const bad = await (await t.as('ningde')).get('/api/warnings?month=2026-13');
    expect(bad.status).toBe(400);
  });
});

describe('the monthly job', () => {
  it('is idempotent: a second run over the same data writes nothing', async () => {
    const ctx = systemTestCtx(t);
    const before = await t.db.select({ n: sql<number>`count(*)::int` }).from(warningResults);
    const first = await recomputeWarnings(ctx, { period: february });
    const second = await recomputeWarnings(ctx, { period: february });
    expect(first.computed).toBeGreaterThan(0);
    expect(first.changed).toBe(0);
    expect(second).toEqual(first);
    const after = await t.db.select({ n: sql<number>`count(*)::int` }).from(warningResults);
    expect(after[0]!.n).toBe(before[0]!.n);
  });
});

describe('publishing a rule change', () => {
  it('previews exactly the projects whose colour changes, then publishes an immutable version', async () => {
    const county = await t.as('jiaocheng');
    const draft = await county.post('/api/warning-rule-sets', { regionCode: '350902', preset: 'sanya' });
    expect(draft.status).toBe(200);
    expect(draft.body).toMatchObject({ status: 'draft', ruleVersion: 1, preset: 'sanya' });
    expect((await county.post('/api/warning-rule-sets', { regionCode: '350902' })).status).toBe(409);

    const bad = await county.put(`/api/warning-rule-sets/${draft.body.id}`, {
      version: draft.body.version,
      name: '坏规则',
      preset: null,
      rules: {
        ...draft.body.rules,
        progress: { ...draft.body.rules.progress, red: { value: -1, inclusive: true } },
      },
    });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body.error.details)).toContain('rules.progress.red');

    const preview = await county.get(`/api/warning-rule-sets/${draft.body.id}/preview?month=2026-02`);
    expect(preview.status).toBe(200);
    expect(preview.body.evaluated).toBeGreaterThan(0);
    const previewed = new Map<string, string>(
      preview.body.changes.map((c: { projectId: string; after: { colour: string } }) => [
        c.projectId,
        c.after.colour,
      ]),
    );

    expect(previewed.size).toBeGreaterThan(0);
    const published = await county.post(`/api/warning-rule-sets/${draft.body.id}/publish`, {
      version: draft.body.version,
    });
    expect(published.status).toBe(200);
    expect(published.body.status).toBe('published');
    // February under the new version, computed by the job, against February under the city's version.
    await recomputeWarnings(systemTestCtx(t), { period: february });
    const results = await t.db
      .select({
        ruleSetId: warningResults.ruleSetId,
        projectId: warningResults.projectId,
        colour: warningResults.colour,
      })
      .from(warningResults)
      .innerJoin(projects, eq(projects.id, warningResults.projectId))
      .where(and(eq(warningResults.month, '2026-02'), eq(projects.regionCode, '350902')));
    const newer = new Map(
      results.filter((r) => r.ruleSetId === draft.body.id).map((r) => [r.projectId, r.colour]),
    );
    const older = new Map(
      results.filter((r) => r.ruleSetId !== draft.body.id).map((r) => [r.projectId, r.colour]),
    );
    expect(newer.size).toBe(preview.body.evaluated);
    const changed = new Map([...newer].filter(([id, colour]) => older.get(id) !== colour));
    expect(previewed).toEqual(changed);

    // What the pages show now follows version 1 of 蕉城区.
    const overview = await county.get('/api/warnings?month=2026-02&pageSize=200');
    expect(overview.body.data.every((r: { ruleRegionCode: string }) => r.ruleRegionCode === '350902')).toBe(
      true,
    );

    const edit = await county.put(`/api/warning-rule-sets/${draft.body.id}`, {
      version: published.body.version,
      name: '改已发布',
      preset: null,
      rules: draft.body.rules,
    });
    expect(edit.status).toBe(409);
    expect(edit.body.error.code).toBe('INVALID_TRANSITION');
    const [row] = await t.db.select().from(warningRuleSets).where(eq(warningRuleSets.id, draft.body.id));
    expect(row!.name).toBe(draft.body.name);
  });
});

describe('正当理由', () => {
  it('excuses a dimension at the next computation and lists the reason as excused', async () => {
    const city = await t.as('ningde');
    const overview = await city.get('/api/warnings?month=2026-02&pageSize=200');
    const target = overview.body.data.find(
      (r: Row & { reasons: { dimension: string; excused: boolean }[] }) =>
        r.regionCode !== '350902' && r.colour !== 'green' && r.reasons.length === 1,
    );
    if (!target) throw new Error('no single-reason warned project outside 蕉城区 for February');
    const dimension = target.reasons[0].dimension;
    const grace = await city.post('/api/warning-graces', {
      projectId: target.projectId,
      dimension,
      fromMonth: '2026-02',
      toMonth: '2026-02',
      reason: '征迁政策调整，经市政府同意延期',
    });
    expect(grace.status).toBe(200);
    const reversed = await city.post('/api/warning-graces', {
      projectId: target.projectId,
      dimension,
      fromMonth: '2026-03',
      toMonth: '2026-02',
      reason: 'x',
    });
    expect(reversed.status).toBe(400);
    await recomputeWarnings(systemTestCtx(t), { period: february });
    const page = await city.get(`/api/projects/${target.projectId}/warnings`);
    expect(page.body.current).toMatchObject({ month: '2026-02', colour: 'green' });
    expect(page.body.current.reasons[0]).toMatchObject({ dimension, excused: true });
    expect(page.body.graces[0]).toMatchObject({ dimension, reason: '征迁政策调整，经市政府同意延期' });

    const revoked = await city.post(`/api/warning-graces/${grace.body.id}/revoke`);
    expect(revoked.status).toBe(200);
    await recomputeWarnings(systemTestCtx(t), { period: february });
    const again = await city.get(`/api/projects/${target.projectId}/warnings`);
    expect(again.body.current.colour).toBe(target.colour);
  });
});

describe('蜗牛榜', () => {
  it('lists projects red for N months in a row', async () => {
    const city = await t.as('ningde');
    const two = await city.get('/api/warnings/snails?month=2026-02&months=2');
    expect(two.status).toBe(200);
    const ids = new Set(two.body.data.map((s: { projectId: string }) => s.projectId));
    const rows = await t.db
      .select({
        projectId: warningResults.projectId,
        month: warningResults.month,
        colour: warningResults.colour,
      })
      .from(warningResults)
      .innerJoin(warningRuleSets, eq(warningRuleSets.id, warningResults.ruleSetId))
      .where(eq(warningRuleSets.regionCode, '350900'));
    const redBoth = new Set(
      rows
        .filter((r) => r.month === '2026-02' && r.colour === 'red')
        .filter((r) =>
          rows.some((o) => o.projectId === r.projectId && o.month === '2026-01' && o.colour === 'red'),
        )
        .map((r) => r.projectId),
    );
    // 蕉城区 now follows its own rules, so only compare the rest.
    const jiaocheng = new Set(
      (await t.db.select({ id: projects.id }).from(projects).where(eq(projects.regionCode, '350902'))).map(
        (p) => p.id,
      ),
    );
    const strip = (s: Set<unknown>) => new Set([...s].filter((id) => !jiaocheng.has(id as string)));
    expect(strip(ids)).toEqual(strip(redBoth));
    const three = await city.get('/api/warnings/snails?month=2026-02');
    expect(three.body.months).toBe(3);
    expect(three.body.data).toEqual([]);
  });
});
