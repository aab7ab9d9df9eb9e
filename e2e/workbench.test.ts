import type { Workbench } from '@tuijin/contracts';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { e2eServer, screenshot, signedInPages } from './browser';

const { baseUrl } = e2eServer();
const signIn = signedInPages(baseUrl);

/** The workbench the page's session gets from the API (the page shows the same sections). */
const workbenchOf = async (page: Page): Promise<Workbench> =>
  (await page.request.get(`${baseUrl}/api/workbench`)).json();

/** The section cards on the home page, in page order. */
const shownSections = (page: Page) =>
  page
    .locator('[data-testid^="workbench-"].tj-workbench-card')
    .evaluateAll((cards) => cards.map((card) => card.getAttribute('data-testid')!.replace('workbench-', '')));

const menuGroupTitles = (page: Page) => page.locator('.ant-menu-item-group-title').allTextContents();

/** Opens 首页 and waits for its sections; answers the API's workbench. */
async function openHome(page: Page) {
  await page.goto(`${baseUrl}/`);
  await page.getByTestId('workbench-period').waitFor();
  const workbench = await workbenchOf(page);
  await page.locator('.tj-workbench-card').first().waitFor();
  return workbench;
}

describe('首页 is a workbench per role', () => {
  it.each([
    [
      'owner1',
      [
        'reportsToFill',
        'problemsToConfirm',
        'tasksToHandle',
        'findingsToRectify',
        'warnings',
        'notifications',
      ],
    ],
    [
      'jiaocheng',
      [
        'statusBoard',
        'reportsToReview',
        'problemsToHandle',
        'lettersToReply',
        'problemsAwaitingOffice',
        'problemsOverdue',
        'redProjects',
        'notifications',
      ],
    ],
    [
      'zhujian',
      [
        'reportsToReview',
        'problemsToConfirm',
        'problemsToHandle',
        'lettersToReply',
        'tasksToHandle',
        'warnings',
        'notifications',
      ],
    ],
    ['leader1', ['problemsToHandle', 'lettersToReply', 'problemsOnMyProjects', 'warnings', 'notifications']],
    ['admin', ['holidayCalendar', 'lockedUsers', 'notifications']],
    ['auditor', ['auditChain', 'auditEvents', 'notifications']],
  ])('shows %s its sections, each item a link to where it is handled', async (username, sections) => {
    const page = await signIn(username, 'desktop', null);
    const workbench = await openHome(page);
    expect(await shownSections(page)).toEqual(sections);
    expect(workbench.sections.map((s) => s.key)).toEqual(sections);
    const { year, month } = workbench.reportingMonth;
    const period = await page.getByTestId('workbench-period').textContent();
    expect(period).toContain(workbench.today);
    // The reporting month stands beside report sections only (not on an admin's workbench).
    if (['owner1', 'jiaocheng', 'zhujian'].includes(username))
      expect(period).toContain(`${year} 年 ${month} 月`);
    else expect(period).not.toContain('报送月份');
    // The account is one small line, not the page.
    expect(await page.getByTestId('workbench-account').textContent()).toContain('您好');
    for (const section of workbench.sections) {
      const card = page.getByTestId(`workbench-${section.key}`);
      const links = card.getByTestId('workbench-item');
      expect(await links.count()).toBe(section.items.length);
      if (section.items.length === 0) await card.getByTestId('workbench-empty').waitFor();
      for (const [i, item] of section.items.entries())
        expect(await links.nth(i).getAttribute('href')).toBe(item.link);
    }
    await screenshot(page, `workbench-${username}`);
  });

  it('opens the page of an item: the first report owner1 still has to fill', async () => {
    const page = await signIn('owner1', 'desktop', null);
    const workbench = await openHome(page);
    const toFill = workbench.sections.find((s) => s.key === 'reportsToFill')!;
    const first = toFill.items[0] ?? workbench.sections.flatMap((s) => s.items)[0];
    if (!first) throw new Error('owner1 has nothing on the workbench');
    await page.getByTestId('workbench-item').first().click();
    await page.waitForURL((url) => `${url.pathname}${url.search}` === first.link);
  });

  it('groups the menu (项目 / 计划与月报 / 问题 / 分析 / 设置) by what the person may open', async () => {
    const office = await signIn('jiaocheng', 'desktop', null);
    await openHome(office);
    expect(await menuGroupTitles(office)).toEqual(['项目', '计划与月报', '问题', '分析', '设置', '个人']);
    await expect(office.getByRole('menuitem', { name: /审计日志/ }).count()).resolves.toBe(0);
    const auditor = await signIn('auditor', 'desktop', null);
    await openHome(auditor);
    expect(await menuGroupTitles(auditor)).toEqual(['系统与审计', '个人']);
  });

  it('opens every page at its top, also when the last one was scrolled down', async () => {
    const page = await signIn('ningde', 'desktop', `${baseUrl}/projects`);
    await page.locator('.ant-table-row').nth(10).waitFor();
    await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
    await page.waitForFunction(() => window.scrollY > 200);
    await page.getByRole('menuitem', { name: /红黄绿灯预警/ }).click();
    await page.waitForURL(/\/warnings/);
    await page.locator('.ant-table-row').nth(12).waitFor();
    // A long page, so landing at 0 is the navigation's doing, not a short page's.
    expect(
      await page.evaluate(() => document.documentElement.scrollHeight - window.innerHeight),
    ).toBeGreaterThan(300);
    await page.waitForFunction(() => window.scrollY === 0, undefined, { timeout: 10_000 });

    await openHome(page);
    await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
    await page.waitForFunction(() => window.scrollY > 100);
    const last = page.getByTestId('workbench-item').last();
    const href = await last.getAttribute('href');
    await last.click();
    await page.waitForURL((url) => `${url.pathname}${url.search}` === href);
    await page.waitForFunction(() => window.scrollY === 0, undefined, { timeout: 10_000 });
  });

  it('fits a 375-px phone: one column, no sideways scroll, the grouped menu in the drawer', async () => {
    const page = await signIn('owner1', 'phone', null);
    await openHome(page);
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    const widths = await page
      .locator('.tj-workbench-card')
      .evaluateAll((cards) => cards.map((card) => card.getBoundingClientRect().width));
    expect(widths.every((w) => w > 300 && w <= 375)).toBe(true);
    await screenshot(page, 'workbench-owner1-phone');
    await page.getByRole('button', { name: '展开菜单' }).click();
    await page.locator('.ant-drawer .ant-menu-item-group-title').first().waitFor();
    expect(await page.locator('.ant-drawer .ant-menu-item-group-title').allTextContents()).toEqual([
      '项目',
      '计划与月报',
      '问题',
      '分析',
      '设置',
      '个人',
    ]);
  });
});
