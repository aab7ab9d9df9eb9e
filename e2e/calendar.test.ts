import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { e2eServer, freshPagePerTest, loginThroughPage, screenshot } from './browser';

const { baseUrl } = e2eServer();
let page: Page;

freshPagePerTest({ width: 1366, height: 800 }, (fresh) => {
  ({ page } = fresh);
});

/** Picks a year in the year selector as a person would. */
async function selectYear(year: number) {
  await page.getByRole('combobox', { name: '年份' }).click();
  await page.locator(`.ant-select-item-option[title="${year} 年"]`).click();
  await page.getByText(`${year} 年放假与调休安排`).waitFor();
}

/** The list row of one date. */
const rowOf = (date: string) => page.getByRole('row').filter({ hasText: date });

describe('holidays and workdays', () => {
  it('lets the system admin read the official arrangements and enter a missing year', async () => {
    await loginThroughPage(page, baseUrl, 'admin');
    await page.getByRole('menuitem', { name: /节假日设置/ }).click();
    await page.getByText('工作日期限（月报截止、问题办理时限）').waitFor();

    await selectYear(2025);
    // The year's arrangements load after the switch; wait for them before reading the day.
    await page.locator('[data-date="2025-10-01"].is-holiday').waitFor();
    const nationalDay = page.locator('[data-date="2025-10-01"]');
    await expect(nationalDay.getAttribute('class')).resolves.toContain('is-holiday');
    await expect(nationalDay.getAttribute('aria-label')).resolves.toMatch(/放假.*国庆节/);
    await rowOf('2025-10-01').getByText('国庆节', { exact: true }).waitFor();
    await rowOf('2025-10-01').getByText('官方').waitFor();
    const makeUp = page.locator('[data-date="2025-10-11"]');
    await expect(makeUp.getAttribute('class')).resolves.toContain('is-workday');
    await expect(makeUp.textContent()).resolves.toContain('班');
    await rowOf('2025-10-11').getByText('调休上班', { exact: true }).waitFor();

    await selectYear(2031);
    await page
      .getByText(
        '尚未录入 2031 年的节假日安排：跨入该年的工作日期限暂按周末和元旦、劳动节、国庆节推算，标为“暂定”',
      )
      .waitFor();

    await page.locator('[data-date="2031-10-01"]').click();
    const dialog = page.getByRole('dialog');
    await dialog.getByText('设置 2031-10-01').waitFor();
    await dialog.getByText('放假', { exact: true }).click();
    await dialog.getByLabel('名称').fill('国庆节');
    await dialog.getByRole('button', { name: /保\s*存/ }).click();
    await page.getByText('已保存 2031-10-01 的安排').waitFor();
    await rowOf('2031-10-01').getByText('管理员录入').waitFor();
    await rowOf('2031-10-01').getByText('国庆节', { exact: true }).waitFor();
    await expect(page.locator('[data-date="2031-10-01"]').getAttribute('class')).resolves.toContain(
      'is-holiday',
    );
    await screenshot(page, 'calendar');

    await rowOf('2031-10-01').getByRole('button', { name: '恢复官方安排' }).click();
    await page
      .getByRole('tooltip')
      .getByRole('button', { name: /确\s*定/ })
      .click();
    await page.getByText('已恢复 2031-10-01 的官方安排').waitFor();
    await rowOf('2031-10-01').waitFor({ state: 'detached' });
    await expect(page.locator('[data-date="2031-10-01"]').getAttribute('class')).resolves.not.toContain(
      'is-holiday',
    );
  });

  it('shows one month a row on a 375 px phone', async () => {
    await page.setViewportSize({ width: 375, height: 740 });
    await loginThroughPage(page, baseUrl, 'admin');
    await page.getByTestId('jurisdiction').waitFor();
    await page.goto(`${baseUrl}/calendar?year=2025`);
    await page.getByText('2025 年放假与调休安排').waitFor();
    const january = await page.getByTestId('calendar-month-1').boundingBox();
    const february = await page.getByTestId('calendar-month-2').boundingBox();
    expect(february?.y).toBeGreaterThan((january?.y ?? 0) + (january?.height ?? 0));
    expect(january?.width).toBeGreaterThan(250);
    await screenshot(page, 'calendar-phone');
  });

  it('keeps the page out of a county office’s menu', async () => {
    await loginThroughPage(page, baseUrl, 'jiaocheng');
    await page.getByTestId('jurisdiction').waitFor();
    await expect(page.getByRole('menuitem', { name: /行政区划|单位管理/ }).count()).resolves.toBeGreaterThan(
      0,
    );
    await expect(page.getByRole('menuitem', { name: /节假日设置/ }).count()).resolves.toBe(0);
  });
});
