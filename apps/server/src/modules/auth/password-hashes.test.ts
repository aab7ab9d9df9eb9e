import { pbkdf2Sync } from 'node:crypto';
import { and, desc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents, users } from '../../db/schema';
import { createTestApp, type TestApp } from '../../testing/test-app';
import {
  hashPassword,
  passwordHashAlgorithmOf,
  passwordHashNeedsUpgrade,
  pbkdf2Sm3Parameters,
  verifyPassword,
} from './passwords';

describe('PBKDF2-HMAC-SM3 password hashes', () => {
  it('names the algorithm and its parameters, and verifies only the right password', async () => {
    const stored = await hashPassword('Gm#Password2026', 'pbkdf2-sm3');
    expect(stored).toMatch(/^\$pbkdf2-sm3\$i=210000\$[A-Za-z0-9+/=]{24}\$[A-Za-z0-9+/=]{44}$/);
    expect(passwordHashAlgorithmOf(stored)).toBe('pbkdf2-sm3');
    expect(await verifyPassword(stored, 'Gm#Password2026')).toBe(true);
    expect(await verifyPassword(stored, 'Gm#Password2027')).toBe(false);
  });

  it('verifies by the parameters the stored hash names (an older, smaller iteration count)', async () => {
    const salt = Buffer.from('0123456789abcdef');
    const key = pbkdf2Sync('old-secret', salt, 1000, 32, 'sm3');
    const stored = `$pbkdf2-sm3$i=1000$${salt.toString('base64')}$${key.toString('base64')}`;
    expect(await verifyPassword(stored, 'old-secret')).toBe(true);
    expect(passwordHashNeedsUpgrade(stored, 'pbkdf2-sm3')).toBe(true);
    expect(1000).toBeLessThan(pbkdf2Sm3Parameters.iterations);
  });

  it('refuses a tampered or malformed stored hash', async () => {
    const stored = await hashPassword('Gm#Password2026', 'pbkdf2-sm3');
    const parts = stored.split('$');
    const key = Buffer.from(parts[4]!, 'base64');
    key[0]! ^= 1;
    parts[4] = key.toString('base64');
    expect(await verifyPassword(parts.join('$'), 'Gm#Password2026')).toBe(false);
    expect(await verifyPassword('$pbkdf2-sm3$i=abc$x$y', 'Gm#Password2026')).toBe(false);
  });

  it('asks for an upgrade when the policy names another algorithm', async () => {
    const argon = await hashPassword('Gm#Password2026');
    expect(passwordHashAlgorithmOf(argon)).toBe('argon2id');
    expect(passwordHashNeedsUpgrade(argon, 'argon2id')).toBe(false);
    expect(passwordHashNeedsUpgrade(argon, 'pbkdf2-sm3')).toBe(true);
    const sm3 = await hashPassword('Gm#Password2026', 'pbkdf2-sm3');
    expect(passwordHashNeedsUpgrade(sm3, 'pbkdf2-sm3')).toBe(false);
    expect(passwordHashNeedsUpgrade(sm3, 'argon2id')).toBe(true);
  });
});

describe('the security policy chooses the algorithm of new hashes', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => t.close());

  const storedHash = async (username: string) =>
    (await t.db.select({ hash: users.passwordHash }).from(users).where(eq(users.username, username)))[0]!
      .hash;
  const lastLoginDetail = async (username: string) => {
    const [user] = await t.db.select({ id: users.id }).from(users).where(eq(users.username, username));
    const [event] = await t.db
      .select({ detail: auditEvents.detail })
      .from(auditEvents)
      .where(and(eq(auditEvents.action, 'auth.login'), eq(auditEvents.entityId, user!.id)))
      .orderBy(desc(auditEvents.id))
      .limit(1);
    return event?.detail ?? null;
  };
  const setAlgorithm = async (passwordHashAlgorithm: string) => {
    const security = await t.as('security');
    const policy = (await security.get('/api/security-policy')).body;
    const saved = await security.put('/api/security-policy', { ...policy, passwordHashAlgorithm });
    expect(saved.status).toBe(200);
  };

  it('re-hashes an argon2id password with PBKDF2-HMAC-SM3 at the next login, and audits it', async () => {
    expect(await storedHash('jiaocheng')).toMatch(/^\$argon2id\$/);
    await setAlgorithm('pbkdf2-sm3');
    await t.login('jiaocheng');
    expect(await storedHash('jiaocheng')).toMatch(/^\$pbkdf2-sm3\$i=210000\$/);
    expect(await lastLoginDetail('jiaocheng')).toEqual({ passwordRehashedTo: 'pbkdf2-sm3' });
    // The new hash works, and is not made again.
    const again = await storedHash('jiaocheng');
    await t.login('jiaocheng');
    expect(await storedHash('jiaocheng')).toBe(again);
    expect(await lastLoginDetail('jiaocheng')).toBeNull();
    await expect(t.login('jiaocheng', { password: 'Wrong#2026x' })).rejects.toThrow(/401|用户名或密码错误/);
  });

  it('switches back: the next login re-hashes with argon2id', async () => {
    await setAlgorithm('argon2id');
    await t.login('jiaocheng');
    expect(await storedHash('jiaocheng')).toMatch(/^\$argon2id\$/);
    expect(await lastLoginDetail('jiaocheng')).toEqual({ passwordRehashedTo: 'argon2id' });
  });
});
