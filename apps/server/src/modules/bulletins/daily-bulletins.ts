import type { Bulletin, DailyBulletinSettingsView, SaveDailyBulletinSettings } from '@tuijin/contracts';
import {
  AppError,
  authorize,
  type BulletinTemplate,
  checkDailyBulletinSettings,
  chinaDate,
  chinaTimeOfDay,
  type DailyBulletinSettings,
  dailyBulletinDue,
  defaultDailyBulletinSettings,
  isWorkingDay,
  systemActor,
} from '@tuijin/domain';
import { and, eq, like } from 'drizzle-orm';
import { z } from 'zod';
import type { Ctx } from '../../context';
import type { Queryable } from '../../db/database';
import { bulletins, settings as settingsTable, users } from '../../db/schema';
import { defineJob, type JobContext } from '../../jobs/define-job';
import type { FileStore } from '../../lib/file-store';
import { regionByCode } from '../../lib/region-lookup';
import { regionOffice } from '../../lib/region-office';
import { readSetting, writeSetting } from '../../lib/settings-store';
import { recordAudit } from '../audit';
import { loadHolidayCalendar } from '../calendar';
import { notify } from '../notifications';
import { issueBulletin } from './bulletin-files';
import { bulletinRegion, templateFor } from './bulletin-templates';
import { createBulletin, reviewBulletin } from './bulletins';

const keyPrefix = 'dailyBulletin.';
const settingKey = (regionCode: string) => `${keyPrefix}${regionCode}`;

function readStored(value: unknown): DailyBulletinSettings {
  if (!value || typeof value !== 'object') return defaultDailyBulletinSettings;
  const v = value as Partial<DailyBulletinSettings>;
  return {
    enabled: v.enabled === true,
    at: typeof v.at === 'string' ? v.at : defaultDailyBulletinSettings.at,
    autoIssue: v.autoIssue !== false,
  };
}

async function settingsView(
  ctx: Pick<Ctx, 'db' | 'actor'>,
  regionCode: string,
): Promise<DailyBulletinSettingsView> {
  const stored = await readSetting(ctx.db, settingKey(regionCode));
  return {
    regionCode,
    ...readStored(stored.value),
    version: stored.version,
    canManage:
      ctx.actor.organisationKind === 'office' &&
      ctx.actor.roles.includes('office_staff') &&
      ctx.actor.regionCode === regionCode,
  };
}

/** `GET /api/bulletins/daily-settings`: the own jurisdiction's 一日一通报 timer. */
export async function getDailyBulletinSettings(ctx: Ctx): Promise<DailyBulletinSettingsView> {
  authorize(ctx.actor, 'bulletin.read');
  return settingsView(ctx, ctx.actor.regionCode);
}

/** `PUT /api/bulletins/daily-settings`: the office switches its 一日一通报 on or off, sets the time (audited). */
export async function saveDailyBulletinSettings(
  ctx: Ctx,
  body: SaveDailyBulletinSettings,
): Promise<DailyBulletinSettingsView> {
  const region = await bulletinRegion(ctx);
  const next = checkDailyBulletinSettings({ enabled: body.enabled, at: body.at, autoIssue: body.autoIssue });
  const before = readStored((await readSetting(ctx.db, settingKey(region.code))).value);
  await ctx.db.transaction(async (tx) => {
    await writeSetting(tx, {
      key: settingKey(region.code),
      value: next,
      version: body.version,
      userId: ctx.actor.userId,
      now: ctx.clock.now(),
    });
    await recordAudit(tx, ctx, {
      action: 'bulletin.dailySettings.update',
      entityType: 'region',
      entityId: region.code,
      regionPath: region.path,
      changes: Object.fromEntries(
        (Object.keys(next) as (keyof DailyBulletinSettings)[])
          .filter((k) => before[k] !== next[k])
          .map((k) => [k, { before: before[k], after: next[k] }]),
      ),
    });
  });
  return settingsView(ctx, region.code);
}

/** The jurisdictions whose 一日一通报 is switched on, with their settings. */
async function switchedOn(db: Queryable) {
  const rows = await db
    .select({ key: settingsTable.key, value: settingsTable.value })
    .from(settingsTable)
    .where(like(settingsTable.key, `${keyPrefix}%`));
  return rows
    .map((r) => ({ regionCode: r.key.slice(keyPrefix.length), settings: readStored(r.value) }))
    .filter((r) => r.settings.enabled)
    .sort((a, b) => a.regionCode.localeCompare(b.regionCode));
}

/**
 * The system acting for a region's own office (重点办): what the scheduled 一日一通报 and the command
 * line without `--as` generate it as — recorded as 系统 in the audit log, no account on the bulletin.
 * Null when the region has no office of its own.
 */
