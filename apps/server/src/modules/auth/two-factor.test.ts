import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents, userRecoveryCodes, users, userTotp } from '../../db/schema';
import { createTestApp, type TestApp } from '../../testing/test-app';
import { testAuditKey } from '../../testing/test-constants';
import { totpCodeAt } from './totp';
import { totpOf } from './two-factor-store';

let t: TestApp;
const password = 'Tuijin#2026';

beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t.close());

/** Password step: answers the body and the half session's cookie. */
async function passwordStep(username: string, ip = '10.2.0.1') {
  const response = await t.app.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { username, password },
    remoteAddress: ip,
  });
  const cookie = response.cookies.find((c) => c.name === 'tuijin_session');
  return { status: response.statusCode, body: response.json(), cookie: `tuijin_session=${cookie?.value}` };
}

const post = (cookie: string, url: string, payload: unknown = {}, ip = '10.2.0.1') =>
  t.app
    .inject({ method: 'POST', url, payload: payload as object, headers: { cookie }, remoteAddress: ip })
    .then((r) => ({
      status: r.statusCode,
      body: r.json(),
      cookie: r.cookies.find((c) => c.name === 'tuijin_session')?.value,
    }));
const get = (cookie: string, url: string) =>
  t.app
    .inject({ method: 'GET', url, headers: { cookie } })
    .then((r) => ({ status: r.statusCode, body: r.json() }));

const userIdOf = async (username: string) =>
  (await t.db.select({ id: users.id }).from(users).where(eq(users.username, username)))[0]!.id;

/** The audit actions about a user's account, oldest first. */
const actionsFor = async (username: string) =>
  (
    await t.db
      .select({ action: auditEvents.action })
      .from(auditEvents)
      .where(and(eq(auditEvents.entityType, 'user'), eq(auditEvents.entityId, await userIdOf(username))))
      .orderBy(auditEvents.id)
  ).map((e) => e.action);

/** Enrols `username` from a signed-in session; answers the secret and recovery codes. */
async function enrol(username: string) {
  const { cookie } = await passwordStep(username);
  const started = await post(cookie, '/api/auth/two-factor/enrolment');
  expect(started.status).toBe(200);
  const confirmed = await post(cookie, '/api/auth/two-factor/enrolment/confirm', {
    code: totpCodeAt(started.body.secret, t.clock.now()),
  });
  expect(confirmed.status).toBe(200);
  return { secret: started.body.secret as string, recoveryCodes: confirmed.body.recoveryCodes as string[] };
}

describe('enrolment (绑定动态口令)', () => {
  it('stores the secret encrypted, confirms with a code and hands out ten recovery codes once, hashed', async () => {
    const { cookie } = await passwordStep('leader1');
    const started = await post(cookie, '/api/auth/two-factor/enrolment');
    expect(started.status).toBe(200);
    expect(started.body.qrDataUrl).toMatch(/^data:image\/svg\+xml;base64,/);
    expect(started.body.otpauthUri).toContain(`secret=${started.body.secret}`);
    const [stored] = await t.db.select().from(userTotp);
    expect(stored!.secretCipher).not.toContain(started.body.secret);
    expect(stored!.confirmedAt).toBeNull();

    const wrong = await post(cookie, '/api/auth/two-factor/enrolment/confirm', { code: '000000' });
    expect(wrong.status).toBe(400);
    expect(wrong.body.error.details[0].path).toBe('code');

    const confirmed = await post(cookie, '/api/auth/two-factor/enrolment/confirm', {
      code: totpCodeAt(started.body.secret, t.clock.now()),
    });
    expect(confirmed.status).toBe(200);
    expect(confirmed.body.recoveryCodes).toHaveLength(10);
    expect(confirmed.body.recoveryCodes[0]).toMatch(/^[A-Z2-9]{5}-[A-Z2-9]{5}$/);
    const hashes = await t.db.select().from(userRecoveryCodes);
    expect(hashes).toHaveLength(10);
    expect(hashes.some((h) => confirmed.body.recoveryCodes.includes(h.codeHash))).toBe(false);
    expect((await totpOf(t.db, testAuditKey, stored!.userId))?.secret).toBe(started.body.secret);
    expect((await get(cookie, '/api/auth/two-factor')).body).toEqual({
      isEnrolled: true,
      isRequired: false,
      recoveryCodesLeft: 10,
    });
    expect((await post(cookie, '/api/auth/two-factor/enrolment')).status).toBe(409);
    const actions = await actionsFor('leader1');
    expect(actions.filter((a) => a === 'auth.twoFactor.enrol')).toHaveLength(2);
    expect(actions).toContain('auth.twoFactor.failed');
  });
});

