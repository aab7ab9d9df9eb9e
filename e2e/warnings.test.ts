import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { e2eServer, freshPagePerTest, loginThroughPage, screenshot } from './browser';

const { baseUrl } = e2eServer();
let page: Page;
freshPagePerTest({ width: 1366, height: 900 }, (fresh) => {
  page = fresh.page;
});

describe('three-colour warnings', () => {
  it('shows last month’s colours with reasons, and on the project list and project page', async () => {
    await loginThroughPage(page, baseUrl, 'ningde');
    await page.getByRole('menuitem', { name: /红黄绿灯预警/ }).click();
    await page.getByText('本月预警').waitFor();
    const overview = await (await page.request.get(`${baseUrl}/api/warnings?pageSize=1`)).json();
    expect(overview.counts.red + overview.counts.yellow).toBeGreaterThan(0);
    const red = page.getByTestId('warning-count-red');
    await red.getByText(String(overview.counts.red), { exact: true }).waitFor();
    await page.locator('.ant-table-row [data-warning]').first().waitFor();
    await expect(page.locator('.ant-table-row [data-warning="red"]').count()).resolves.toBeGreaterThan(0);
    await screenshot(page, 'warnings-colours');

    const first = overview.data[0];
    await page.goto(`${baseUrl}/projects/${first.projectId}`);
    const card = page.getByTestId('project-warnings');
    await card.getByText('预警历史').waitFor();
    await card.locator(`[data-warning="${first.colour}"]`).first().waitFor();
    await screenshot(page, 'warnings-project');

    await page.goto(`${baseUrl}/projects`);
    await page.locator('.ant-table-row [data-warning]').first().waitFor();
  });

  it('previews exactly the projects a lowered progress threshold turns yellow', async () => {
    page.setDefaultTimeout(40_000);
    await loginThroughPage(page, baseUrl, 'ningde');
    await page.getByRole('menuitem', { name: /红黄绿灯预警/ }).waitFor();
    await page.goto(`${baseUrl}/warnings?tab=rules`);
    await page.getByText(/生效规则/).waitFor();
    await page.getByText(/银川市重点项目红黄绿灯预警（350900 第 1 版）/).waitFor();
    await page.getByRole('button', { name: /新建草稿/ }).click();
    await page.getByText('草稿', { exact: true }).first().waitFor();
    const yellow = page.getByTestId('rule-progress-yellow');
    await yellow.fill('5');
    await page.getByTestId('warning-preview').click();
    const result = page.getByTestId('warning-preview-result');
    await result
      .getByText(/个颜色变化/)
      .waitFor({ timeout: 120_000 })
      .catch(async (error) => {
        await screenshot(page, 'warnings-preview-failed');
        throw error;
      });

    const sets = await (await page.request.get(`${baseUrl}/api/warning-rule-sets?regionCode=350900`)).json();
    const draft = sets.versions.find((v: { status: string }) => v.status === 'draft');
    expect(draft.rules.progress.yellow).toEqual({ value: 5, inclusive: true });
    const preview = await (
      await page.request.get(`${baseUrl}/api/warning-rule-sets/${draft.id}/preview`)
    ).json();
    expect(preview.changes.length).toBeGreaterThan(0);
    // Lowering yellow from 10 to 5 points only turns green projects yellow.
    for (const change of preview.changes) {
      expect(change.before.colour).toBe('green');
      expect(change.after.colour).toBe('yellow');
    }
    await result
      .getByText(new RegExp(`${preview.evaluated} 个项目中 ${preview.changes.length} 个颜色变化`))
      .waitFor();
    const firstName = preview.changes[0].projectName;
    await result.getByText(firstName, { exact: true }).waitFor();
    await screenshot(page, 'warnings-preview');
  }, 240_000);
});
