import { readFileSync } from 'node:fs';
import type { LetterSummary, ProjectLetterList, WarningOverview } from '@tuijin/contracts';
import { describe, expect, it } from 'vitest';
import { e2eServer, screenshot, signedInPages } from './browser';

const { baseUrl } = e2eServer();
const signIn = signedInPages(baseUrl);
const demand = '请于回复期限前报送赶超计划，落实专人推进。';

describe('提醒函 on a lagging project', () => {
  it('the city office issues a 提醒函 on a red project and downloads it; 函件台账 counts it; owner1 replies on a phone', async () => {
    const office = await signIn('ningde', 'desktop', null);
    const owner = await signIn('owner1', 'phone', null);
    // A red project of owner1's unit (last month's colours) with no letter yet this year.
    const red = (await (
      await owner.request.get(`${baseUrl}/api/warnings?colour=red&pageSize=100`)
    ).json()) as WarningOverview;
    let projectId: string | undefined;
    for (const row of red.data) {
      const list = (await (
        await office.request.get(`${baseUrl}/api/projects/${row.projectId}/letters`)
      ).json()) as ProjectLetterList;
      if (list.canIssue && list.nextKind === 'reminder') {
        projectId = row.projectId;
        break;
      }
    }
    expect(projectId, 'the demo holds a red project of owner1’s unit without letters').toBeDefined();
    const year = new Date().getFullYear();
    const summaryOf = async () =>
      (await (
        await office.request.get(`${baseUrl}/api/letters/summary?year=${year}`)
      ).json()) as LetterSummary;
    const before = await summaryOf();

    await office.goto(`${baseUrl}/projects/${projectId}?tab=letters`);
    const panel = office.getByTestId('project-letters');
    await panel.getByRole('button', { name: /发函/ }).click();
    await panel.getByLabel('督办事项').fill(demand);
    await panel.getByRole('button', { name: '发函', exact: true }).click();
    await office.getByText(/已发函 提醒〔\d{4}〕\d+号/).waitFor({ timeout: 15_000 });
    const letter = panel.getByTestId('project-letter').filter({ hasText: demand });
    await letter.getByText('红色预警').waitFor();
    await letter.getByText('已签发').waitFor();
    const [download] = await Promise.all([
      office.waitForEvent('download'),
      letter.getByRole('link', { name: /下载 Word/ }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^提醒函-.*\.docx$/);
    expect(
      readFileSync((await download.path())!)
        .subarray(0, 2)
        .toString('latin1'),
    ).toBe('PK');
    await letter.getByRole('button', { name: '登记送达' }).click();
    await letter.getByText('已送达').waitFor();
    await screenshot(office, 'project-letter-issued');

    await office.goto(`${baseUrl}/letters`);
    await expect
      .poll(
        async () =>
          office.getByTestId('letter-count-reminder').locator('.ant-statistic-content-value').textContent(),
        {
          timeout: 15_000,
        },
      )
      .toBe(String(before.byKind.reminder + 1));
    await office.getByTestId('letters-table').getByText('红色预警').first().waitFor();
    await screenshot(office, 'letters-ledger');

    await owner.goto(`${baseUrl}/projects/${projectId}?tab=letters`);
    const theirs = owner.getByTestId('project-letter').filter({ hasText: demand });
    await theirs.getByLabel('回复内容（整改落实情况）').fill('已制定赶超计划，本月底前完成。');
    await theirs.getByRole('button', { name: '提交回复' }).click();
    await theirs.getByText('已回复', { exact: true }).waitFor({ timeout: 15_000 });
    await screenshot(owner, 'project-letter-replied-phone');
    await expect.poll(async () => (await summaryOf()).replied, { timeout: 15_000 }).toBe(before.replied + 1);
  });
});
