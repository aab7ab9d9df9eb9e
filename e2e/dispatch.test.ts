import type { Meeting } from '@tuijin/contracts';
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { e2eServer, screenshot, signedInPages } from './browser';

const { baseUrl } = e2eServer();
const signIn = signedInPages(baseUrl);

const addedItem = '协调城南片区施工用水接入';
const taskTitle = '完成城南片区施工用水接入申请';

/** Waits for the notices to fade and shoots the page from its top (the header is sticky). */
async function settledShot(page: Page, name: string) {
  await expect.poll(() => page.locator('.ant-message-notice').count()).toBe(0);
  await page.evaluate(() => window.scrollTo(0, 0));
  await screenshot(page, name);
}

/** The agenda item whose text has `text`. */
const agendaItem = (page: Page, text: string): Locator =>
  page.getByTestId('agenda-item').filter({ hasText: text });

describe('调度: a meeting’s agenda, its decisions and the task on a phone', () => {
  it('lets the county office drop and add items, hold the meeting, write minutes and assign a task', async () => {
    const office = await signIn('jiaocheng', 'desktop', '/meetings');
    const list = (await (await office.request.get(`${baseUrl}/api/meetings`)).json()) as { data: Meeting[] };
    const planned = list.data.find((m) => m.status === 'planned');
    if (!planned) throw new Error('the demo has no planned 蕉城 meeting');
    await office.getByTestId('meeting-link').filter({ hasText: planned.title }).first().waitFor();
    await office.goto(`${baseUrl}/meetings/${planned.id}`);
    await office.getByTestId('meeting-title').waitFor();
    await office.getByTestId('agenda-item').first().waitFor();
    await office.getByTestId('meeting-status').getByText('待召开').waitFor();

    // 移出 the first item: it moves to the dropped list, from where it could be restored.
    const first = office.getByTestId('agenda-item').first();
    const firstKey = await first.getAttribute('data-key');
    await first.getByTestId('agenda-drop').click();
    await expect
      .poll(() => office.locator(`[data-testid="agenda-item"][data-key="${firstKey}"]`).count())
      .toBe(0);
    await office.getByTestId('agenda-dropped-item').first().waitFor();

    await office.getByTestId('agenda-add').click();
    await office.getByTestId('agenda-add-title').fill(addedItem);
    await office.getByTestId('agenda-add-ok').click();
    await agendaItem(office, addedItem).waitFor();
    await agendaItem(office, addedItem).getByTestId('agenda-up').click();
    await expect.poll(() => office.getByRole('dialog').count()).toBe(0);
    await settledShot(office, 'meeting-agenda');

    await office.getByTestId('meeting-hold').click();
    await office.getByTestId('meeting-hold-ok').click();
    await office.getByTestId('meeting-status').getByText('已召开').waitFor();
    const item = agendaItem(office, addedItem);
    await item.getByTestId('minutes-edit').click();
    await item.getByTestId('minutes-input').fill('城投公司 3 个工作日内向水务公司提交接入申请。');
    await item.getByTestId('minutes-save').click();
    await item.getByTestId('minutes-text').getByText('3 个工作日内').waitFor();

    await item.getByTestId('agenda-decide').click();
    const dialog = office.getByRole('dialog');
    await dialog.getByTestId('decide-title').fill(taskTitle);
    await dialog.getByTestId('decide-organisation').click();
    await office.keyboard.type('城市建设投资');
    await office
      .locator(
        '.ant-select-dropdown:visible .ant-select-item-option[title="宁德市蕉城区城市建设投资开发有限公司"]',
      )
      .click();
    await dialog.getByTestId('decide-person').fill('黄建华');
    await dialog.getByTestId('decide-days').fill('3');
    await dialog
      .getByTestId('decide-due')
      .getByText(/办结期限：\d{4}-\d{2}-\d{2}/)
      .waitFor();
    await dialog.getByTestId('decide-ok').click();
    const tasks = office.getByTestId('meeting-tasks');
    await tasks.getByText(taskTitle).waitFor();
    await item.getByText('本议题交办 1 项').waitFor();
    await expect.poll(() => office.getByRole('dialog').count()).toBe(0);
    await settledShot(office, 'meeting-decisions');
  });

  it('lets owner1 report the task done on a 375-px phone, as cards', async () => {
    const owner = await signIn('owner1', 'phone', '/tasks');
    const card = owner.getByTestId('task-card').filter({ hasText: taskTitle });
    await card.waitFor();
    expect(await owner.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    // The demo's overdue task is listed first (earliest due), in red with its days.
    await owner.getByTestId('task-card').first().getByTestId('task-overdue').waitFor();
    await card.getByTestId('task-open').click();
    const drawer = owner.getByTestId('task-drawer');
    await drawer.getByTestId('task-action-reportDone').click();
    const dialog = owner.getByRole('dialog').filter({ has: owner.getByTestId('task-move-note') });
    await dialog.getByTestId('task-move-ok').click();
    await dialog.getByText('请填写办理情况').waitFor();
    await dialog.getByTestId('task-move-note').fill('已向水务公司提交施工用水接入申请。');
    await dialog.getByTestId('task-move-ok').click();
    await drawer.getByTestId('task-status').getByText('已报办结').waitFor();
    await drawer.getByTestId('task-events').getByText('报办结').waitFor();
    await owner.keyboard.press('Escape');
    await card.getByTestId('task-status').getByText('已报办结').waitFor();
    await settledShot(owner, 'tasks-phone');
  });
});
