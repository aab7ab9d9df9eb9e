import { randomUUID } from 'node:crypto';
import { systemActor } from '@tuijin/domain';
import { and, desc, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../db/rows';
import { auditCheckpoints, auditEvents } from '../../db/schema';
import { createTestApp, type TestApp } from '../../testing/test-app';
import { testAuditKey } from '../../testing/test-constants';
import { checkAuditArchive } from './audit-export';
import { auditKeyFit } from './audit-key-check';
import { purgeAuditLog } from './audit-retention';
import { verifyAuditLog } from './audit-verify';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t.close());

/** The newest events of an action (after the request that should have written them). */
const eventsOf = (action: string) =>
  t.db.select().from(auditEvents).where(eq(auditEvents.action, action)).orderBy(desc(auditEvents.id));

describe('refusals, downloads and audit-log reads are audit events', () => {
  it('records a 403 with who, what and the outcome', async () => {
    const owner = await t.as('owner1');
    expect((await owner.get('/api/audit-events')).status).toBe(403);
    const [event] = await eventsOf('access.denied');
    expect(event).toMatchObject({ actorName: 'owner1', ip: '10.1.1.1' });
    expect(event?.detail).toMatchObject({
      method: 'GET',
      route: '/api/audit-events',
      status: 403,
      code: 'FORBIDDEN',
    });
  });

  it('records a 404 on an existing record outside scope, and nothing for an id that does not exist', async () => {
    const [outside] = await queryRows<{ id: string }>(
      t.db,
      sql`select id from projects where region_path not like '%350902%' order by id limit 1`,
    );
    const county = await t.as('jiaocheng');
    const before = (await eventsOf('access.notFound')).length;
    expect((await county.get(`/api/projects/${randomUUID()}`)).status).toBe(404);
    expect(await eventsOf('access.notFound')).toHaveLength(before);
    expect((await county.get(`/api/projects/${outside!.id}`)).status).toBe(404);
    const [event] = await eventsOf('access.notFound');
    expect(event).toMatchObject({ actorName: 'jiaocheng', entityType: 'project', entityId: outside!.id });
  });

  it('records a 401 of a request without a session, but not the session probe', async () => {
    const before = (await eventsOf('access.unauthenticated')).length;
    expect((await t.call(null, 'GET', '/api/auth/me')).status).toBe(401);
    expect(await eventsOf('access.unauthenticated')).toHaveLength(before);
    expect((await t.call(null, 'GET', '/api/projects')).status).toBe(401);
    const [event] = await eventsOf('access.unauthenticated');
    expect(event).toMatchObject({ actorName: 'anonymous' });
    expect(event?.detail).toMatchObject({ route: '/api/projects', status: 401 });
  });

  it('records an export download with its file name, and no event for an ordinary read', async () => {
    const county = await t.as('jiaocheng');
    const count = async () => (await t.db.select().from(auditEvents)).length;
    const before = await count();
    expect((await county.get('/api/projects?pageSize=5')).status).toBe(200);
    expect(await count()).toBe(before);
    const response = await t.app.inject({
      method: 'GET',
      url: '/api/projects/export.xlsx',
      headers: { cookie: county.cookie },
      remoteAddress: '10.1.1.1',
    });
    expect(response.statusCode).toBe(200);
    const [event] = await eventsOf('export.download');
    expect(event).toMatchObject({ actorName: 'jiaocheng' });
    expect(event?.detail).toMatchObject({ route: '/api/projects/export.xlsx' });
    expect((event?.detail as { fileName?: string } | undefined)?.fileName).toMatch(/^项目库-.*\.xlsx$/);
  });

  it('records reading and verifying the log, and lets the auditor filter refusals by outcome', async () => {
    const auditor = await t.as('auditor');
    const page = await auditor.get('/api/audit-events?result=failure&pageSize=100');
    expect(page.status).toBe(200);
    const actions = new Set(page.body.data.map((e: { action: string }) => e.action));
    expect(actions).toContain('access.denied');
    expect(actions).toContain('access.notFound');
    expect(page.body.data.every((e: { result: string }) => e.result === 'failure')).toBe(true);
    const [read] = await eventsOf('audit.read');
    expect(read).toMatchObject({ actorName: 'auditor' });
    expect(read?.detail).toMatchObject({ query: { result: 'failure' } });
    expect((await auditor.get('/api/audit-events/verification')).body).toMatchObject({ intact: true });
    expect((await eventsOf('audit.verify'))[0]).toMatchObject({ actorName: 'auditor' });
  });
});

describe('retention', () => {
  it('refuses a retention below 180 days with a clear message, and only the audit admin sets it', async () => {
    const auditor = await t.as('auditor');
    const current = (await auditor.get('/api/audit-retention')).body;
    expect(current).toMatchObject({ days: 180, minDays: 180 });
    const low = await auditor.put('/api/audit-retention', { days: 179, version: current.version });
    expect(low.status).toBe(400);
    expect(low.body.error.message).toContain('不得少于 180 天');
    expect(low.body.error.details[0].path).toBe('days');
    const admin = await t.as('admin');
    expect((await admin.put('/api/audit-retention', { days: 400, version: current.version })).status).toBe(
      403,
    );
    const saved = await auditor.put('/api/audit-retention', { days: 365, version: current.version });
    expect(saved.status).toBe(200);
    expect(saved.body.days).toBe(365);
    const [event] = await eventsOf('audit.retention.update');
    expect(event?.changes).toEqual({ days: { before: 180, after: 365 } });
  });
});

