import { and, eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents, loginCaptchas } from '../../db/schema';
import { demoAccounts } from '../../demo/ningde';
import { createTestApp, type TestApp } from '../../testing/test-app';
import { testCaptchaText } from '../../testing/test-constants';

let t: TestApp;
beforeAll(async () => {
  // The production default per-address limit (120 a minute per address and username), not the
  // test apps' unlimited one: the county-behind-one-NAT case runs against what ships.
  t = await createTestApp({ loginRatePerMinute: undefined });
});
afterAll(async () => t.close());

const demoPassword = 'Tuijin#2026';

async function captcha() {
  const response = await t.app.inject({
    method: 'POST',
    url: '/api/auth/captcha',
    remoteAddress: '10.0.0.1',
  });
  expect(response.statusCode).toBe(200);
  return response.json() as { id: string; image: string; expiresAt: string };
}

async function login(
  username: string,
  password: string,
  ip: string,
  extra: { captchaId?: string; captchaAnswer?: string } = {},
) {
  const response = await t.app.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { username, password, ...extra },
    remoteAddress: ip,
  });
  return { status: response.statusCode, body: response.json() };
}

const auditReasons = async (username: string) =>
  (
    await t.db
      .select({ action: auditEvents.action, detail: auditEvents.detail })
      .from(auditEvents)
      .where(
        and(
          eq(auditEvents.actorName, username),
          inArray(auditEvents.action, ['auth.login.refused', 'auth.lockout']),
        ),
      )
  ).map(
    (e) =>
      `${e.action}:${(e.detail as { reason?: string; scope?: string }).reason ?? (e.detail as { scope?: string }).scope}`,
  );

describe('the account-wide ceiling (issue 20 item 6)', () => {
  it('locks an account that 80 wrong passwords from 20 addresses go after', async () => {
    const answers: { status: number; message: string }[] = [];
    for (let i = 0; i < 80; i++) {
      // Five seconds apart, each with a solved CAPTCHA (the worst case: a solving attacker).
      t.clock.advance(5_000);
      const solved = await captcha();
      const answer = await login('leader2', `Guess#${i}x2026`, `10.20.0.${i % 20}`, {
        captchaId: solved.id,
        captchaAnswer: testCaptchaText,
      });
      answers.push({ status: answer.status, message: answer.body.error.message });
    }
    // Ten guesses reach a password check (the progressive delay turns some tries away), the tenth
    // locks the account, and every try after it is refused whatever the address.
    const failed = await t.db
      .select({ id: auditEvents.id })
      .from(auditEvents)
      .where(and(eq(auditEvents.actorName, 'leader2'), eq(auditEvents.action, 'auth.login.failed')));
    expect(failed).toHaveLength(10);
    expect(answers.filter((a) => a.status === 401)).toHaveLength(9);
    const firstLock = answers.findIndex((a) => a.message.includes('已临时锁定'));
    expect(firstLock).toBeGreaterThan(8);
    expect(answers.slice(firstLock).every((a) => a.status === 429 && a.message.includes('已临时锁定'))).toBe(
      true,
    );
    expect(answers.some((a) => a.message.includes('秒后再试'))).toBe(true);

    const locked = await login('leader2', demoPassword, '10.21.0.1');
    expect(locked.status).toBe(429);
    expect(locked.body.error.message).toMatch(
      /^该账号登录失败次数过多，已临时锁定（任何地址均不能登录），请 \d+ 分钟后再试$/,
    );
    const reasons = await auditReasons('leader2');
    expect(reasons.filter((r) => r === 'auth.lockout:account')).toHaveLength(1);
    expect(reasons).toContain('auth.login.refused:accountLocked');
    // The lock ends thirty minutes after the tenth failure; then the right password works.
    t.clock.advance(31 * 60_000);
    expect((await login('leader2', demoPassword, '10.21.0.1')).status).toBe(200);
  }, 240_000);

  it('makes each attempt after the third failure wait longer', async () => {
    for (let i = 0; i < 3; i++) await t.tryLogin('zhujian', 'Wrong#pass1', `10.22.0.${i}`);
    const solved = await captcha();
    const early = await login('zhujian', demoPassword, '10.22.0.9', {
      captchaId: solved.id,
      captchaAnswer: testCaptchaText,
    });
    expect(early.status).toBe(429);
    expect(early.body.error.message).toBe('该账号登录失败次数较多，请 1 秒后再试');
    t.clock.advance(1_000);
    expect(
      (
        await login('zhujian', demoPassword, '10.22.0.9', {
          captchaId: solved.id,
          captchaAnswer: testCaptchaText,
        })
      ).status,
    ).toBe(200);
    expect(await auditReasons('zhujian')).toContain('auth.login.refused:tooSoon');
  });
});

