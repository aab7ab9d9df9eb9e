import type { ResumptionOverview, WhitelistList } from '@tuijin/contracts';
import { describe, expect, it } from 'vitest';
import { e2eServer, screenshot, signedInPages } from './browser';

const { baseUrl } = e2eServer();
const signIn = signedInPages(baseUrl);

describe('复工复产 and the whitelist', () => {
  it('the city sees its zones against their dates; 蕉城 accepts a resumption on a phone; the whitelist counts', async () => {
    const city = await signIn('ningde', 'desktop', null);
    await city.goto(`${baseUrl}/resumption`);
    await expect.poll(async () => city.getByTestId('zone-card').count(), { timeout: 15_000 }).toBe(3);
    await city.getByTestId('zone-card').filter({ hasText: '加速推进区' }).getByText('按期完成').waitFor();
    await city.getByTestId('zone-card').filter({ hasText: '重点推进区' }).getByText('未按期完成').waitFor();
    await screenshot(city, 'resumption-zones');

    // The demo leaves one 蕉城 resumption awaiting the inspection group's acceptance.
    const jiaocheng = await signIn('jiaocheng', 'phone', null);
    const season = (await (
      await jiaocheng.request.get(`${baseUrl}/api/resumption`)
    ).json()) as ResumptionOverview;
    const waiting = season.stopped.find((s) => s.status === 'awaitingAcceptance');
    expect(waiting, 'the demo holds a 蕉城 project awaiting acceptance').toBeDefined();
    await jiaocheng.goto(`${baseUrl}/projects/${waiting!.projectId}?tab=stoppages`);
    const tab = jiaocheng.getByTestId('project-stoppages');
    await tab.getByText('待验收').first().waitFor({ timeout: 15_000 });
    await tab.getByRole('button', { name: '登记验收' }).click();
    await tab.getByRole('button', { name: '登记验收' }).click();
    await jiaocheng.getByText('验收合格，已复工').waitFor({ timeout: 15_000 });
    await tab.getByText('已复工').first().waitFor();
    await screenshot(jiaocheng, 'project-stoppages-phone');

    await city.goto(`${baseUrl}/whitelist`);
    const counts = (await (await city.request.get(`${baseUrl}/api/whitelist`)).json()) as WhitelistList;
    expect(counts.counts).toMatchObject({ provincial: 6, city: 5, removed: 1 });
    await city.getByTestId('whitelist-table').getByText('省级').first().waitFor({ timeout: 15_000 });
    await screenshot(city, 'whitelist');
  });
});
