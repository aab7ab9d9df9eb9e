import type { JobsOverview } from '@tuijin/contracts';
import { describe, expect, it } from 'vitest';
import { e2eServer, screenshot, signedInPages } from './browser';

const { baseUrl } = e2eServer();
const signIn = signedInPages(baseUrl);

describe('后台任务 (background jobs) in the browser', () => {
  it('shows the system admin every job, the delivery runs the demo queued, and no one else the page', async () => {
    const admin = await signIn('admin');
    await admin.getByRole('menuitem', { name: /后台任务/ }).click();
    await admin.getByRole('heading', { name: '后台任务' }).or(admin.getByText('后台任务').first()).waitFor();
    for (const name of [
      '红黄绿灯预警计算',
      '问题提级',
      '督办函件暂定回复期限重算',
      '报送提醒',
      '容缺材料承诺期限提醒',
      '前期手续超时默认告知',
      '交办事项期限提醒',
      '应急健康监测过期记录清除',
      '逾期督查问题转为问题',
      '一日一通报',
      '审计日志检查点与保留期清除',
      '通知渠道投递',
    ])
      await admin.getByText(name, { exact: true }).first().waitFor();
    // The browser tests' server runs no scheduled jobs (interval 0): they say so.
    expect(await admin.getByText('定时已关闭').count()).toBe(11);
    // The demo's notifications queued their delivery; the worker's first pass (30 s after start) ran it.
    await expect
      .poll(
        async () => {
          const response = await admin.request.get(`${baseUrl}/api/jobs`);
          const overview = (await response.json()) as JobsOverview;
          return overview.runs.some((run) => run.job === 'deliverNotifications' && run.state === 'done');
        },
        { timeout: 45_000, interval: 1_000 },
      )
      .toBe(true);
    await admin.reload();
    await admin.getByRole('cell', { name: '已完成' }).first().waitFor();
    await screenshot(admin, 'jobs');

    const office = await signIn('jiaocheng');
    // The menu has rendered (its first group) before its items are counted.
    await office.getByRole('menuitem', { name: /首页/ }).waitFor();
    expect(await office.getByRole('menuitem', { name: /后台任务/ }).count()).toBe(0);
    expect((await office.request.get(`${baseUrl}/api/jobs`)).status()).toBe(403);
  });
});
