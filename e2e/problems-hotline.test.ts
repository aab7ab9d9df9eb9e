import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { e2eServer, screenshot, signedInPages } from './browser';

const { baseUrl } = e2eServer();
const signIn = signedInPages(baseUrl);

async function pick(page: Page, testId: string, title: string, search?: string) {
  await page.getByTestId(testId).click();
  if (search) await page.keyboard.type(search);
  await page.locator(`.ant-select-dropdown:visible .ant-select-item-option[title="${title}"]`).click();
}

/** The error shown under a form field, by the field's test id. */
const fieldError = (page: Page, testId: string) =>
  page
    .locator('.ant-form-item')
    .filter({ has: page.getByTestId(testId) })
    .locator('.ant-form-item-explain-error');

describe('热线受理 checks the call before anything is saved', () => {
  it('refuses a malformed phone and a too-short description at the fields, then records the call', async () => {
    const office = await signIn('jiaocheng', 'desktop', null);
    const projects = await (
      await office.request.get(`${baseUrl}/api/projects?pageSize=1&region=350902`)
    ).json();
    const project = projects.data[0] as { id: string; name: string; code: string | null };
    const before = (
      await (await office.request.get(`${baseUrl}/api/problems?projectId=${project.id}&pageSize=1`)).json()
    ).page.total as number;

    await office.goto(`${baseUrl}/problems/hotline`);
    await office.getByTestId('hotline-caller').fill('李先生');
    await office.getByTestId('hotline-phone').fill('1380000');
    const title = project.code ? `${project.name}（${project.code}）` : project.name;
    await pick(office, 'raise-project', title, project.name.slice(0, 6));
    await pick(office, 'raise-category', '用工');
    await office.getByTestId('raise-description').fill('缺人');
    await office.getByTestId('hotline-submit').click();

    await expect
      .poll(() => fieldError(office, 'hotline-phone').textContent())
      .toContain('电话号码格式不正确');
    await expect
      .poll(() => fieldError(office, 'raise-description').textContent())
      .toContain('问题描述至少 5 个字');
    await screenshot(office, 'problem-hotline-validation');
    const after = (
      await (await office.request.get(`${baseUrl}/api/problems?projectId=${project.id}&pageSize=1`)).json()
    ).page.total as number;
    expect(after).toBe(before);

    await office.getByTestId('hotline-phone').fill('0593-2863456-801');
    await office.getByTestId('raise-description').fill('工地缺少钢筋工约 30 人');
    await office.getByTestId('hotline-submit').click();
    const reference = office.getByTestId('hotline-reference');
    await reference.waitFor();
    expect(await reference.textContent()).toMatch(/^WT-350902-\d{4}-\d{6}$/);
  });

  it('the server refuses a bad phone number too, naming the field', async () => {
    const office = await signIn('jiaocheng', 'desktop', null);
    const projects = await (
      await office.request.get(`${baseUrl}/api/projects?pageSize=1&region=350902`)
    ).json();
    const refused = await office.request.post(`${baseUrl}/api/problems`, {
      data: {
        projectId: projects.data[0].id,
        category: '用工',
        description: '工地缺少钢筋工约 30 人',
        channel: 'hotline',
        callerName: '李先生',
        callerPhone: '12345',
      },
    });
    expect(refused.status()).toBe(400);
    expect((await refused.json()).error.details[0].path).toBe('callerPhone');
  });

  it('交办 offers the departments and offices of the jurisdiction, never an owner company', async () => {
    const office = await signIn('jiaocheng', 'desktop', null);
    const projects = await (
      await office.request.get(`${baseUrl}/api/projects?pageSize=1&region=350902`)
    ).json();
    const raised = await office.request.post(`${baseUrl}/api/problems`, {
      data: {
        projectId: projects.data[0].id,
        category: '用工',
        description: '工地缺少钢筋工约 30 人',
        channel: 'meeting',
      },
    });
    expect(raised.ok()).toBe(true);
    const problem = (await raised.json()) as { id: string };
    await office.goto(`${baseUrl}/problems/${problem.id}`);
    await office.getByTestId('action-route').click();
    await office.getByTestId('route-handler').click();
    const options = office.locator('.ant-select-dropdown:visible .ant-select-item-option');
    await options.first().waitFor();
    const titles = await options.evaluateAll((nodes) => nodes.map((n) => n.getAttribute('title')));
    expect(titles).toEqual(expect.arrayContaining(['宁德市住房和城乡建设局', '宁德市交通运输局']));
    expect(titles).not.toContain('宁德市蕉城区城市建设投资开发有限公司');
    expect(titles).not.toContain('宁德时代新能源科技股份有限公司');
    await screenshot(office, 'problem-route-handlers');
    await office
      .locator('.ant-select-dropdown:visible .ant-select-item-option[title="宁德市交通运输局"]')
      .click();
    await office.getByRole('dialog').getByTestId('move-ok').click();
    await expect
      .poll(() => office.getByTestId('problem-handler').textContent(), { timeout: 15_000 })
      .toBe('宁德市交通运输局');
  });
});
