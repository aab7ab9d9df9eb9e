import { request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import { and, eq, ne, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../db/rows';
import { annualPlans, monthlyReports, organisations, projects } from '../../db/schema';
import { clearPlansAndReports } from '../../testing/clear-plans-and-reports';
import { createTestApp, type TestApp } from '../../testing/test-app';

let t: TestApp;
let owner1: Awaited<ReturnType<TestApp['as']>>;
/** owner1's 蕉城 projects (not dropped), each given a 2026 plan. */
let mine: { id: string; totalInvestmentWanYuan: string }[];

const fields = (extra: Record<string, unknown> = {}) => ({
  completedWanYuan: '800',
  progress: '主体结构施工',
  actualStartOn: '2025-06-01',
  version: null,
  ...extra,
});
const path = (projectId: string, month = 4) => `/api/projects/${projectId}/reports/2026/${month}/submit`;

/** What one submission of (project, 2026, month) left behind: rows, events, audit events, key records. */
async function traces(projectId: string, month: number, key: string | null) {
  const [counts] = await queryRows<Record<string, number | string>>(
    t.db,
    sql`select
      (select count(*) from monthly_reports where project_id = ${projectId} and year = 2026 and month = ${month}) as reports,
      (select count(*) from monthly_report_events e join monthly_reports r on r.id = e.report_id
        where r.project_id = ${projectId} and r.year = 2026 and r.month = ${month} and e.action = 'submitted') as events,
      (select count(*) from audit_events where entity_id = ${projectId} and action = 'report.submit'
        and detail->>'month' = ${String(month)}) as submits,
      (select count(*) from audit_events where entity_id = ${projectId} and action = 'report.save'
        and detail->>'month' = ${String(month)}) as saves,
      (select count(*) from idempotency_keys where key = ${key ?? ''}) as keys`,
  );
  return Object.fromEntries(Object.entries(counts!).map(([k, v]) => [k, Number(v)]));
}

beforeAll(async () => {
  t = await createTestApp();
  await clearPlansAndReports(t.db);
  t.clock.set(new Date('2026-04-20T10:00:00+08:00'));
  owner1 = await t.as('owner1');
  const [org] = await t.db
    .select()
    .from(organisations)
    .where(eq(organisations.name, '宁德市蕉城区城市建设投资开发有限公司'));
  mine = await t.db
    .select({ id: projects.id, totalInvestmentWanYuan: projects.totalInvestmentWanYuan })
    .from(projects)
    .where(and(eq(projects.ownerOrganisationId, org!.id), ne(projects.stage, 'dropped')))
    .orderBy(projects.name);
  expect(mine.length).toBeGreaterThanOrEqual(4);
  for (const p of mine)
    await t.db
      .insert(annualPlans)
      .values({
        projectId: p.id,
        year: 2026,
        plannedInvestmentWanYuan: '12000',
        priorCompletedWanYuan: '3000',
      })
      .onConflictDoNothing();
});
afterAll(async () => t.close());

describe('save and submit in one request (保存并报送)', () => {
  it('creates and submits a month in one request: one row, one event, its audit events and one key record', async () => {
    const p = mine[0]!;
    const answer = await owner1.post(path(p.id), fields(), { 'idempotency-key': 'one-shot-1' });
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({
      projectId: p.id,
      year: 2026,
      month: 4,
      status: 'submitted',
      completedWanYuan: '800',
      dueOn: '2026-04-27',
      late: false,
      version: 0,
    });
    expect(await traces(p.id, 4, 'one-shot-1')).toEqual({
      reports: 1,
      events: 1,
      submits: 1,
      saves: 1,
      keys: 1,
    });
    const [stored] = await t.db.select().from(monthlyReports).where(eq(monthlyReports.id, answer.body.id));
    expect(stored).toMatchObject({
      status: 'submitted',
      completedWanYuan: '800.0000',
      progress: '主体结构施工',
    });
    // The report page reads the same report.
    const page = await owner1.get(`/api/monthly-reports/${answer.body.id}`);
    expect(page.body).toMatchObject({ status: 'submitted', ytdWanYuan: '800', version: answer.body.version });
  });

  it('replays the answer for a retry with the same key, and refuses the key with another body', async () => {
    const p = mine[0]!;
    const retry = await owner1.post(path(p.id), fields(), { 'idempotency-key': 'one-shot-1' });
    expect(retry.status).toBe(200);
    expect(retry.headers['idempotent-replayed']).toBe('true');
    expect(retry.body.status).toBe('submitted');
    const other = await owner1.post(path(p.id), fields({ completedWanYuan: '900' }), {
      'idempotency-key': 'one-shot-1',
    });
    expect(other.status).toBe(422);
    expect(other.body.error.code).toBe('IDEMPOTENCY_KEY_REUSED');
    expect(await traces(p.id, 4, 'one-shot-1')).toEqual({
      reports: 1,
      events: 1,
      submits: 1,
      saves: 1,
      keys: 1,
    });
  });

  it('resubmits a returned report with its version, and refuses a stale one', async () => {
    const p = mine[0]!;
    const [report] = await t.db
      .select()
      .from(monthlyReports)
      .where(and(eq(monthlyReports.projectId, p.id), eq(monthlyReports.month, 4)));
    const jiaocheng = await t.as('jiaocheng');
    const returned = await jiaocheng.post(`/api/monthly-reports/${report!.id}/return`, {
      reason: '请补充形象进度',
      version: report!.version,
    });
    expect(returned.status).toBe(200);
    const stale = await owner1.post(path(p.id), fields({ version: report!.version }));
    expect(stale.status).toBe(409);
    const again = await owner1.post(
      path(p.id),
      fields({ progress: '主体结构施工，已补充形象进度', version: returned.body.version }),
    );
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({
      status: 'submitted',
      late: false,
      version: returned.body.version + 1,
    });
  });

  it('stores nothing, not even a draft, when a blocking check or a field refuses', async () => {
    const p = mine[1]!;
    const over = await owner1.post(path(p.id), fields({ completedWanYuan: p.totalInvestmentWanYuan }));
    expect(over.status).toBe(400);
    expect(over.body.error.details.map((d: { path: string }) => d.path)).toEqual(['sinceStartAboveTotal']);
    const negative = await owner1.post(path(p.id), fields({ completedWanYuan: '-5' }));
    expect(negative.status).toBe(400);
    expect(negative.body.error.details).toEqual([
      { path: 'completedWanYuan', message: '本月完成投资不能为负数' },
    ]);
    expect((await owner1.post(path(p.id, 5), fields())).status).toBe(400);
    expect(await traces(p.id, 4, null)).toMatchObject({ reports: 0, events: 0, submits: 0, saves: 0 });
    // Only an owner unit submits: another county's office is refused at the door.
    const fuan = await t.as('fuan');
    expect((await fuan.post(path(p.id), fields())).status).toBe(403);
  });

  it('writes once when the answer cannot be stored: the change rolls back with it and the retry writes', async () => {
    const p = mine[2]!;
    // A fault between the write and the answer: storing the answer fails once for this key.
    await t.db.execute(sql`create function fail_answer() returns trigger language plpgsql as $$
      begin raise exception 'injected fault'; end $$`);
    await t.db.execute(sql`create trigger fail_answer before update on idempotency_keys
      for each row when (new.key = 'faulty-1') execute function fail_answer()`);
    const failed = await owner1.post(path(p.id), fields(), { 'idempotency-key': 'faulty-1' });
    expect(failed.status).toBe(500);
    expect(await traces(p.id, 4, 'faulty-1')).toEqual({
      reports: 0,
      events: 0,
      submits: 0,
      saves: 0,
      keys: 0,
    });
    await t.db.execute(sql`drop trigger fail_answer on idempotency_keys`);
    await t.db.execute(sql`drop function fail_answer()`);
    const retried = await owner1.post(path(p.id), fields(), { 'idempotency-key': 'faulty-1' });
    expect(retried.status).toBe(200);
    expect(retried.headers['idempotent-replayed']).toBeUndefined();
    expect(await traces(p.id, 4, 'faulty-1')).toEqual({
      reports: 1,
      events: 1,
      submits: 1,
      saves: 1,
      keys: 1,
    });
  });

  it('replays after a dropped connection and under a duplicate sent at the same time', async () => {
    const p = mine[3]!;
    await t.app.listen({ host: '127.0.0.1', port: 0 });
    const { port } = t.app.server.address() as AddressInfo;
    const body = JSON.stringify(fields());
    // The client sends the request and hangs up before any answer.
    await new Promise<void>((resolve) => {
      const sent = httpRequest({
        host: '127.0.0.1',
        port,
        method: 'POST',
        path: path(p.id),
        headers: {
          cookie: owner1.cookie,
          'content-type': 'application/json',
          'idempotency-key': 'dropped-1',
          'content-length': Buffer.byteLength(body),
        },
      });
      sent.on('error', () => resolve());
      sent.end(body, () => {
        sent.destroy();
        resolve();
      });
    });
    // The server finishes the request on its own.
    await expect.poll(async () => (await traces(p.id, 4, 'dropped-1')).reports, { timeout: 10_000 }).toBe(1);
    const [retry, duplicate] = await Promise.all([
      owner1.post(path(p.id), fields(), { 'idempotency-key': 'dropped-1' }),
      owner1.post(path(p.id), fields(), { 'idempotency-key': 'dropped-1' }),
    ]);
    for (const answer of [retry, duplicate]) {
      expect(answer.status).toBe(200);
      expect(answer.headers['idempotent-replayed']).toBe('true');
      expect(answer.body.status).toBe('submitted');
    }
    expect(await traces(p.id, 4, 'dropped-1')).toEqual({
      reports: 1,
      events: 1,
      submits: 1,
      saves: 1,
      keys: 1,
    });
  });

  it('lets one of two first requests with the same key write, and the other replay it', async () => {
    const p = mine[1]!;
    const [a, b] = await Promise.all([
      owner1.post(path(p.id), fields(), { 'idempotency-key': 'twins-1' }),
      owner1.post(path(p.id), fields(), { 'idempotency-key': 'twins-1' }),
    ]);
    expect([a.status, b.status]).toEqual([200, 200]);
    expect([a.headers['idempotent-replayed'], b.headers['idempotent-replayed']].filter(Boolean)).toEqual([
      'true',
    ]);
    expect(a.body.id).toBe(b.body.id);
    expect(await traces(p.id, 4, 'twins-1')).toEqual({
      reports: 1,
      events: 1,
      submits: 1,
      saves: 1,
      keys: 1,
    });
  });

  it('runs a keyed request again when the database gives up its transaction, and answers 503 to one without a key', async () => {
    expect(mine.length).toBeGreaterThanOrEqual(6);
    // A serialization failure (40001) on the report's insert, for the first `limit` attempts: the
    // sequence is not transactional, so it counts the attempts the rollbacks undo.
    const injectFailures = async (limit: number) => {
      await t.db.execute(sql`create sequence fault_attempts`);
      await t.db.execute(
        sql.raw(`create function fail_serialization() returns trigger language plpgsql as $$
        begin
          if nextval('fault_attempts') <= ${limit} then
            raise exception 'injected serialization failure' using errcode = '40001';
          end if;
          return new;
        end $$`),
      );
      await t.db.execute(sql`create trigger fail_serialization before insert on monthly_reports
        for each row execute function fail_serialization()`);
    };
    const removeFailures = async () => {
      await t.db.execute(sql`drop trigger fail_serialization on monthly_reports`);
      await t.db.execute(sql`drop function fail_serialization()`);
      await t.db.execute(sql`drop sequence fault_attempts`);
    };

    const p = mine[4]!;
    await injectFailures(2);
    try {
      const retried = await owner1.post(path(p.id), fields(), { 'idempotency-key': 'conflict-1' });
      expect(retried.status).toBe(200);
      expect(retried.body.status).toBe('submitted');
    } finally {
      await removeFailures();
    }
    expect(await traces(p.id, 4, 'conflict-1')).toEqual({
      reports: 1,
      events: 1,
      submits: 1,
      saves: 1,
      keys: 1,
    });

    // Without a key the server cannot know a second run is safe: 系统维护中 with Retry-After, nothing kept.
    const q = mine[5]!;
    await injectFailures(1);
    try {
      const refused = await owner1.post(path(q.id), fields());
      expect(refused.status).toBe(503);
      expect(refused.headers['retry-after']).toBe('5');
      expect(refused.body.error).toMatchObject({ code: 'UNAVAILABLE', message: '系统维护中，请稍后重试' });
    } finally {
      await removeFailures();
    }
    expect(await traces(q.id, 4, null)).toMatchObject({ reports: 0, events: 0, submits: 0, saves: 0 });

    // A keyed request the database keeps refusing gets the same answer after its retries, and its key stays free.
    await injectFailures(100);
    try {
      const given = await owner1.post(path(q.id), fields(), { 'idempotency-key': 'conflict-2' });
      expect(given.status).toBe(503);
      expect(given.headers['retry-after']).toBe('5');
    } finally {
      await removeFailures();
    }
    expect(await traces(q.id, 4, 'conflict-2')).toEqual({
      reports: 0,
      events: 0,
      submits: 0,
      saves: 0,
      keys: 0,
    });
    const later = await owner1.post(path(q.id), fields(), { 'idempotency-key': 'conflict-2' });
    expect(later.status).toBe(200);
  }, 30_000);
});
