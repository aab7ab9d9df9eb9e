import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents } from '../../db/schema';
import { createTestApp, type TestApp } from '../../testing/test-app';
import { testAuditKey } from '../../testing/test-constants';
import { resetPasswordByUsername, systemCtx } from './account-ops';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t.close());

const userId = async (username: string) =>
  (await (await t.as('admin')).get(`/api/users?q=${username}`)).body.data.find(
    (u: { username: string }) => u.username === username,
  ) as { id: string; version: number; roles: string[] };

describe('三权分立: administrator accounts are not changed through the app', () => {
  it('refuses the security admin’s reset of the system admin’s password, audits the try, and the old password still works', async () => {
    const target = await userId('admin');
    const security = await t.as('security');
    const reset = await security.post(`/api/users/${target.id}/password`, { newPassword: 'Taken#Over2026' });
    expect(reset.status).toBe(403);
    expect(reset.body.error.code).toBe('FORBIDDEN');
    expect(reset.body.error.message).toContain('tuijin user reset-password');
    const refused = await t.db
      .select({ actorName: auditEvents.actorName, detail: auditEvents.detail })
      .from(auditEvents)
      .where(and(eq(auditEvents.action, 'user.change.refused'), eq(auditEvents.entityId, target.id)));
    expect(refused).toEqual([
      {
        actorName: 'security',
        detail: { attempted: 'resetPassword', reason: 'adminAccount', targetRoles: ['system_admin'] },
      },
    ]);
    expect(
      (await t.call(null, 'POST', '/api/auth/login', { username: 'admin', password: 'Taken#Over2026' }))
        .status,
    ).toBe(401);
    await t.login('admin');
  });

  it('refuses every admin disabling, resetting or re-roling another admin or themselves', async () => {
    const ids = {
      admin: await userId('admin'),
      security: await userId('security'),
      auditor: await userId('auditor'),
    };
    for (const actor of ['admin', 'security', 'auditor'] as const) {
      const session = await t.as(actor);
      for (const target of Object.values(ids)) {
        const disable = await session.put(`/api/users/${target.id}/active`, {
          isActive: false,
          version: target.version,
        });
        const reset = await session.post(`/api/users/${target.id}/password`, {
          newPassword: 'Taken#Over2026',
        });
        const roles = await session.put(`/api/users/${target.id}/roles`, {
          roles: ['audit_admin'],
          version: target.version,
        });
        for (const response of [disable, reset, roles]) expect([403, 404]).toContain(response.status);
      }
    }
    // Nothing changed: all three still sign in with their passwords and keep their roles.
    for (const username of ['admin', 'security', 'auditor']) await t.login(username);
    expect((await userId('security')).roles).toEqual(['security_admin']);
  });

  it('refuses an administrator account created through the app (whoever set its password could sign in as it), audited', async () => {
    const security = await t.as('security');
    const office = (await (await t.as('admin')).get('/api/organisations?q=大数据')).body.data[0] as {
      id: string;
    };
    for (const role of ['system_admin', 'security_admin', 'audit_admin']) {
      const created = await security.post('/api/users', {
        username: `shadow_${role}`,
        displayName: '影子管理员',
        organisationId: office.id,
        roles: [role],
        password: 'Shadow#Admin2026',
      });
      expect(created.status).toBe(403);
      expect(created.body.error.message).toContain('tuijin user add');
      expect(
        (
          await t.call(null, 'POST', '/api/auth/login', {
            username: `shadow_${role}`,
            password: 'Shadow#Admin2026',
          })
        ).status,
      ).toBe(401);
    }
    const refused = await t.db
      .select({ actorName: auditEvents.actorName, detail: auditEvents.detail })
      .from(auditEvents)
      .where(eq(auditEvents.action, 'user.change.refused'));
    expect(
      refused
        .filter((r) => (r.detail as { attempted?: string }).attempted === 'create')
        .map((r) => r.actorName),
    ).toEqual(['security', 'security', 'security']);
  });

  it('still lets the system admin reset a business account', async () => {
    const owner = await userId('officer1');
    expect(
      (await (await t.as('admin')).post(`/api/users/${owner.id}/password`, { newPassword: 'Reset#Pass2026' }))
        .status,
    ).toBe(200);
  });

  it('recovers an admin account on the server (tuijin user reset-password), audited as system', async () => {
    await resetPasswordByUsername(systemCtx(t.db, testAuditKey), 'auditor', 'Recover#Audit2026');
    const [event] = await t.db
      .select({ actorName: auditEvents.actorName })
      .from(auditEvents)
      .where(
        and(
          eq(auditEvents.action, 'user.password.reset'),
          eq(auditEvents.entityId, (await userId('auditor')).id),
        ),
      );
    expect(event?.actorName).toBe('system');
    await t.login('auditor', { password: 'Recover#Audit2026' });
  });
});

describe('must change password, enforced by the server', () => {
  it('answers 403 PASSWORD_CHANGE_REQUIRED on every route but the session, the password change and logout', async () => {
    const cookie = await t.login('auditor', { password: 'Recover#Audit2026' });
    const audit = await t.call(cookie, 'GET', '/api/audit-events');
    expect(audit.status).toBe(403);
    expect(audit.body.error.code).toBe('PASSWORD_CHANGE_REQUIRED');
    const projects = await t.call(cookie, 'GET', '/api/projects');
    expect(projects.body.error.code).toBe('PASSWORD_CHANGE_REQUIRED');
    const me = await t.call(cookie, 'GET', '/api/auth/me');
    expect(me.status).toBe(200);
    expect(me.body.mustChangePassword).toBe(true);
    const changed = await t.call(cookie, 'POST', '/api/auth/password', {
      currentPassword: 'Recover#Audit2026',
      newPassword: 'Changed#Audit2026',
    });
    expect(changed.status).toBe(200);
    expect((await t.call(cookie, 'GET', '/api/audit-events')).status).toBe(200);
    expect((await t.call(cookie, 'POST', '/api/auth/logout', {})).status).toBe(200);
  });

  it('lets a session that must change its password log out', async () => {
    const owner = await userId('officer1');
    await (await t.as('admin')).post(`/api/users/${owner.id}/password`, { newPassword: 'Reset#Again2026' });
    const cookie = await t.login('officer1', { password: 'Reset#Again2026' });
    expect((await t.call(cookie, 'GET', '/api/projects')).status).toBe(403);
    expect((await t.call(cookie, 'POST', '/api/auth/logout', {})).status).toBe(200);
    expect((await t.call(cookie, 'GET', '/api/auth/me')).status).toBe(401);
  });
});
