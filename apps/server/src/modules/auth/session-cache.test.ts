import { eq } from 'drizzle-orm';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sessions, users } from '../../db/schema';
import { cacheChannel, forgetCachedReadings } from '../../lib/process-cache';
import { createTestApp, type TestApp } from '../../testing/test-app';
import { hashToken } from './sessions';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t.close());

const me = (cookie: string) => t.call(cookie, 'GET', '/api/auth/me');
const userNamed = async (username: string) => {
  const admin = await t.as('admin');
  return (await admin.get(`/api/users?q=${username}`)).body.data[0] as { id: string; version: number };
};

describe('the session cache', () => {
  it('reuses a session read for a few seconds: a change written past the use cases is not seen yet', async () => {
    const cookie = await t.login('jiaocheng');
    expect((await me(cookie)).status).toBe(200);
    await t.db.update(users).set({ isActive: false }).where(eq(users.username, 'jiaocheng'));
    // The kept read answers; only the use cases announce a change.
    expect((await me(cookie)).status).toBe(200);
    forgetCachedReadings();
    expect((await me(cookie)).status).toBe(401);
    await t.db.update(users).set({ isActive: true }).where(eq(users.username, 'jiaocheng'));
  });

  it('ends one session at logout on the next request while another session of the same person goes on', async () => {
    const first = await t.login('ningde');
    const second = await t.login('ningde');
    expect((await me(first)).status).toBe(200);
    expect((await me(second)).status).toBe(200);
    expect((await t.call(first, 'POST', '/api/auth/logout', {})).status).toBe(200);
    expect((await me(first)).status).toBe(401);
    expect((await me(second)).status).toBe(200);
  });

  it('takes a role change, a disabled account and a password reset into effect with the cache warm', async () => {
    const admin = await t.as('admin');
    const cookie = await t.login('leader2');
    expect((await me(cookie)).body.roles).toEqual(['leader']);
    const leader = await userNamed('leader2');
    const roles = await admin.put(`/api/users/${leader.id}/roles`, {
      roles: ['service_officer'],
      version: leader.version,
    });
    expect(roles.status).toBe(200);
    expect((await me(cookie)).body.roles).toEqual(['service_officer']);
    const disabled = await admin.put(`/api/users/${leader.id}/active`, {
      isActive: false,
      version: roles.body.version,
    });
    expect(disabled.status).toBe(200);
    expect((await me(cookie)).status).toBe(401);

    const officer = await t.login('officer1');
    expect((await me(officer)).status).toBe(200);
    const reset = await admin.post(`/api/users/${(await userNamed('officer1')).id}/password`, {
      newPassword: 'Reset#Pass2026x',
    });
    expect(reset.status).toBe(200);
    expect((await me(officer)).status).toBe(401);
  });

  it('takes a disabled organisation into effect on its people’s next request', async () => {
    const admin = await t.as('admin');
    const cookie = await t.login('supervisor');
    const seen = await me(cookie);
    expect(seen.status).toBe(200);
    const organisation = (await admin.get(`/api/organisations/${seen.body.organisation.id}`)).body;
    const fields = organisation;
    const saved = await admin.put(`/api/organisations/${organisation.id}`, {
      name: fields.name,
      kind: fields.kind,
      regionCode: fields.regionCode,
      sector: fields.sector,
      contactPerson: fields.contactPerson,
      contactPhone: fields.contactPhone,
      isActive: false,
      version: fields.version,
    });
    expect(saved.status).toBe(200);
    expect((await me(cookie)).status).toBe(401);
  });

  it('still ends a kept session at its idle and absolute limits by the test clock, renewing as before', async () => {
    const idle = await t.login('zhujian');
    expect((await me(idle)).status).toBe(200);
    t.clock.advance(31 * 60_000);
    expect((await me(idle)).status).toBe(401);

    const busy = await t.login('fuan');
    const tokenHash = hashToken(busy.split('=')[1]!);
    // A request every 25 minutes keeps it from idling; the sliding renewal is written each time.
    for (let minutes = 25; minutes < 12 * 60; minutes += 25) {
      t.clock.advance(25 * 60_000);
      expect((await me(busy)).status).toBe(200);
      const [row] = await t.db.select().from(sessions).where(eq(sessions.tokenHash, tokenHash));
      expect(row!.lastSeenAt.getTime()).toBe(t.clock.now().getTime());
    }
    // Twelve hours after login the session ends, however recently it was used.
    t.clock.advance(25 * 60_000);
    expect((await me(busy)).status).toBe(401);
    const [ended] = await t.db.select().from(sessions).where(eq(sessions.tokenHash, tokenHash));
    expect(ended!.revokedAt).not.toBeNull();
  });

  it.runIf(process.env.TUIJIN_TEST_ENGINE === 'postgresql')(
    'forgets a kept session when another process announces a change on PostgreSQL',
    async () => {
      const cookie = await t.login('owner1');
      expect((await me(cookie)).status).toBe(200);
      const other = new pg.Client({ connectionString: t.database.databaseUrl });
      await other.connect();
      try {
        // Another instance disables the account: its transaction writes the row and notifies.
        await other.query('begin');
        await other.query(`update users set is_active = false where username = 'owner1'`);
        await other.query(`select pg_notify($1, $2)`, [cacheChannel, JSON.stringify({ topic: 'sessions' })]);
        await other.query('commit');
        await expect.poll(async () => (await me(cookie)).status, { timeout: 2_000 }).toBe(401);
        await other.query(`update users set is_active = true where username = 'owner1'`);
      } finally {
        await other.end();
      }
    },
  );
});
