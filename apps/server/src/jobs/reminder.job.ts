import { chinaDate, monthKey } from '@tuijin/domain';
import type { Clock } from '../context';
import type { Database } from '../db/database';
import { loadHolidayCalendar } from '../modules/calendar';
import { runReminders } from '../modules/notifications';
import { recomputeProvisionalReplyDates } from '../modules/problem-letters';
import { runEscalations } from '../modules/problems';
import { defaultWarningMonth, recomputeWarnings } from '../modules/warnings';

/**
 * Runs the reminder job in the server process: once shortly after start, then every `intervalMs`.
 * With the audit key it first runs the problem escalation job (`runEscalations`), so the notices
 * it adds go out through the channels in the same tick; and once a month (the first tick of each
 * month, and the first after start) it computes last month's three-colour warnings
 * (`recomputeWarnings`, idempotent per rule version, project and month). Runs never overlap; a failed run is
 * logged and the next one tries again. Answers a stop function.
 */
export function startReminderJob(options: {
  db: Database;
  clock: Clock;
  /** Key of the audit chain; the escalation job records its moves, so it runs only with one. */
  auditKey?: Buffer;
  intervalMs: number;
  log: (message: string, error?: unknown) => void;
  firstRunDelayMs?: number;
}): () => void {
  let running = false;
  let warnedMonth: string | null = null;
  const tick = async () => {
    if (running) return;
    running = true;
    const month = defaultWarningMonth(options.clock.now());
    if (options.auditKey && monthKey(month) !== warnedMonth) {
      try {
        const outcome = await recomputeWarnings(
          { db: options.db, clock: options.clock, auditKey: options.auditKey },
          { period: month },
        );
        warnedMonth = outcome.month;
        options.log(
          `红黄绿灯：${outcome.month} 计算 ${outcome.computed} 个项目（红 ${outcome.counts.red}，黄 ${outcome.counts.yellow}），写入 ${outcome.changed} 条`,
        );
      } catch (error) {
        options.log('红黄绿灯预警计算失败', error);
      }
    }
    try {
      if (options.auditKey) {
        const escalation = await runEscalations(
          { db: options.db, clock: options.clock, auditKey: options.auditKey },
          options.clock.now(),
        );
        if (escalation.notices.length > 0 || escalation.escalated.length > 0)
          options.log(
            `问题提级：新增提醒 ${escalation.notices.length} 条，提级 ${escalation.escalated.length} 个问题`,
          );
        for (const failed of escalation.failures)
          options.log(`问题提级：${failed.referenceNumber} 处理失败，下次运行重试：${failed.reason}`);
        const letters = await recomputeProvisionalReplyDates(
          { db: options.db, auditKey: options.auditKey },
          await loadHolidayCalendar(options.db),
          options.clock.now(),
        );
        if (letters > 0) options.log(`督办函件：重算暂定回复期限 ${letters} 件`);
      }
    } catch (error) {
      options.log('问题提级任务运行失败', error);
    }
    try {
      const outcome = await runReminders(
        { db: options.db, clock: options.clock },
        chinaDate(options.clock.now()),
      );
      if (outcome.created.length > 0 || outcome.deliveries.sent + outcome.deliveries.failed > 0) {
        options.log(
          `提醒：新增 ${outcome.created.length} 条通知；渠道投递成功 ${outcome.deliveries.sent}，失败 ${outcome.deliveries.failed}，待重试 ${outcome.deliveries.retrying}`,
        );
      }
    } catch (error) {
      options.log('提醒任务运行失败', error);
    } finally {
      running = false;
    }
  };
  const first = setTimeout(() => void tick(), options.firstRunDelayMs ?? 30_000);
  const timer = setInterval(() => void tick(), options.intervalMs);
  first.unref();
  timer.unref();
  return () => {
    clearTimeout(first);
    clearInterval(timer);
  };
}