export async function officeSystemCtx(
  ctx: Pick<Ctx, 'db' | 'clock' | 'auditKey'>,
  regionCode: string,
): Promise<Ctx | null> {
  const region = await regionByCode(ctx.db, regionCode);
  const office = await regionOffice(ctx.db, region.path);
  if (!office || office.regionPath !== region.path) return null;
  return {
    db: ctx.db,
    clock: ctx.clock,
    ip: null,
    auditKey: ctx.auditKey,
    actor: {
      ...systemActor,
      displayName: '系统（一日一通报）',
      roles: ['office_staff'],
      organisationId: office.id,
      organisationKind: 'office',
      regionCode: region.code,
      regionPath: region.path,
    },
  };
}

/** The office's own active users: told that the day's bulletin is out (or waits for their sign-off). */
async function officeUserIds(db: Queryable, organisationId: string) {
  const rows = await db
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.organisationId, organisationId), eq(users.isActive, true)));
  return rows.map((r) => r.id);
}

/**
 * The scheduled 一日一通报: for each jurisdiction that switched it on, on a working day (the holiday
 * calendar; a year not yet entered counts Monday to Friday) once its time of day has come, the day's
 * bulletin is generated by the system on behalf of the jurisdiction's office from its daily template;
 * issued at once when the office chose so and its template is signed off by the office itself (a
 * leader's sign-off is never taken by the system), its files kept and the offices below told (收文);
 * else left as a draft. The office's own users are told either way. A day already generated (by hand
 * or by an earlier pass) is left alone, so two instances or two passes make one bulletin.
 */
export async function runDailyBulletins(ctx: JobContext & { store: FileStore }): Promise<string> {
  const now = ctx.clock.now();
  const today = chinaDate(now);
  const timeOfDay = chinaTimeOfDay(now);
  const calendar = await loadHolidayCalendar(ctx.db);
  const workingDay = (() => {
    try {
      return isWorkingDay(today, calendar);
    } catch {
      const weekday = new Date(`${today}T00:00:00Z`).getUTCDay();
      return weekday >= 1 && weekday <= 5;
    }
  })();
  const made: string[] = [];
  for (const { regionCode, settings } of await switchedOn(ctx.db)) {
    if (!dailyBulletinDue(settings, timeOfDay, workingDay)) continue;
    const [existing] = await ctx.db
      .select({ id: bulletins.id })
      .from(bulletins)
      .where(
        and(eq(bulletins.regionCode, regionCode), eq(bulletins.kind, 'daily'), eq(bulletins.period, today)),
      );
    if (existing) continue;
    const region = await regionByCode(ctx.db, regionCode);
    const officeCtx = await officeSystemCtx(ctx, regionCode);
    if (!officeCtx) {
      ctx.log(`一日一通报：${region.name}没有重点办，未生成`);
      continue;
    }
    const office = { id: officeCtx.actor.organisationId };
    let bulletin: Bulletin;
    try {
      bulletin = await createBulletin(officeCtx, { kind: 'daily', period: today });
    } catch (error) {
      if (error instanceof AppError && error.code === 'CONFLICT') continue; // another instance made it
      throw error;
    }
    const { template } = await templateFor(ctx.db, region, 'daily');
    const issues = settings.autoIssue && (template as BulletinTemplate).signoffRole === 'office';
    if (issues) {
      bulletin = await reviewBulletin(officeCtx, bulletin.id, bulletin.version);
      bulletin = await issueBulletin(officeCtx, bulletin.id, bulletin.version, ctx.store);
    }
    await ctx.db.transaction(async (tx) =>
      notify(tx, now, await officeUserIds(tx, office.id), {
        kind: issues ? 'bulletin.dailyIssued' : 'bulletin.dailyDraft',
        params: { title: bulletin.title, serial: bulletin.serial ?? '' },
        link: `/bulletins/${bulletin.id}`,
        dedupeKey: `bulletin.daily:${bulletin.id}`,
      }),
    );
    made.push(`${region.name}${issues ? `（已签发 ${bulletin.serial}）` : '（草稿待签发）'}`);
  }
  return made.length === 0 ? '无到时的一日一通报' : `生成一日一通报：${made.join('、')}`;
}

/** 一日一通报 on its timer: every 15 minutes (or the worker's interval), see `runDailyBulletins`. */
export const dailyBulletinsJob = defineJob({
  name: 'dailyBulletins',
  title: '一日一通报',
  schedule: { everyMinutes: 15 },
  payload: z.object({}).strict(),
  run: async (ctx) => {
    if (!ctx.store) throw new Error('一日一通报需要文件存储（工作进程未配置）');
    return runDailyBulletins({ ...ctx, store: ctx.store });
  },
});
