import { existsSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { chinaDate } from '@tuijin/domain';
import { manifestFile } from './backup-manifest';
import { verifyBackup } from './verify-backup';
import { type BackupSource, writeBackup } from './write-backup';

/** The server's own nightly backup: where, how many to keep, and from which hour (Beijing time). */
export interface BackupSchedule {
  dir: string;
  keep: number;
  hour: number;
}

const dailyName = /^tuijin-\d{4}-\d{2}-\d{2}$/;

/**
 * One pass of the nightly backup the server writes itself (`TUIJIN_BACKUP_DIR`): once the Beijing
 * hour reaches `hour`, today's `tuijin-YYYY-MM-DD` is written (a directory left without a manifest by
 * an interrupted run is written again), verified, and the oldest finished backups beyond `keep` are
 * removed. This is how an embedded installation is backed up while it runs: the server holds the
 * PGlite directory, so only it can take the snapshot. Answers the directory written, or null.
 */
export async function runScheduledBackup(
  source: BackupSource,
  schedule: BackupSchedule,
): Promise<string | null> {
  const now = source.clock.now();
  const hour = Number(
    new Intl.DateTimeFormat('en-GB', { timeZone: 'Asia/Shanghai', hour: '2-digit', hourCycle: 'h23' }).format(
      now,
    ),
  );
  if (hour < schedule.hour) return null;
  const out = join(schedule.dir, `tuijin-${chinaDate(now)}`);
  if (existsSync(join(out, manifestFile))) return null;
  rmSync(out, { recursive: true, force: true });
  await writeBackup(source, out);
  const verification = await verifyBackup(out, source.auditKey);
  if (verification.problems.length > 0)
    throw new Error(`备份 ${out} 写出后核验未通过：${verification.problems.join('；')}`);
  const finished = readdirSync(schedule.dir)
    .filter((name) => dailyName.test(name) && existsSync(join(schedule.dir, name, manifestFile)))
    .sort()
    .reverse();
  for (const name of finished.slice(schedule.keep)) rmSync(join(schedule.dir, name), { recursive: true });
  return out;
}

/** Checks every ten minutes whether tonight's backup is due; one run at a time. */
export function startScheduledBackups(
  source: BackupSource,
  schedule: BackupSchedule,
  log: (message: string, error?: unknown) => void,
): { stop(): Promise<void> } {
  let running: Promise<void> = Promise.resolve();
  let isBusy = false;
  const tick = () => {
    if (isBusy) return;
    isBusy = true;
    running = runScheduledBackup(source, schedule)
      .then(
        (out) => {
          if (out) log(`已写出并核验每日备份 ${out}`);
        },
        (error) => log('每日备份失败', error),
      )
      .finally(() => {
        isBusy = false;
      });
  };
  const timer = setInterval(tick, 10 * 60_000);
  timer.unref();
  tick();
  return {
    async stop() {
      clearInterval(timer);
      await running;
    },
  };
}
