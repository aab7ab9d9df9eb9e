import { systemActor } from '@tuijin/domain';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../db/rows';
import { createTestApp, type TestApp } from '../../testing/test-app';
import { testAuditKey } from '../../testing/test-constants';
import { recordAudit } from './record-audit';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t.close());

describe('audit trail', () => {
  it('records who changed what, with before and after, in the same transaction as the change', async () => {
    const office = await t.as('jiaocheng');
    const created = (
      await office.post('/api/organisations', { name: '审计测试公司', kind: 'owner', regionCode: '350902' })
    ).body;
    const { id, regionName: _r, ...fields } = created;
    await office.put(`/api/organisations/${id}`, { ...fields, contactPerson: '王五' });
    const auditor = await t.as('auditor');
    const events = (await auditor.get(`/api/audit-events?entityType=organisation&entityId=${id}`)).body.data;
    expect(events.map((e: { action: string }) => e.action)).toEqual([
      'organisation.update',
      'organisation.create',
    ]);
    expect(events[0].actorName).toBe('jiaocheng');
    expect(events[0].ip).toBe('10.1.1.1');
    expect(events[0].changes).toEqual({ contactPerson: { before: null, after: '王五' } });
  });

  it('lets a supervisor search the trail of their jurisdiction by person and time', async () => {
    const supervisor = await t.as('supervisor');
    const from = new Date(t.clock.now().getTime() - 60_000).toISOString();
    const page = await supervisor.get(`/api/audit-events?actor=jiaocheng&from=${encodeURIComponent(from)}`);
    expect(page.status).toBe(200);
    expect(page.body.data.length).toBeGreaterThan(0);
    expect(page.body.data.every((e: { actorName: string }) => e.actorName === 'jiaocheng')).toBe(true);
  });

  it('keeps the audit log out of reach of the system and security admins and county offices', async () => {
    for (const username of ['admin', 'security', 'jiaocheng', 'owner1']) {
      expect((await (await t.as(username)).get('/api/audit-events')).status).toBe(403);
    }
  });

  it('refuses UPDATE and DELETE on the log at the database', async () => {
    await expect(t.db.execute(sql`update audit_events set action = 'x'`)).rejects.toThrow();
    await expect(t.db.execute(sql`delete from audit_events`)).rejects.toThrow();
  });

  it('spreads overlapping writers over parallel chains, each transaction in one chain, all verified', async () => {
    const ctx = { actor: systemActor, clock: t.clock, ip: null, auditKey: testAuditKey };
    const writers = Array.from({ length: 6 }, (_, i) => `chains-${i}`);
    // Six transactions that overlap in time (each holds its chain while it sleeps), two events each.
    await Promise.all(
      writers.map((entityId) =>
        t.db.transaction(async (tx) => {
          await recordAudit(tx, ctx, { action: 'organisation.update', entityType: 'chain-test', entityId });
          await tx.execute(sql`select pg_sleep(0.2)`);
          await recordAudit(tx, ctx, { action: 'organisation.update', entityType: 'chain-test', entityId });
        }),
      ),
    );
    const rows = await queryRows<{ entity_id: string; chain: number }>(
      t.db,
      sql`select entity_id, chain from audit_events where entity_type = 'chain-test' order by id`,
    );
    expect(rows).toHaveLength(12);
    const chainsOf = new Map<string, Set<number>>();
    for (const row of rows)
      chainsOf.set(row.entity_id, (chainsOf.get(row.entity_id) ?? new Set()).add(row.chain));
    for (const writer of writers) expect(chainsOf.get(writer)?.size, writer).toBe(1);
    // On PostgreSQL the six really overlap: they cannot all have queued on one chain.
    if (t.database.kind === 'postgresql') expect(new Set(rows.map((r) => r.chain)).size).toBeGreaterThan(1);
    const auditor = await t.as('auditor');
    expect((await auditor.get('/api/audit-events/verification')).body).toMatchObject({ intact: true });
  });

  it('verifies the hash chain and finds the first row that was tampered with', async () => {
    const auditor = await t.as('auditor');
    const intact = (await auditor.get('/api/audit-events/verification')).body;
    expect(intact.intact).toBe(true);
    expect(intact.checked).toBeGreaterThan(10);
    // Someone with database superuser rights edits a row behind the app's back.
    const [victim] = await queryRows<{ id: number }>(
      t.db,
      sql`select id from audit_events order by id limit 1 offset 5`,
    );
    await t.db.execute(sql`alter table audit_events disable trigger audit_events_no_update_delete`);
    await t.db.execute(sql`update audit_events set actor_name = 'someone-else' where id = ${victim!.id}`);
    await t.db.execute(sql`alter table audit_events enable trigger audit_events_no_update_delete`);
    const broken = (await auditor.get('/api/audit-events/verification')).body;
    expect(broken).toMatchObject({ intact: false, firstBrokenId: String(victim!.id) });
  });
});