describe('checkpoints, truncation, archive export and purge', () => {
  it('reports deleting the newest rows as truncation once a checkpoint pinned them', async () => {
    const first = await verifyAuditLog(t.db, testAuditKey, t.clock);
    expect(first).toMatchObject({ intact: true, checkpointWritten: true });
    const newest = await queryRows<{ id: number }>(
      t.db,
      sql`select id from audit_events order by id desc limit 50`,
    );
    await t.db.execute(sql`alter table audit_events disable trigger audit_events_no_update_delete`);
    await t.db.execute(sql`delete from audit_events where id >= ${newest.at(-1)!.id}`);
    await t.db.execute(sql`alter table audit_events enable trigger audit_events_no_update_delete`);
    const after = await verifyAuditLog(t.db, testAuditKey, t.clock);
    expect(after).toMatchObject({
      intact: false,
      truncated: true,
      firstBrokenId: null,
      checkpointWritten: false,
    });
    expect(after.missingHeads.length).toBeGreaterThan(0);
    // The auditor's page says so too, and the verification is recorded as failed.
    const auditor = await t.as('auditor');
    expect((await auditor.get('/api/audit-events/verification')).body).toMatchObject({ truncated: true });
    expect((await eventsOf('audit.verify.failed')).length).toBeGreaterThan(0);
  });

  it('refuses editing or deleting checkpoints at the database', async () => {
    await expect(t.db.execute(sql`delete from audit_checkpoints`)).rejects.toThrow();
    await expect(t.db.execute(sql`update audit_checkpoints set kind = 'x'`)).rejects.toThrow();
  });

  it('notices a key that cannot continue the chains', async () => {
    expect(await auditKeyFit(t.db, testAuditKey)).toBe('continues');
    expect(await auditKeyFit(t.db, Buffer.alloc(32, 9))).toBe('differs');
  });
});

describe('archive export and purge (on a log that verifies)', () => {
  let u: TestApp;
  beforeAll(async () => {
    u = await createTestApp();
  });
  afterAll(async () => u.close());

  it('exports a range as re-checkable JSON lines and purges only what is old, archived and checkpointed', async () => {
    // Nothing is purged before an archive export covers the oldest events.
    u.clock.advance(400 * 86_400_000);
    const auditor = await u.as('auditor');
    expect((await purgeAuditLog({ db: u.db, auditKey: testAuditKey, clock: u.clock })).removed).toBe(0);
    const [oldest] = await queryRows<{ at: Date | string }>(
      u.db,
      sql`select min(at) as at from audit_events`,
    );
    const from = new Date(new Date(oldest!.at).getTime() - 1000).toISOString();
    const to = new Date(u.clock.now().getTime() - 200 * 86_400_000).toISOString();
    const download = await u.app.inject({
      method: 'GET',
      url: `/api/audit-events/export.jsonl?from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}`,
      headers: { cookie: auditor.cookie },
    });
    expect(download.statusCode).toBe(200);
    expect(download.headers['content-disposition']).toContain('attachment');
    const check = checkAuditArchive(testAuditKey, download.body);
    expect(check).toMatchObject({ isComplete: true, badRows: [], problems: [] });
    expect(check.rows).toBeGreaterThan(10);
    expect(
      checkAuditArchive(testAuditKey, download.body.replace('"actorName":"', '"actorName":"x')).problems
        .length,
    ).toBeGreaterThan(0);
    const [exported] = await u.db.select().from(auditCheckpoints).where(eq(auditCheckpoints.kind, 'export'));
    expect(exported?.detail).toMatchObject({ rows: check.rows, by: 'auditor', via: 'api' });
    expect(await u.db.select().from(auditEvents).where(eq(auditEvents.action, 'audit.export'))).toHaveLength(
      1,
    );
    // No generic export.download for it: the handler recorded what it sent.
    expect(
      await u.db
        .select()
        .from(auditEvents)
        .where(and(eq(auditEvents.action, 'export.download'), eq(auditEvents.actorName, 'auditor'))),
    ).toHaveLength(0);

    const before = (await u.db.select().from(auditEvents)).length;
    const outcome = await purgeAuditLog({ db: u.db, auditKey: testAuditKey, clock: u.clock });
    expect(outcome.removed).toBeGreaterThan(0);
    const left = await queryRows<{ at: Date | string; action: string }>(
      u.db,
      sql`select at, action from audit_events`,
    );
    // Each chain keeps its last row (new events link to it); everything else removed was before `to`.
    expect(left.length).toBe(before - outcome.removed + 1);
    const report = await verifyAuditLog(u.db, testAuditKey, u.clock);
    expect(report).toMatchObject({ intact: true, truncated: false });
    const [purge] = await u.db.select().from(auditEvents).where(eq(auditEvents.action, 'audit.purge'));
    expect(purge).toMatchObject({ actorName: systemActor.username });
  });
});
