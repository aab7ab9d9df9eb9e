import type { ProjectListItem, ProjectWorkforce, WorkforceOverview } from '@tuijin/contracts';
import { composeIdNumber } from '@tuijin/domain';
import { describe, expect, it } from 'vitest';
import { e2eServer, screenshot, signedInPages } from './browser';

const { baseUrl } = e2eServer();
const signIn = signedInPages(baseUrl);

describe('实名制用工 on a phone under a health watch', () => {
  it('jiaocheng switches the watch on; owner1 registers a worker on a 375-px phone and records a check in one tap', async () => {
    // 蕉城's office switches the emergency health watch on (默认：省外来返人员观察 14 天).
    const office = await signIn('jiaocheng', 'desktop', '/workforce');
    await office.getByTestId('workforce-figures').waitFor({ timeout: 45_000 });
    await office.getByTestId('watch-on').click();
    await office.getByTestId('watch-save').click();
    await office.getByTestId('health-watch').getByText('开启中').waitFor({ timeout: 30_000 });
    await screenshot(office, 'workforce-page-desktop');
    const overview = (await (
      await office.request.get(`${baseUrl}/api/workforce/overview`)
    ).json()) as WorkforceOverview;
    expect(overview.watch?.name).toBe('新冠疫情防控');

    // owner1's project with a roster.
    const owner = await signIn('owner1', 'phone', null);
    const mine = (await (await owner.request.get(`${baseUrl}/api/projects?pageSize=100`)).json()) as {
      data: ProjectListItem[];
    };
    let projectId = '';
    for (const project of mine.data) {
      const roster = (await (
        await owner.request.get(`${baseUrl}/api/projects/${project.id}/workforce`)
      ).json()) as ProjectWorkforce;
      if (roster.contractors.length > 0 && roster.workers.length > 0) {
        projectId = project.id;
        expect(roster.seesIdNumbers).toBe(true);
        break;
      }
    }
    expect(projectId, 'owner1 has a project with a roster').not.toBe('');
    await owner.goto(`${baseUrl}/projects/${projectId}?tab=workforce`);
    const tab = owner.getByTestId('project-workforce');
    await tab
      .getByTestId('workforce-watch')
      .getByText(/健康监测开启中/)
      .waitFor({ timeout: 45_000 });

    const idNumber = composeIdNumber('511381', '19870704', Math.floor(Math.random() * 900) + 50);
    await tab.getByTestId('worker-add').click();
    const drawer = owner.getByTestId('worker-drawer');
    await drawer.getByLabel('姓名').waitFor();
    const box = await owner.locator('.ant-drawer-content-wrapper').boundingBox();
    expect(box?.width).toBe(375);
    await drawer.getByLabel('姓名').fill('手机登记工人');
    await drawer.getByLabel('身份证号码').fill(idNumber);
    await drawer.getByLabel('工种').fill('钢筋工');
    await drawer.getByLabel('班组').fill('手机班');
    await drawer.getByLabel('来源省份').click();
    await drawer.getByLabel('来源省份').fill('四川');
    await owner.locator('.ant-select-dropdown:visible .ant-select-item-option[title="四川省"]').click();
    await screenshot(owner, 'worker-drawer-phone');
    await owner.getByTestId('worker-save').click();
    await drawer.waitFor({ state: 'hidden', timeout: 15_000 });

    const card = tab.getByTestId('worker-card').filter({ hasText: '手机登记工人' });
    await card.waitFor({ timeout: 30_000 });
    // The owner unit keeps the roster: it sees the whole number; arrived today from 四川: observed.
    await card.getByText(idNumber, { exact: false }).waitFor();
    await card.getByText('观察中').waitFor();
    await card.getByTestId('health-quick').click();
    await card.getByText('今日已登记 36.5℃').waitFor({ timeout: 30_000 });
    expect(await owner.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    await screenshot(owner, 'workforce-tab-phone');

    // The office sees the new worker masked.
    const roster = (await (
      await office.request.get(`${baseUrl}/api/projects/${projectId}/workforce`)
    ).json()) as ProjectWorkforce;
    const added = roster.workers.find((w) => w.name === '手机登记工人');
    expect(added?.idNumber).toBe(`511***********${idNumber.slice(-4)}`);
    expect(added?.health?.latestCheck?.temperature).toBe('36.5');
  }, 180_000);

  it('shows /workforce to the city office on a 375-px phone without sideways scrolling, numbers masked', async () => {
    const city = await signIn('ningde', 'phone', '/workforce');
    await city.getByTestId('workforce-figures').waitFor({ timeout: 45_000 });
    await city.getByPlaceholder(/完整身份证号码/).fill('钢筋');
    await city.getByPlaceholder(/完整身份证号码/).press('Enter');
    await city
      .getByText(/\*{11}/)
      .first()
      .waitFor({ timeout: 30_000 });
    expect(await city.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    await screenshot(city, 'workforce-page-phone');
  }, 120_000);
});
