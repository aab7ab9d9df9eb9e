import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { e2eServer, freshPagePerTest, loginThroughPage, screenshot } from './browser';

const { baseUrl } = e2eServer();
let page: Page;

freshPagePerTest({ width: 1366, height: 800 }, (fresh) => {
  ({ page } = fresh);
});

describe('web shell', () => {
  it('sends a visitor without a session to the login page', async () => {
    await page.goto(baseUrl);
    await page.waitForURL(/\/login/);
    await page.getByLabel('用户名').waitFor({ state: 'visible' });
    expect(await page.getByLabel('密码').isVisible()).toBe(true);
  });

  it('logs jiaocheng in and shows the shell in Chinese with the county as jurisdiction', async () => {
    await loginThroughPage(page, baseUrl, 'jiaocheng');
    const jurisdiction = page.getByTestId('jurisdiction');
    await jurisdiction.waitFor();
    expect(await jurisdiction.textContent()).toContain('蕉城区');
    await page.getByText('您好，陈思远').waitFor();
    await expect(page.getByRole('menuitem', { name: /单位管理/ }).count()).resolves.toBeGreaterThan(0);
    // A county office holds no audit or user-management rights: those entries are not in its menu.
    await expect(page.getByRole('menuitem', { name: /审计日志/ }).count()).resolves.toBe(0);
    await expect(page.getByRole('menuitem', { name: /安全策略/ }).count()).resolves.toBe(0);
    await screenshot(page, 'shell-jiaocheng');
  });

  it('shows the server’s message for a wrong password', async () => {
    await loginThroughPage(page, baseUrl, 'jiaocheng', 'Wrong#Password1');
    await page.getByText('用户名或密码错误').first().waitFor();
    expect(page.url()).toContain('/login');
  });

  it('asks for the image CAPTCHA after repeated failures and says when it is wrong', async () => {
    // Two failures elsewhere, the third on this page: the account now needs the CAPTCHA.
    for (let i = 0; i < 2; i++)
      await page.request.post(`${baseUrl}/api/auth/login`, {
        data: { username: 'e2e-captcha', password: 'Wrong#Password1' },
      });
    await loginThroughPage(page, baseUrl, 'e2e-captcha', 'Wrong#Password1');
    const image = page.getByAltText('图形验证码图片');
    await image.waitFor();
    expect(await image.getAttribute('src')).toMatch(/^data:image\/svg\+xml;base64,/);
    await page.waitForTimeout(1_100); // the progressive delay after the third failure
    await page.getByLabel('图形验证码').fill('ZZZZ');
    await page.getByRole('button', { name: /登\s*录/ }).click();
    await page.getByText('图形验证码错误或已过期，请按新图片重新输入').waitFor();
    await screenshot(page, 'login-captcha');
  });

  it('lets the audit admin read the audit log with the login events', async () => {
    await loginThroughPage(page, baseUrl, 'auditor');
    await page.getByRole('menuitem', { name: /审计日志/ }).click();
    await page.getByText('登录失败').first().waitFor();
    await screenshot(page, 'audit-log');
  });
});
