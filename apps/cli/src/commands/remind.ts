import { chinaDate } from '@tuijin/domain';
import { notificationText, runReminders } from '@tuijin/server';
import type { Command } from 'commander';
import { CliError } from '../cli-error';
import { withDatabase } from '../open';

/** `tuijin remind [--date YYYY-MM-DD]`: one run of the reminder job, printing what it sent. */
export function registerRemindCommand(program: Command, io: { out: (s: string) => void }) {
  program
    .command('remind')
    .description('运行一次月报提醒：即将截止、逾期（业主）和待审核（审核人），并推送到已启用的通知渠道')
    .option('--date <date>', '按哪一天运行（YYYY-MM-DD，默认今天）')
    .action(async (options: { date?: string }) => {
      const today = options.date ?? chinaDate(new Date());
      const parsed = new Date(`${today}T00:00:00Z`);
      if (
        !/^\d{4}-\d{2}-\d{2}$/.test(today) ||
        Number.isNaN(parsed.getTime()) ||
        parsed.toISOString().slice(0, 10) !== today
      )
        throw new CliError(`参数 --date 无效：${today}（应为 YYYY-MM-DD）`, 2);
      await withDatabase(async (handle) => {
        const outcome = await runReminders({ db: handle.db, clock: { now: () => new Date() } }, today);
        for (const sent of outcome.created) {
          const { title, text } = notificationText(sent.kind, sent.params);
          io.out(`${sent.username}\t${title}\t${text}\n`);
        }
        const d = outcome.deliveries;
        io.out(
          `${today}：新增 ${outcome.created.length} 条通知（截止前 ${outcome.dueSoonDays} 天提醒）；渠道投递成功 ${d.sent}，失败 ${d.failed}，待重试 ${d.retrying}\n`,
        );
      });
    });
}
