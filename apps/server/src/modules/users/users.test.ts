import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../testing/test-app';

let t: TestApp;
let ownerUnitId: string;
beforeAll(async () => {
  t = await createTestApp();
  const orgs = (
    await (await t.as('ningde')).get(`/api/organisations?q=${encodeURIComponent('蕉城区城市建设投资开发')}`)
  ).body.data;
  ownerUnitId = orgs[0].id;
});
afterAll(async () => t.close());

const newOwner = (username: string) => ({
  username,
  displayName: '李四',
  phone: '13800000000',
  organisationId: ownerUnitId,
  roles: ['owner'],
  password: 'Initial#2026',
});

describe('users', () => {
  it('lets the system admin create an account that must change its password at first login', async () => {
    const admin = await t.as('admin');
    const created = await admin.post('/api/users', newOwner('lisi'));
    expect(created.status).toBe(200);
    expect(created.body).toMatchObject({
      username: 'lisi',
      roles: ['owner'],
      regionCode: '350902',
      isActive: true,
    });
    expect(created.body).not.toHaveProperty('passwordHash');
    const login = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'lisi', password: 'Initial#2026' },
    });
    expect(login.json().mustChangePassword).toBe(true);
  });

  it('refuses a duplicate username, a weak password and a role that does not fit the organisation', async () => {
    const admin = await t.as('admin');
    expect((await admin.post('/api/users', newOwner('lisi'))).status).toBe(409);
    const weak = await admin.post('/api/users', { ...newOwner('wangwu'), password: 'weak' });
    expect(weak.status).toBe(400);
    expect(weak.body.error.details[0].path).toBe('password');
    const misfit = await admin.post('/api/users', { ...newOwner('zhaoliu'), roles: ['office_staff'] });
    expect(misfit.status).toBe(400);
    expect(misfit.body.error.details[0].path).toBe('organisationId');
    const badName = await admin.post('/api/users', { ...newOwner('Bad Name'), roles: ['owner'] });
    expect(badName.status).toBe(400);
  });

  it('keeps county offices from creating accounts and the system admin from granting admin roles', async () => {
    expect((await (await t.as('jiaocheng')).post('/api/users', newOwner('qianqi'))).status).toBe(403);
    const admin = await t.as('admin');
    const adminRole = await admin.post('/api/users', { ...newOwner('sunba'), roles: ['audit_admin'] });
    expect(adminRole.status).toBe(403);
    const security = await t.as('security');
    const ownId = (await security.get('/api/users?q=security')).body.data[0];
    const self = await security.put(`/api/users/${ownId.id}/roles`, {
      roles: ['security_admin', 'audit_admin'],
      version: ownId.version,
    });
    expect(self.status).toBe(403);
  });

  it('resets a password, ending the user’s sessions, and unlocks a locked account', async () => {
    const admin = await t.as('admin');
    const owner = (await admin.get('/api/users?q=owner1')).body.data[0];
    const session = await t.login('owner1');
    const reset = await admin.post(`/api/users/${owner.id}/password`, { newPassword: 'Reset#Pass2026' });
    expect(reset.status).toBe(200);
    expect((await t.call(session, 'GET', '/api/auth/me')).status).toBe(401);
    for (let i = 0; i < 5; i++) {
      await t.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { username: 'owner1', password: 'bad' },
        remoteAddress: '10.1.1.1',
      });
    }
    const locked = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'owner1', password: 'Reset#Pass2026' },
      remoteAddress: '10.1.1.1',
    });
    expect(locked.statusCode).toBe(429);
    expect((await admin.post(`/api/users/${owner.id}/unlock`)).status).toBe(200);
    const after = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'owner1', password: 'Reset#Pass2026' },
      remoteAddress: '10.1.1.1',
    });
    expect(after.statusCode).toBe(200);
  });

  it('filters users by role and region subtree', async () => {
    const city = await t.as('ningde');
    const offices = (await city.get('/api/users?role=office_staff&pageSize=100')).body.data.map(
      (u: { username: string }) => u.username,
    );
    expect(offices.sort()).toEqual(['fuan', 'jiaocheng', 'ningde']);
    const fuan = (await city.get('/api/users?region=350981')).body.data.map(
      (u: { username: string }) => u.username,
    );
    expect(fuan).toEqual(['fuan']);
  });
});

describe('security policy', () => {
  it('is set by the security admin only, and a new minimum length applies at once', async () => {
    const security = await t.as('security');
    const policy = (await security.get('/api/security-policy')).body;
    // The demo saves the policy once (two-factor for the admins off), so its version is not 0.
    expect(policy).toMatchObject({ lockoutMaxFailures: 5, sessionIdleMinutes: 30 });
    expect((await (await t.as('admin')).put('/api/security-policy', { ...policy })).status).toBe(403);
    const saved = await security.put('/api/security-policy', { ...policy, passwordMinLength: 14 });
    expect(saved.status).toBe(200);
    expect(saved.body.version).toBe(policy.version + 1);
    const stale = await security.put('/api/security-policy', { ...policy, passwordMinLength: 12 });
    expect(stale.status).toBe(409);
    const admin = await t.as('admin');
    const tooShort = await admin.post('/api/users', { ...newOwner('zhouji'), password: 'Twelve#Chars' });
    expect(tooShort.status).toBe(400);
    expect(tooShort.body.error.message).toContain('14');
  });
});

describe('regions', () => {
  it('adds a development zone under a city and refuses a malformed code', async () => {
    const admin = await t.as('admin');
    const zone = await admin.post('/api/regions', {
      code: '350900-SC',
      name: '三都澳新区',
      level: 'zone',
      parentCode: '350900',
    });
    expect(zone.status).toBe(200);
    const bad = await admin.post('/api/regions', {
      code: '360999',
      name: '错误',
      level: 'county',
      parentCode: '350900',
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.details[0].path).toBe('code');
    expect(
      (
        await (
          await t.as('jiaocheng')
        ).post('/api/regions', { code: '350902-X', name: 'x', level: 'zone', parentCode: '350902' })
      ).status,
    ).toBe(403);
  });
});
