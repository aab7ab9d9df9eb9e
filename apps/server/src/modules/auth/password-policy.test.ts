import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents, organisations, passwordHistory, settings, users } from '../../db/schema';
import { demoPassword } from '../../demo/ningde';
import { createTestApp, type TestApp } from '../../testing/test-app';
import { demoInstallationKey } from './password-policy';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t.close());

const blocklisted = '密码过于常见或容易猜到（在弱密码表中），请换一个';
const messages = (body: { error: { details: { message: string }[] } }) =>
  body.error.details.map((d) => d.message);

async function ownerUnitId() {
  const [unit] = await t.db
    .select({ id: organisations.id })
    .from(organisations)
    .where(eq(organisations.kind, 'owner'))
    .limit(1);
  return unit!.id;
}
const newOwner = async (username: string, password: string) => ({
  username,
  displayName: '王五',
  phone: null,
  organisationId: await ownerUnitId(),
  roles: ['owner'],
  password,
});

describe('the password blocklist (issue 20 item 7)', () => {
  it('refuses a common password and a dressed-up weak word, saying why', async () => {
    const cookie = await t.login('officer1');
    for (const newPassword of ['Password2026!', 'P@ssw0rd#2026', 'Qwer@1234', 'Admin@12345']) {
      const refused = await t.call(cookie, 'POST', '/api/auth/password', {
        currentPassword: demoPassword,
        newPassword,
      });
      expect(refused.status).toBe(400);
      expect(refused.body.error.details).toContainEqual({ path: 'newPassword', message: blocklisted });
    }
  });

  it('refuses the username and its obvious variants, for a reset too', async () => {
    const admin = await t.as('admin');
    const [leader] = (await admin.get('/api/users?q=leader2')).body.data;
    for (const newPassword of ['LEADER2#2026x', 'Xx2redael#2026', 'L3ad3r2#2026x']) {
      const refused = await admin.post(`/api/users/${leader.id}/password`, { newPassword });
      expect(refused.status).toBe(400);
      expect(messages(refused.body)).toContain('密码不能包含用户名（含倒序、大小写或形近字符变体）');
    }
  });

  it('accepts the published demo password in the demo installation only', async () => {
    const admin = await t.as('admin');
    expect((await admin.post('/api/users', await newOwner('demouser1', demoPassword))).status).toBe(200);
    await t.db.delete(settings).where(eq(settings.key, demoInstallationKey));
    try {
      const refused = await admin.post('/api/users', await newOwner('demouser2', demoPassword));
      expect(refused.status).toBe(400);
      expect(refused.body.error.details).toContainEqual({ path: 'password', message: blocklisted });
    } finally {
      await t.db.insert(settings).values({ key: demoInstallationKey, value: {}, version: 1 });
    }
  });
});

describe('the password history (issue 20 item 7)', () => {
  it('refuses any of the last five passwords and keeps them only as hashes', async () => {
    const cookie = await t.login('supervisor');
    const change = (currentPassword: string, newPassword: string) =>
      t.call(cookie, 'POST', '/api/auth/password', { currentPassword, newPassword });
    const sequence = [
      'Lan-shan1#river',
      'Lan-shan2#river',
      'Lan-shan3#river',
      'Lan-shan4#river',
      'Lan-shan5#river',
    ];
    let current = demoPassword;
    for (const next of sequence) {
      expect((await change(current, next)).status).toBe(200);
      current = next;
    }
    const again = await change(current, current);
    expect(again.status).toBe(400);
    expect(messages(again.body)).toContain('新密码不能与最近 5 次用过的密码相同');
    const fifthBack = await change(current, 'Lan-shan1#river');
    expect(messages(fifthBack.body)).toEqual(['新密码不能与最近 5 次用过的密码相同']);
    // The sixth one back (the demo password here) may be used again.
    expect((await change(current, demoPassword)).status).toBe(200);

    const [user] = await t.db.select({ id: users.id }).from(users).where(eq(users.username, 'supervisor'));
    const kept = await t.db.select().from(passwordHistory).where(eq(passwordHistory.userId, user!.id));
    expect(kept.length).toBe(7);
    expect(kept.every((row) => row.passwordHash.startsWith('$argon2id$'))).toBe(true);
  });
});

describe('the periodic password change (issue 20 item 7)', () => {
  it('makes a user whose password is older than the policy allows change it before anything else', async () => {
    await t.db.delete(settings).where(eq(settings.key, demoInstallationKey));
    t.clock.advance(91 * 86_400_000);
    const login = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'owner1', password: demoPassword },
      remoteAddress: '10.40.0.1',
    });
    expect(login.statusCode).toBe(200);
    expect(login.json().mustChangePassword).toBe(true);
    const cookie = `tuijin_session=${login.cookies.find((c) => c.name === 'tuijin_session')!.value}`;
    const blocked = await t.call(cookie, 'GET', '/api/projects');
    expect(blocked.status).toBe(403);
    expect(blocked.body.error.code).toBe('PASSWORD_CHANGE_REQUIRED');
    const [expired] = await t.db
      .select({ detail: auditEvents.detail })
      .from(auditEvents)
      .where(and(eq(auditEvents.action, 'auth.password.expired'), eq(auditEvents.actorName, 'owner1')));
    expect(expired?.detail).toMatchObject({ maxAgeDays: 90 });

    // Outside the demo the demo password is refused as the new one too.
    const demoAgain = await t.call(cookie, 'POST', '/api/auth/password', {
      currentPassword: demoPassword,
      newPassword: demoPassword,
    });
    expect(messages(demoAgain.body)).toContain(blocklisted);
    const changed = await t.call(cookie, 'POST', '/api/auth/password', {
      currentPassword: demoPassword,
      newPassword: 'Lan-shan9#river',
    });
    expect(changed.status).toBe(200);
    expect((await t.call(cookie, 'GET', '/api/projects')).status).toBe(200);
  });
});
