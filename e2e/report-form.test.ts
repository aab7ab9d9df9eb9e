import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { e2eServer, screenshotDir, signedInPages } from './browser';

const { baseUrl } = e2eServer();
const signIn = signedInPages(baseUrl);

interface Draft {
  projectId: string;
  year: number;
  month: number;
  completedWanYuan: string;
  version: number;
  window: { opensOn: string; state: string };
}

/** A draft owner1 holds for the current month (the demo leaves one), with its form's window. */
async function findDraft(page: Page): Promise<Draft> {
  const today = new Date(Date.now() + 8 * 3600_000);
  const [year, month] = [today.getUTCFullYear(), today.getUTCMonth() + 1];
  const board = await page.request.get(
    `${baseUrl}/api/monthly-reports/status-board?year=${year}&month=${month}&status=draft&pageSize=200`,
  );
  for (const row of (await board.json()).data as { projectId: string }[]) {
    const form = await (
      await page.request.get(`${baseUrl}/api/projects/${row.projectId}/reports/${year}/${month}/form`)
    ).json();
    if (form.canSubmit && form.report?.abilities.canEdit && form.window)
      return {
        projectId: row.projectId,
        year,
        month,
        completedWanYuan: form.report.completedWanYuan,
        version: form.report.version,
        window: form.window,
      };
  }
  throw new Error('owner1 has no draft for this month in the demo data');
}

const stored = async (page: Page, d: Draft) =>
  (
    await (
      await page.request.get(`${baseUrl}/api/projects/${d.projectId}/reports/${d.year}/${d.month}/form`)
    ).json()
  ).report as { completedWanYuan: string; version: number };

/** The element's box lies within the phone's viewport, above the sticky save/submit bar. */
async function inViewport(page: Page, testId: string) {
  const box = await page.getByTestId(testId).boundingBox();
  const bar = await page.locator('.tj-report-actions').boundingBox();
  const bottom = bar ? bar.y : (page.viewportSize()?.height ?? 0);
  return box !== null && box.y >= 0 && box.y + box.height <= bottom;
}

describe('monthly report form checks on a phone', () => {
  it('catches a negative or missing amount and 已入统 without its amount at the field, scrolled into view, saving nothing', async () => {
    const owner = await signIn('owner1', 'phone', null);
    const d = await findDraft(owner);
    await owner.goto(
      `${baseUrl}/reports/fill?project=${d.projectId}&month=${d.year}-${String(d.month).padStart(2, '0')}`,
    );
    await owner.getByTestId('report-editor').waitFor();

    // A window not open yet: submitting is disabled and the button says when it opens.
    const submit = owner.getByTestId('report-submit');
    if (d.window.state === 'notOpen') {
      const [, m, day] = d.window.opensOn.split('-').map(Number);
      await expect.poll(() => submit.textContent()).toBe(`${m}月${day}日开放报送`);
      expect(await submit.isDisabled()).toBe(true);
      await owner.getByTestId('report-not-open').waitFor();
    } else expect(await submit.isDisabled()).toBe(false);

    // A negative amount: the field says so and is brought into view from the bottom of the page.
    await owner.getByTestId('report-amount').fill('-5');
    await owner.getByTestId('report-save').scrollIntoViewIfNeeded();
    expect(await inViewport(owner, 'report-amount')).toBe(false);
    await owner.getByTestId('report-save').click();
    await owner.getByText('本月完成投资不能为负数').waitFor();
    await expect.poll(() => inViewport(owner, 'report-amount')).toBe(true);
    await owner.screenshot({ path: join(screenshotDir, 'report-form-negative-375-viewport.png') });

    // A missing amount.
    await owner.getByTestId('report-amount').fill('');
    await owner.getByText('请填写本月完成投资（万元），没有完成填 0').waitFor();

    // 已入统 needs its amount.
    await owner.getByTestId('report-amount').fill('12');
    await owner.getByTestId('report-in-statistics').click();
    await owner.getByTestId('report-save').click();
    await owner.getByText('已入统的月报须填写入统金额（万元）').waitFor();

    // Nothing of it reached the stored draft.
    expect(await stored(owner, d)).toMatchObject({
      completedWanYuan: d.completedWanYuan,
      version: d.version,
    });

    // With the amount, the draft saves.
    await owner.getByTestId('report-statistics-amount').fill('12');
    await owner.getByTestId('report-save').click();
    await owner.locator('.ant-message').getByText('草稿已保存').waitFor();
    expect(await stored(owner, d)).toMatchObject({ completedWanYuan: '12', version: d.version + 1 });
  });
});