describe('two-step login', () => {
  it('gives a half session after the password that opens no API, then a full one after the code', async () => {
    const { secret } = await enrol('leader2');
    t.clock.advance(60_000);
    const first = await passwordStep('leader2');
    expect(first.status).toBe(200);
    expect(first.body.secondFactor).toBe('totp');
    expect((await get(first.cookie, '/api/auth/me')).status).toBe(401);
    expect((await get(first.cookie, '/api/projects')).status).toBe(401);

    const code = totpCodeAt(secret, t.clock.now());
    const second = await post(first.cookie, '/api/auth/second-factor', { code });
    expect(second.status).toBe(200);
    expect(second.body.user.username).toBe('leader2');
    const full = `tuijin_session=${second.cookie}`;
    expect(full).not.toBe(first.cookie);
    expect((await get(full, '/api/auth/me')).status).toBe(200);
    // The half session is spent; its cookie opens nothing.
    expect((await post(first.cookie, '/api/auth/second-factor', { code })).status).toBe(401);

    // The same code, within its window, on a new half session: refused (no replay).
    const again = await passwordStep('leader2');
    const replay = await post(again.cookie, '/api/auth/second-factor', { code });
    expect(replay.status).toBe(401);
    expect(replay.body.error.message).toBe('动态口令或恢复码不正确');
    const actions = await actionsFor('leader2');
    expect(actions).toContain('auth.twoFactor.verify');
    expect(actions.at(-1)).toBe('auth.twoFactor.failed');
  });

  it('ends the half session after five wrong codes, and the wrong codes lock the account like wrong passwords', async () => {
    await enrol('officer1');
    const half = await passwordStep('officer1', '10.3.0.1');
    for (let i = 0; i < 4; i += 1)
      expect(
        (await post(half.cookie, '/api/auth/second-factor', { code: '000000' }, '10.3.0.1')).status,
      ).toBe(401);
    const fifth = await post(half.cookie, '/api/auth/second-factor', { code: '000000' }, '10.3.0.1');
    expect(fifth.status).toBe(429);
    expect((await passwordStep('officer1', '10.3.0.1')).status).toBe(429);
    expect(await actionsFor('officer1')).toContain('auth.lockout');
  });

  it('takes each recovery code once instead of a TOTP code', async () => {
    const { recoveryCodes } = await enrol('supervisor');
    const half = await passwordStep('supervisor');
    const used = await post(half.cookie, '/api/auth/second-factor', {
      code: recoveryCodes[3]!.toLowerCase(),
    });
    expect(used.status).toBe(200);
    const again = await passwordStep('supervisor');
    expect((await post(again.cookie, '/api/auth/second-factor', { code: recoveryCodes[3] })).status).toBe(
      401,
    );
    expect((await post(again.cookie, '/api/auth/second-factor', { code: recoveryCodes[4] })).status).toBe(
      200,
    );
    expect(await actionsFor('supervisor')).toContain('auth.twoFactor.recoveryCodeUsed');
  });
});

describe('the policy requirement', () => {
  it('sends an admin who must but has not enrolled to enrolment, with no API access until enrolled', async () => {
    const security = await t.as('security');
    const policy = (await security.get('/api/security-policy')).body;
    const { version, ...fields } = policy;
    const saved = await security.put('/api/security-policy', {
      ...fields,
      twoFactorForAdmins: true,
      twoFactorRoles: ['department_staff'],
      version,
    });
    expect(saved.status).toBe(200);

    const half = await passwordStep('auditor');
    expect(half.body.secondFactor).toBe('enrol');
    expect((await get(half.cookie, '/api/audit-events')).status).toBe(401);
    expect((await post(half.cookie, '/api/auth/second-factor', { code: '123456' })).status).toBe(409);
    const started = await post(half.cookie, '/api/auth/two-factor/enrolment');
    const confirmed = await post(half.cookie, '/api/auth/two-factor/enrolment/confirm', {
      code: totpCodeAt(started.body.secret, t.clock.now()),
    });
    expect(confirmed.status).toBe(200);
    expect(confirmed.body.recoveryCodes).toHaveLength(10);
    const full = `tuijin_session=${confirmed.cookie}`;
    expect((await get(full, '/api/audit-events')).status).toBe(200);

    // A role the security admin listed is held to it too; others are not.
    expect((await passwordStep('zhujian')).body.secondFactor).toBe('enrol');
    expect((await passwordStep('ningde')).body.secondFactor).toBeNull();

    const current = (await security.get('/api/security-policy')).body;
    const restored = await security.put('/api/security-policy', {
      ...current,
      twoFactorForAdmins: false,
      twoFactorRoles: [],
    });
    expect(restored.status).toBe(200);
  });
});

describe('reset by the security admin', () => {
  it('removes the authenticator, ends the sessions and is audited; nobody else may, nor on themselves', async () => {
    const { cookie } = await passwordStep('fuan');
    const started = await post(cookie, '/api/auth/two-factor/enrolment');
    await post(cookie, '/api/auth/two-factor/enrolment/confirm', {
      code: totpCodeAt(started.body.secret, t.clock.now()),
    });
    const users = (await (await t.as('admin')).get('/api/users?q=fuan')).body.data as {
      id: string;
      username: string;
    }[];
    const target = users.find((u) => u.username === 'fuan')!;

    expect((await (await t.as('admin')).post(`/api/users/${target.id}/two-factor/reset`)).status).toBe(403);
    const security = await t.as('security');
    const reset = await security.post(`/api/users/${target.id}/two-factor/reset`);
    expect(reset.status).toBe(200);
    expect(await t.db.select().from(userTotp).where(eq(userTotp.userId, target.id))).toEqual([]);
    expect(
      await t.db.select().from(userRecoveryCodes).where(eq(userRecoveryCodes.userId, target.id)),
    ).toEqual([]);
    expect((await get(cookie, '/api/auth/me')).status).toBe(401);
    const audited = await t.db
      .select({ entityId: auditEvents.entityId })
      .from(auditEvents)
      .where(eq(auditEvents.action, 'user.twoFactor.reset'));
    expect(audited.map((a) => a.entityId)).toContain(target.id);
    expect((await passwordStep('fuan')).body.secondFactor).toBeNull();

    const own = (await security.get('/api/auth/me')).body.user.id as string;
    expect((await security.post(`/api/users/${own}/two-factor/reset`)).status).toBe(403);
  });
});
