import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Ctx } from '../../context';
import { auditEvents, regions } from '../../db/schema';
import { createTestApp, type TestApp } from '../../testing/test-app';
import { testAuditKey } from '../../testing/test-constants';
import { loadActorByUsername } from '../auth';
import { updateVersioned } from './versioned-update';

let t: TestApp;
let ctx: Ctx;
beforeAll(async () => {
  t = await createTestApp();
  const actor = await loadActorByUsername(t.db, 'admin');
  ctx = { db: t.db, actor: actor!, clock: t.clock, ip: null, auditKey: testAuditKey };
});
afterAll(async () => t.close());

const region = async () => (await t.db.select().from(regions).where(eq(regions.code, '350902')))[0]!;
const auditsOf = async () =>
  (
    await t.db
      .select({ id: auditEvents.id })
      .from(auditEvents)
      .where(and(eq(auditEvents.action, 'region.update'), eq(auditEvents.entityId, '350902')))
  ).length;

describe('updateVersioned (乐观锁更新)', () => {
  it('saves at the version read, bumps it and records the audit event in the same transaction', async () => {
    const before = await region();
    const audits = await auditsOf();
    const saved = await t.db.transaction((tx) =>
      updateVersioned(tx, ctx, {
        table: regions,
        where: eq(regions.code, '350902'),
        version: before.version,
        set: { name: '蕉城区（测试）' },
        audit: (row) => ({ action: 'region.update', entityType: 'region', entityId: row.code }),
      }),
    );
    expect(saved.name).toBe('蕉城区（测试）');
    expect(saved.version).toBe(before.version + 1);
    expect(await auditsOf()).toBe(audits + 1);
  });

  it('refuses a stale version with CONFLICT and its message, writing nothing and no audit', async () => {
    const before = await region();
    const audits = await auditsOf();
    await expect(
      t.db.transaction((tx) =>
        updateVersioned(tx, ctx, {
          table: regions,
          where: eq(regions.code, '350902'),
          version: before.version - 1,
          set: { name: '不应保存' },
          audit: () => ({ action: 'region.update', entityType: 'region', entityId: '350902' }),
          conflict: '区划已被他人修改',
        }),
      ),
    ).rejects.toMatchObject({ code: 'CONFLICT', message: '区划已被他人修改' });
    expect(await region()).toEqual(before);
    expect(await auditsOf()).toBe(audits);
  });

  it('records nothing when the change says there is nothing to audit', async () => {
    const before = await region();
    const audits = await auditsOf();
    await t.db.transaction((tx) =>
      updateVersioned(tx, ctx, {
        table: regions,
        where: eq(regions.code, '350902'),
        version: before.version,
        set: { name: `${before.name}（不记）` },
        audit: () => null,
      }),
    );
    expect((await region()).version).toBe(before.version + 1);
    expect(await auditsOf()).toBe(audits);
  });

  it('treats saving the values already there as no change: same version, no audit event', async () => {
    const before = await region();
    const audits = await auditsOf();
    const saved = await t.db.transaction((tx) =>
      updateVersioned(tx, ctx, {
        table: regions,
        where: eq(regions.code, '350902'),
        version: before.version,
        set: { name: before.name, parentCode: before.parentCode },
        audit: (row) => ({ action: 'region.update', entityType: 'region', entityId: row.code }),
      }),
    );
    expect(saved).toEqual(before);
    expect(await region()).toEqual(before);
    expect(await auditsOf()).toBe(audits);
  });

  it('still refuses a stale version when the values are unchanged', async () => {
    const before = await region();
    await expect(
      t.db.transaction((tx) =>
        updateVersioned(tx, ctx, {
          table: regions,
          where: eq(regions.code, '350902'),
          version: before.version + 5,
          set: { name: before.name },
          audit: () => null,
        }),
      ),
    ).rejects.toMatchObject({ code: 'CONFLICT' });
  });
});
