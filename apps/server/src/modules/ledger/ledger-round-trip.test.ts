import { systemActor } from '@tuijin/domain';
import { and, asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Ctx } from '../../context';
import { organisations, regions, users } from '../../db/schema';
import { createTestApp, type TestApp } from '../../testing/test-app';
import { testAuditKey } from '../../testing/test-constants';
import { actorSource, toActor } from '../auth';
import { exportMonthlyLedger } from './export-monthly-ledger';
import { exportProjects } from './export-projects';
import { importLedger } from './import-ledger';
import { parseLedger } from './parse-ledger';

let t: TestApp;
let offices: { name: string; regionCode: string; ctx: Ctx }[] = [];

/** One office account per office of the demo (the demo has accounts for only three of them). */
async function officeContexts() {
  const rows = await t.db
    .select({ id: organisations.id, name: organisations.name, regionCode: organisations.regionCode })
    .from(organisations)
    .innerJoin(regions, eq(regions.code, organisations.regionCode))
    .where(eq(organisations.kind, 'office'))
    .orderBy(asc(regions.path));
  const [hash] = await t.db.select({ passwordHash: users.passwordHash }).from(users).limit(1);
  const out: { name: string; regionCode: string; ctx: Ctx }[] = [];
  for (const office of rows) {
    const username = `roundtrip-${office.regionCode}`;
    await t.db
      .insert(users)
      .values({
        username,
        displayName: `${office.name}台账员`,
        organisationId: office.id,
        roles: ['office_staff'],
        passwordHash: hash!.passwordHash,
        mustChangePassword: false,
      })
      .onConflictDoNothing();
    const [row] = await actorSource(t.db).where(and(eq(users.username, username)));
    out.push({
      name: office.name,
      regionCode: office.regionCode,
      ctx: { db: t.db, actor: toActor(row!), clock: t.clock, ip: null, auditKey: testAuditKey },
    });
  }
  return out;
}

beforeAll(async () => {
  t = await createTestApp();
  t.clock.set(new Date('2026-12-06T02:00:00.000Z'));
  offices = await officeContexts();
}, 120_000);
afterAll(async () => t.close());

describe('ledger round trip over the demo', () => {
  it('has an office for the city and every county', () => {
    expect(offices.length).toBeGreaterThanOrEqual(11);
    expect(systemActor.username).toBe('system');
  });

  it('re-imports every office’s monthly ledger with 0 created and 0 updated', async () => {
    for (const office of offices) {
      const ledger = await exportMonthlyLedger(office.ctx, { year: 2026, month: 11 });
      const outcome = await importLedger(office.ctx, {
        parsed: await parseLedger(ledger.bytes),
        dryRun: true,
      });
      const changed = outcome.actions.filter((a) => a.action !== 'unchanged');
      expect(
        { office: office.name, changed: changed.slice(0, 3), problems: outcome.problems.slice(0, 3) },
        office.name,
      ).toEqual({ office: office.name, changed: [], problems: [] });
      expect(outcome.counts, office.name).toMatchObject({
        created: 0,
        updated: 0,
        unchanged: ledger.projects,
        ownersCreated: 0,
        domainsCreated: 0,
        plansCreated: 0,
        plansUpdated: 0,
      });
    }
  }, 600_000);

  it('re-imports every office’s project-list export with 0 created and 0 updated', async () => {
    for (const office of offices) {
      const bytes = await exportProjects(office.ctx, {});
      const outcome = await importLedger(office.ctx, { parsed: await parseLedger(bytes), dryRun: true });
      const changed = outcome.actions.filter((a) => a.action !== 'unchanged');
      expect(
        { office: office.name, changed: changed.slice(0, 3), problems: outcome.problems.slice(0, 3) },
        office.name,
      ).toEqual({ office: office.name, changed: [], problems: [] });
      expect(outcome.counts, office.name).toMatchObject({
        created: 0,
        updated: 0,
        ownersCreated: 0,
        domainsCreated: 0,
      });
    }
  }, 600_000);
});