describe('one address shared by a county (issue 20 item 6)', () => {
  it('lets 60 good logins a minute through for different users and for one user, typos included', async () => {
    const people = demoAccounts.map((a) => a.username);
    const statuses: number[] = [];
    for (let i = 0; i < 60; i++) {
      const username = people[i % people.length]!;
      // Every tenth person mistypes once first.
      if (i % 10 === 0) expect((await login(username, 'Typo#2026x', '10.60.0.1')).status).toBe(401);
      statuses.push((await login(username, demoPassword, '10.60.0.1')).status);
      t.clock.advance(1_000);
    }
    for (let i = 0; i < 60; i++) {
      statuses.push((await login('officer1', demoPassword, '10.60.0.1')).status);
      t.clock.advance(1_000);
    }
    expect(statuses).toEqual(Array(120).fill(200));
  }, 240_000);

  it('stops an address that fails too often across accounts, with the limit in the message', async () => {
    const security = await t.as('security');
    const policy = (await security.get('/api/security-policy')).body;
    expect(
      (await security.put('/api/security-policy', { ...policy, addressMaxFailuresPerHour: 20 })).status,
    ).toBe(200);
    try {
      for (let i = 0; i < 20; i++)
        expect((await login(`sprayed${i}`, 'Spring#2026x', '10.61.0.1')).status).toBe(401);
      const refused = await login('sprayed99', 'Spring#2026x', '10.61.0.1');
      expect(refused.status).toBe(429);
      expect(refused.body.error.message).toMatch(/^本地址本小时登录失败已达 20 次，请 \d+ 分钟后再试$/);
      // Another address is not affected.
      expect((await login('sprayed99', 'Spring#2026x', '10.61.0.2')).status).toBe(401);
    } finally {
      const current = (await security.get('/api/security-policy')).body;
      await security.put('/api/security-policy', { ...current, addressMaxFailuresPerHour: 300 });
    }
  });
});

describe('the login CAPTCHA (issue 20 item 6)', () => {
  it('is asked for after three failures and refused when wrong, reused or expired', async () => {
    expect((await login('fuan', 'Wrong#pass1', '10.30.0.1')).body.error.details ?? []).toEqual([]);
    await login('fuan', 'Wrong#pass1', '10.30.0.2');
    const third = await login('fuan', 'Wrong#pass1', '10.30.0.3');
    expect(third.status).toBe(401);
    expect(third.body.error.message).toBe('用户名或密码错误');
    expect(third.body.error.details).toEqual([
      { path: 'captcha', message: '该账号登录失败次数较多，下次登录须输入图形验证码', issue: 'captcha.next' },
    ]);
    t.clock.advance(2_000);

    const bare = await login('fuan', demoPassword, '10.30.0.4');
    expect(bare.status).toBe(400);
    expect(bare.body.error.message).toBe('该账号登录失败次数较多，请输入图形验证码后再登录');
    expect(bare.body.error.details[0]).toMatchObject({ path: 'captcha', issue: 'captcha.required' });

    const image = await captcha();
    expect(image.image.startsWith('data:image/svg+xml;base64,')).toBe(true);
    expect(Buffer.from(image.image.split(',')[1]!, 'base64').toString()).toMatch(/^<svg [^>]*>.*<path/);
    const [stored] = await t.db.select().from(loginCaptchas).where(eq(loginCaptchas.id, image.id));
    expect(stored!.answerHash).toMatch(/^[0-9a-f]{64}$/);
    expect(stored!.answerHash).not.toContain(testCaptchaText);

    const wrong = await login('fuan', demoPassword, '10.30.0.4', {
      captchaId: image.id,
      captchaAnswer: 'ABCD',
    });
    expect(wrong.status).toBe(400);
    expect(wrong.body.error.message).toBe('图形验证码错误或已过期，请按新图片重新输入');
    expect(wrong.body.error.details[0]).toMatchObject({ path: 'captcha', issue: 'captcha.wrong' });
    const reused = await login('fuan', demoPassword, '10.30.0.4', {
      captchaId: image.id,
      captchaAnswer: testCaptchaText,
    });
    expect(reused.status).toBe(400);

    const stale = await captcha();
    t.clock.advance(6 * 60_000);
    const expired = await login('fuan', demoPassword, '10.30.0.4', {
      captchaId: stale.id,
      captchaAnswer: testCaptchaText,
    });
    expect(expired.body.error.message).toBe('图形验证码错误或已过期，请按新图片重新输入');

    const fresh = await captcha();
    const ok = await login('fuan', demoPassword, '10.30.0.4', {
      captchaId: fresh.id,
      captchaAnswer: testCaptchaText.toLowerCase(),
    });
    expect(ok.status).toBe(200);
    // A success clears the account's count: the next login needs no CAPTCHA.
    expect((await login('fuan', demoPassword, '10.30.0.5')).status).toBe(200);

    const reasons = await auditReasons('fuan');
    expect(reasons).toContain('auth.login.refused:captchaRequired');
    expect(reasons.filter((r) => r === 'auth.login.refused:captchaWrong')).toHaveLength(3);
  });
});
