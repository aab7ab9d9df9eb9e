import { afterAll, describe, expect, it } from 'vitest';
import { totpCodeAt } from '../apps/server/src/modules/auth/totp';
import { e2eServer, loginThroughPage, screenshot, signedInPages } from './browser';

const { baseUrl } = e2eServer();
const signIn = signedInPages(baseUrl);

/**
 * Other files on this server sign the audit admin in with the password alone: the security admin
 * resets the authenticator this file sets up, whatever happened in the test.
 */
afterAll(async () => {
  const security = await signIn('security', 'desktop', null);
  const users = await security.context().request.get(`${baseUrl}/api/users?q=auditor`);
  const auditor = ((await users.json()).data as { id: string; username: string }[]).find(
    (u) => u.username === 'auditor',
  );
  const reset = await security.context().request.post(`${baseUrl}/api/users/${auditor!.id}/two-factor/reset`);
  expect(reset.ok()).toBe(true);
});

describe('two-factor login (动态口令)', () => {
  it('lets the audit admin enrol an authenticator, then sign in with password and code', async () => {
    const page = await signIn('auditor', 'desktop', '/two-factor');
    await page.getByRole('button', { name: '生成二维码' }).click();
    await page.getByRole('img', { name: '动态口令绑定二维码' }).waitFor();
    const secret = ((await page.getByTestId('totp-secret').textContent()) ?? '').match(/[A-Z2-7]{32}/)?.[0];
    expect(secret).toBeTruthy();
    await page.getByLabel('应用当前显示的 6 位动态口令').fill(totpCodeAt(secret!, new Date()));
    await page.getByRole('button', { name: '确认绑定' }).click();
    await page.getByText('请保存恢复码').waitFor();
    expect(await page.locator('.tj-recovery-code').count()).toBe(10);
    await screenshot(page, 'two-factor-recovery-codes');
    await page.getByRole('button', { name: '我已保存，继续' }).click();
    await page.getByText(/已绑定动态口令，剩余恢复码 10 个/).waitFor();

    // Signed out: the password alone now leads to the code step, not into the system.
    await page.context().clearCookies();
    await loginThroughPage(page, baseUrl, 'auditor');
    await page.getByText('第二步：输入动态口令').waitFor();
    expect(page.url()).toContain('/login');
    expect((await page.context().request.get(`${baseUrl}/api/auth/me`)).status()).toBe(401);
    await page.getByLabel('动态口令或恢复码').fill('000000');
    await page.getByRole('button', { name: '验证并登录' }).click();
    await page.getByText('动态口令或恢复码不正确').waitFor();
    // The next step's code: within the accepted drift, and never the step used at enrolment.
    await page.getByLabel('动态口令或恢复码').fill(totpCodeAt(secret!, new Date(Date.now() + 30_000)));
    await page.getByRole('button', { name: '验证并登录' }).click();
    await page.getByText('您好，审计管理员').waitFor();
    expect((await page.context().request.get(`${baseUrl}/api/auth/me`)).status()).toBe(200);
    await screenshot(page, 'two-factor-signed-in');
  });
});
