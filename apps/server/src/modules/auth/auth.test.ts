import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents } from '../../db/schema';
import { createTestApp, type TestApp } from '../../testing/test-app';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t.close());

const loginAs = (username: string, password: string, ip?: string) => t.tryLogin(username, password, ip);

describe('login', () => {
  it('opens a session with an HttpOnly SameSite cookie and answers the person with abilities', async () => {
    const response = await loginAs('jiaocheng', 'Tuijin#2026');
    expect(response.statusCode).toBe(200);
    const cookie = response.cookies.find((c) => c.name === 'tuijin_session')!;
    expect(cookie.httpOnly).toBe(true);
    expect(cookie.sameSite).toBe('Lax');
    const me = response.json();
    expect(me.region).toEqual({ code: '350902', name: '蕉城区', level: 'county' });
    expect(me.abilities).toContain('organisation.read');
    expect(me.abilities).not.toContain('audit.read');
  });

  it('issues a new session id at every login', async () => {
    const first = (await loginAs('fuan', 'Tuijin#2026')).cookies[0]!.value;
    const second = (await loginAs('fuan', 'Tuijin#2026')).cookies[0]!.value;
    expect(first).not.toBe(second);
  });

  it('gives the same answer for a wrong password and an unknown user', async () => {
    const wrong = await loginAs('ningde', 'Wrong#2026x', '10.2.2.2');
    const unknown = await loginAs('nobody', 'Wrong#2026x', '10.2.2.2');
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(wrong.json()).toEqual(unknown.json());
    expect(wrong.json().error.message).toBe('用户名或密码错误');
  });

  it('rejects a login body with unknown fields', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'ningde', password: 'x', isAdmin: true },
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.code).toBe('VALIDATION_FAILED');
  });
});

describe('lockout', () => {
  it('locks the account after five wrong passwords from one address, and audits every attempt', async () => {
    for (let i = 0; i < 4; i++)
      expect((await loginAs('leader1', 'Wrong#pass1', '10.3.3.3')).statusCode).toBe(401);
    const fifth = await loginAs('leader1', 'Wrong#pass1', '10.3.3.3');
    expect(fifth.statusCode).toBe(429);
    expect(fifth.json().error.message).toContain('锁定');
    const correct = await loginAs('leader1', 'Tuijin#2026', '10.3.3.3');
    expect(correct.statusCode).toBe(429);
    // Another address (another office behind its own NAT) is not locked out.
    expect((await loginAs('leader1', 'Tuijin#2026', '10.4.4.4')).statusCode).toBe(200);

    const events = await t.db
      .select({ action: auditEvents.action, ip: auditEvents.ip })
      .from(auditEvents)
      .where(and(eq(auditEvents.actorName, 'leader1')));
    const actions = events.map((e) => e.action);
    expect(actions.filter((a) => a === 'auth.login.failed')).toHaveLength(5);
    expect(actions).toContain('auth.lockout');
    expect(actions).toContain('auth.login.refused');
    expect(actions).toContain('auth.login');
  });

  it('lifts the lock when the lock time has passed', async () => {
    for (let i = 0; i < 5; i++) await loginAs('supervisor', 'Wrong#pass1', '10.5.5.5');
    expect((await loginAs('supervisor', 'Tuijin#2026', '10.5.5.5')).statusCode).toBe(429);
    t.clock.advance(16 * 60_000);
    expect((await loginAs('supervisor', 'Tuijin#2026', '10.5.5.5')).statusCode).toBe(200);
  });

  it('shows the lockout to the audit admin and not to the system admin', async () => {
    for (let i = 0; i < 5; i++) await loginAs('fuan', 'Wrong#pass1', '10.6.6.6');
    const auditor = await t.as('auditor');
    const seen = await auditor.get('/api/audit-events?actor=fuan&action=auth.');
    expect(seen.status).toBe(200);
    const actions = seen.body.data.map((e: { action: string }) => e.action);
    expect(actions).toContain('auth.lockout');
    expect(actions.filter((a: string) => a === 'auth.login.failed').length).toBeGreaterThanOrEqual(5);
    const admin = await t.as('admin');
    expect((await admin.get('/api/audit-events')).status).toBe(403);
  });
});

describe('sessions', () => {
  it('answers 401 without a session and after logout', async () => {
    expect((await t.call(null, 'GET', '/api/auth/me')).status).toBe(401);
    const cookie = await t.login('ningde');
    expect((await t.call(cookie, 'GET', '/api/auth/me')).status).toBe(200);
    expect((await t.call(cookie, 'POST', '/api/auth/logout', {})).status).toBe(200);
    expect((await t.call(cookie, 'GET', '/api/auth/me')).status).toBe(401);
  });

  it('ends a session left idle past the timeout', async () => {
    const cookie = await t.login('ningde');
    t.clock.advance(29 * 60_000);
    expect((await t.call(cookie, 'GET', '/api/auth/me')).status).toBe(200);
    t.clock.advance(31 * 60_000);
    expect((await t.call(cookie, 'GET', '/api/auth/me')).status).toBe(401);
  });

  it('takes a disabled account and a role change into effect on the next request', async () => {
    const admin = await t.as('admin');
    const cookie = await t.login('leader1', { ip: '10.7.7.7' });
    const leader = (await admin.get('/api/users?q=leader1')).body.data[0];
    const roles = await admin.put(`/api/users/${leader.id}/roles`, {
      roles: ['service_officer'],
      version: leader.version,
    });
    expect(roles.status).toBe(200);
    const me = await t.call(cookie, 'GET', '/api/auth/me');
    expect(me.body.roles).toEqual(['service_officer']);
    const disabled = await admin.put(`/api/users/${leader.id}/active`, {
      isActive: false,
      version: roles.body.version,
    });
    expect(disabled.status).toBe(200);
    expect((await t.call(cookie, 'GET', '/api/auth/me')).status).toBe(401);
    expect((await loginAs('leader1', 'Tuijin#2026', '10.7.7.7')).statusCode).toBe(401);
  });
});

describe('change password', () => {
  it('refuses a weak password with the rule it breaks, then accepts a good one', async () => {
    const cookie = await t.login('owner1');
    const weak = await t.call(cookie, 'POST', '/api/auth/password', {
      currentPassword: 'Tuijin#2026',
      newPassword: 'short',
    });
    expect(weak.status).toBe(400);
    expect(weak.body.error.details.map((d: { message: string }) => d.message).join()).toContain('至少 10 位');
    const wrongCurrent = await t.call(cookie, 'POST', '/api/auth/password', {
      currentPassword: 'nope',
      newPassword: 'Better#Pass2026',
    });
    expect(wrongCurrent.status).toBe(400);
    const ok = await t.call(cookie, 'POST', '/api/auth/password', {
      currentPassword: 'Tuijin#2026',
      newPassword: 'Better#Pass2026',
    });
    expect(ok.status).toBe(200);
    expect((await loginAs('owner1', 'Better#Pass2026', '10.8.8.8')).statusCode).toBe(200);
    expect((await loginAs('owner1', 'Tuijin#2026', '10.8.8.9')).statusCode).toBe(401);
  });
});
