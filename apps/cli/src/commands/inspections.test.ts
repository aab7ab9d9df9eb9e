import { describe, expect, it } from 'vitest';
import { demoDataDir, runCli } from '../cli-test-kit';

demoDataDir('tuijin-cli-inspections');

describe('tuijin inspections raise-overdue', () => {
  it('raises the demo findings past their deadline once, and nothing on a second run', async () => {
    const first = await runCli('inspections', 'raise-overdue', '--at', '2027-06-01T09:00:00+08:00');
    expect(first.err).toBe('');
    expect(first.code).toBe(0);
    const count = Number(/转为问题 (\d+) 项/.exec(first.out)?.[1]);
    expect(count).toBeGreaterThan(0);
    expect(first.out).toMatch(/WT-35\d{4}-2027-\d{6}/);
    const second = await runCli('inspections', 'raise-overdue', '--at', '2027-06-01T09:00:00+08:00');
    expect(second.out).toContain('逾期督查问题转为问题 0 项');
  });

  it('refuses a time that is not ISO 8601', async () => {
    const bad = await runCli('inspections', 'raise-overdue', '--at', 'tomorrow');
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('参数 --at 无效');
  });
});
