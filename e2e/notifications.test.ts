import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { and, eq, ne } from 'drizzle-orm';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type App, buildApp } from '../apps/server/src/app';
import type { DatabaseHandle } from '../apps/server/src/db/database';
import { openDatabase } from '../apps/server/src/db/open-database';
import { annualPlans, organisations, projects } from '../apps/server/src/db/schema';
import { loadDemo } from '../apps/server/src/demo/load-demo';
import { startFromNoPlansOrReports } from '../apps/server/src/modules/notifications/reminder-data.fixture';
import { runReminders } from '../apps/server/src/modules/notifications/run-reminders';
import { defaultWebDist } from '../apps/server/src/server';
import { inChina, launchChromium, loginThroughPage, screenshot } from './browser';

/**
 * Its own server in this process, over the demo's people and projects only, in which owner1's unit has a 2026 plan
 * and nothing reported, and the reminder job has run for 23 March 2026 (report for February late,
 * March due on the 25th).
 */
let database: DatabaseHandle;
let app: App;
let baseUrl: string;
let browser: Browser;
let page: Page;
let projectName: string;

beforeAll(async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'tuijin-e2e-notify-'));
  database = await openDatabase({ dataDir });
  await database.migrate();
  const auditKey = Buffer.alloc(32, 3);
  await loadDemo({ db: database.db, auditKey }, { base: true });
  await startFromNoPlansOrReports(database.db);
  const [unit] = await database.db
    .select()
    .from(organisations)
    .where(eq(organisations.name, '宁德市蕉城区城市建设投资开发有限公司'));
  const [project] = await database.db
    .select()
    .from(projects)
    .where(and(eq(projects.ownerOrganisationId, unit!.id), ne(projects.stage, 'dropped')))
    .limit(1);
  projectName = project!.name;
  await database.db
    .insert(annualPlans)
    .values({ projectId: project!.id, year: 2026, plannedInvestmentWanYuan: '500' });
  await runReminders({ db: database.db, clock: { now: () => new Date() } }, '2026-03-23', { deliver: false });

  app = await buildApp({ database, auditKey, webDist: defaultWebDist, filesDir: join(dataDir, 'files') });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  baseUrl = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  browser = await launchChromium();
  const context = await browser.newContext({
    ...inChina,
    viewport: { width: 1366, height: 800 },
  });
  page = await context.newPage();
});
afterAll(async () => {
  await browser?.close();
  await app?.close();
  await database?.close();
});

describe('notification bell', () => {
  it('shows owner1 the reminders with the unread count, opens one and marks all read', async () => {
    await loginThroughPage(page, baseUrl, 'owner1');
    const bell = page.getByTestId('notification-bell');
    await expect.poll(() => bell.getAttribute('aria-label'), { timeout: 15_000 }).toBe('通知（2 条未读）');
    await bell.click();
    const list = page.getByTestId('notification-list');
    await list.getByText('月报已逾期').waitFor();
    await list
      .getByText(`项目「${projectName}」2026年2月月报已过截止日 2026-02-25，尚未报送，请尽快补报`)
      .waitFor();
    await list
      .getByText(`项目「${projectName}」2026年3月月报将于 2026-03-25 截止（还有 2 天），请及时填报`)
      .waitFor();
    await screenshot(page, 'notifications-bell');

    await list.getByText('月报即将截止').click();
    await page.waitForURL(/\/projects\/[0-9a-f-]{36}$/);
    await page.getByText(projectName).first().waitFor();
    await page.waitForFunction(
      () =>
        document.querySelector('[data-testid="notification-bell"]')?.getAttribute('aria-label') ===
        '通知（1 条未读）',
    );

    // The list closed when the item was opened; open it again only once it is gone, and wait for the
    // server to have marked everything read before looking at the bell.
    await list.waitFor({ state: 'hidden' });
    await bell.click();
    await list.waitFor();
    const markedAll = page.waitForResponse(
      (response) => response.url().endsWith('/api/notifications/read-all') && response.ok(),
    );
    await list.getByRole('button', { name: '全部标为已读' }).click();
    await markedAll;
    await page.waitForFunction(
      () =>
        document.querySelector('[data-testid="notification-bell"]')?.getAttribute('aria-label') === '通知',
    );
  });

  it('lets the system admin add a channel on the 通知渠道 page; the secret is not shown again', async () => {
    await page.context().clearCookies();
    await loginThroughPage(page, baseUrl, 'admin');
    await page.getByRole('menuitem', { name: /通知渠道/ }).click();
    await page.getByText('尚未配置通知渠道，通知只在站内显示').waitFor();
    await page.getByRole('button', { name: /新增渠道/ }).click();
    const drawer = page.locator('.ant-drawer');
    await drawer.getByLabel('名称').fill('重点办钉钉群');
    await drawer.getByLabel('Webhook 地址').fill('http://127.0.0.1:9/robot/send?access_token=demo');
    await drawer.getByLabel('密钥 / 令牌').fill('SEC-e2e-secret');
    await drawer.getByRole('button', { name: /保\s*存/ }).click();
    await page.getByText('已保存渠道“重点办钉钉群”').waitFor();
    const row = page.getByRole('row').filter({ hasText: '重点办钉钉群' });
    await row.getByText('已设置').waitFor();
    await row.getByText('启用').waitFor();
    await expect(page.content()).resolves.not.toContain('SEC-e2e-secret');
    await screenshot(page, 'notification-channels');

    await row.getByRole('button', { name: '测试发送' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('button', { name: /发\s*送/ }).click();
    await dialog.getByText(/发送失败：网络错误/).waitFor();
    await dialog.getByRole('button', { name: /取\s*消/ }).click();

    await row.getByRole('button', { name: '停用' }).click();
    await page.getByText('已停用渠道“重点办钉钉群”').waitFor();
    await row.getByText('已停用').waitFor();
  });
});
