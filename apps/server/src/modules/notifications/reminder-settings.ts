import type { ReminderSettings, UpdateReminderSettings } from '@tuijin/contracts';
import { AppError, authorize } from '@tuijin/domain';
import { and, eq } from 'drizzle-orm';
import type { Ctx } from '../../context';
import type { Queryable } from '../../db/database';
import { settings } from '../../db/schema';
import { recordAudit } from '../audit';

export const reminderSettingsKey = 'reminders';
/** Owners are reminded this many days before a deadline unless the admin sets otherwise. */
export const defaultDueSoonDays = 3;

/** The reminder settings in force (defaults until the system admin saves some). */
export async function getReminderSettings(db: Queryable): Promise<ReminderSettings> {
  const [row] = await db.select().from(settings).where(eq(settings.key, reminderSettingsKey));
  const days = (row?.value as { dueSoonDays?: unknown } | undefined)?.dueSoonDays;
  return {
    dueSoonDays: typeof days === 'number' && Number.isInteger(days) && days >= 0 ? days : defaultDueSoonDays,
    version: row?.version ?? 0,
  };
}

/** Saves how many days before a deadline owners are reminded (system admin); stale version → CONFLICT. */
export async function updateReminderSettings(ctx: Ctx, input: UpdateReminderSettings) {
  authorize(ctx.actor, 'notificationChannel.manage');
  return ctx.db.transaction(async (tx) => {
    const current = await getReminderSettings(tx);
    if (current.version !== input.version) throw new AppError('CONFLICT');
    const value = { dueSoonDays: input.dueSoonDays };
    const values = {
      value,
      version: input.version + 1,
      updatedBy: ctx.actor.userId,
      updatedAt: ctx.clock.now(),
    };
    const saved =
      input.version === 0
        ? await tx
            .insert(settings)
            .values({ key: reminderSettingsKey, ...values })
            .onConflictDoNothing()
            .returning()
        : await tx
            .update(settings)
            .set(values)
            .where(and(eq(settings.key, reminderSettingsKey), eq(settings.version, input.version)))
            .returning();
    if (saved.length === 0) throw new AppError('CONFLICT');
    await recordAudit(tx, ctx, {
      action: 'settings.reminders.update',
      entityType: 'setting',
      entityId: reminderSettingsKey,
      changes: { dueSoonDays: { before: current.dueSoonDays, after: input.dueSoonDays } },
    });
    return { dueSoonDays: input.dueSoonDays, version: input.version + 1 };
  });
}
