import { describe, expect, it } from 'vitest';
import { demoDataDir, runCli } from '../cli-test-kit';

demoDataDir('tuijin-cli-approvals');

const daysBefore = (days: number) => new Date(Date.now() - days * 86_400_000).toISOString().slice(0, 10);

describe('tuijin approvals stats', () => {
  it('reads Luohe’s 66 → 38 working days off the demo’s item dates, the last year against the one before', async () => {
    const run = await runCli(
      'approvals',
      'stats',
      '--from',
      daysBefore(364),
      '--to',
      daysBefore(0),
      '--compare-from',
      daysBefore(729),
      '--compare-to',
      daysBefore(365),
    );
    expect(run.err).toBe('');
    expect(run.code).toBe(0);
    expect(run.out).toMatch(/^统计期 \d{4}-\d{2}-\d{2} 至 \d{4}-\d{2}-\d{2}\n/);
    expect(run.out).toMatch(/全流程（首个受理 → 施工许可）：\d+ 个项目，平均 38 个工作日/);
    expect(run.out).toContain('全流程平均用时：对比期 66 个工作日 → 统计期 38 个工作日（缩短 28 个工作日）');
    expect(run.out).toMatch(/\n {2}施工许可\t\d+\t3\t3\t/);
  }, 120_000);

  it('refuses a date that is not one, and half a comparison, with exit code 2 naming the option', async () => {
    const bad = await runCli('approvals', 'stats', '--from', '2026-13-01', '--to', '2026-12-31');
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('参数 --from 无效');
    const half = await runCli(
      'approvals',
      'stats',
      '--from',
      '2026-01-01',
      '--to',
      '2026-12-31',
      '--compare-from',
      '2025-01-01',
    );
    expect(half.code).toBe(2);
    expect(half.err).toContain('参数 --compare-to 无效：对比期的起止日期应同时填写');
  });
});
