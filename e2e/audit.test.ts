import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { e2eServer, hoverUntil, screenshot, signedInPages } from './browser';

const { baseUrl } = e2eServer();
const signIn = signedInPages(baseUrl);
const uuid = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/;

const rows = (page: Page) => page.locator('.ant-table-tbody tr.ant-table-row');
const column = (page: Page, testId: string) => page.locator(`.ant-table-tbody [data-testid="${testId}"]`);

/** Picks an option of a filter select by its visible label, then runs the search. */
async function choose(page: Page, testId: string, label: string) {
  await page.getByTestId(testId).click();
  await page
    .locator('.ant-select-dropdown:visible .ant-select-item-option')
    .filter({ hasText: label })
    .first()
    .click();
}

describe('audit log', () => {
  it('reads as an auditor expects: Chinese actions, named records, newest first, working filters', async () => {
    // A refused sign-in for the result filter.
    const stranger = await signIn('auditor', 'desktop', null);
    await stranger.request.post(`${baseUrl}/api/auth/login`, {
      data: { username: 'owner1', password: 'not-the-password' },
      headers: { origin: baseUrl },
    });
    const page = await signIn('auditor', 'desktop', `${baseUrl}/audit`);
    await rows(page).first().waitFor();

    // Actions by name, never a dotted code; records by name, never a bare UUID.
    const actions = await column(page, 'audit-action').allTextContents();
    expect(actions.length).toBeGreaterThan(0);
    for (const action of actions) expect(action).not.toMatch(/^[a-zA-Z]+(\.[a-zA-Z]+)+$/);
    for (const entity of await column(page, 'audit-entity').allTextContents())
      expect(entity).not.toMatch(uuid);
    await hoverUntil(
      column(page, 'audit-action').first(),
      page.locator('.ant-tooltip').filter({ hasText: '动作代码：' }).first(),
    );
    await screenshot(page, 'audit-log-auditor');

    // Newest first: the times in the table never go up.
    const times = (
      await page.locator('.ant-table-tbody tr.ant-table-row td:nth-child(2)').allTextContents()
    ).filter((text) => /^\d{4}-/.test(text));
    expect(times).toEqual([...times].sort().reverse());

    // Result: 失败 shows only refused attempts, the failed sign-in among them.
    await choose(page, 'audit-filter-result', '失败');
    await page.getByRole('button', { name: /查\s*询/ }).click();
    await expect
      .poll(async () => new Set(await column(page, 'audit-result').allTextContents()))
      .toEqual(new Set(['失败']));
    await expect.poll(() => column(page, 'audit-action').allTextContents()).toContain('登录失败');
    await page.getByRole('button', { name: /重\s*置/ }).click();

    // Action by its Chinese name.
    await choose(page, 'audit-filter-action', '登录成功');
    await page.getByRole('button', { name: /查\s*询/ }).click();
    await expect
      .poll(async () => new Set(await column(page, 'audit-action').allTextContents()))
      .toEqual(new Set(['登录成功']));
    await page.getByRole('button', { name: /重\s*置/ }).click();

    // Person by name.
    await page.getByTestId('audit-filter-actor').fill('审计管理员');
    await page.getByRole('button', { name: /查\s*询/ }).click();
    await expect
      .poll(async () =>
        (await page.locator('.ant-table-tbody tr.ant-table-row td:nth-child(3)').allTextContents()).every(
          (text) => text.includes('auditor'),
        ),
      )
      .toBe(true);
  });
});
