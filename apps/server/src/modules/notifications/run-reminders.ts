import { AppError, addCalendarDays } from '@tuijin/domain';
import { and, countDistinct, eq, inArray, isNull, ne, or, sql } from 'drizzle-orm';
import type { Ctx } from '../../context';
import { annualPlans, monthlyReports, notifications, organisations, projects, users } from '../../db/schema';
import { type DeliveryOutcome, deliverNotifications } from './deliver-notifications';
import { enqueueDelivery } from './deliver-notifications.job';
import { holidayYearReminders } from './holiday-year-reminder';
import { type DeadlineLookup, loadDeadlineLookup } from './reminder-deadlines';
import { getReminderSettings } from './reminder-settings';

/** One notification a reminder run created. */
export interface SentReminder {
  username: string;
  displayName: string;
  kind: 'report.dueSoon' | 'report.late' | 'report.awaitingReview' | 'calendar.nextYearMissing';
  params: Record<string, string | number>;
  link: string;
}

export interface ReminderOutcome {
  today: string;
  dueSoonDays: number;
  created: SentReminder[];
  deliveries: DeliveryOutcome;
}

/** Where a reminder leads: the owner to the project's file, the reviewer to the review queue. */
export const reminderLinks = {
  project: (projectId: string) => `/projects/${projectId}`,
  reviewQueue: '/reports',
};

const daysBetween = (from: string, to: string) =>
  (Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000;

/**
 * A deadline, or null when the region's rule cannot give one (a working-day rule over a year the
 * holiday calendar does not know yet): that project is skipped rather than failing the whole run.
 */
function safeDeadline(
  lookup: DeadlineLookup,
  regionPath: string,
  year: number,
  month: number,
): string | null {
  try {
    return lookup(regionPath, year, month);
  } catch (error) {
    if (error instanceof AppError) return null;
    throw error;
  }
}

/** The reported months a run looks at: the month before `today` and `today`'s month. */
function candidateMonths(today: string): { year: number; month: number }[] {
  const year = Number(today.slice(0, 4));
  const month = Number(today.slice(5, 7));
  const previous = month === 1 ? { year: year - 1, month: 12 } : { year, month: month - 1 };
  return [previous, { year, month }];
}

/**
 * The reminder job (one run for the day `today`, a China-time YYYY-MM-DD). Idempotent: every
 * notification carries a dedupe key, so a second run the same day — or a second instance — adds
 * nothing.
 * - Owners (active users of the owner organisation) of each due project (a plan for the year, not
 *   dropped) whose report for the month is absent or still a draft: `report.dueSoon` when the
 *   deadline (reporting calendar of the project's region or nearest ancestor) is today or within
 *   N days (setting, default 3), `report.late` once it has passed. Months looked at: the previous
 *   and the current one. One of each per project, month and person.
 * - Reviewers with submitted reports waiting — office staff of the project's region office and
 *   department staff of its responsible department — one `report.awaitingReview` summary a day.
 * - System admins, from 1 November while next year's holiday arrangement is missing:
 *   `calendar.nextYearMissing`, once a month (`holidayYearReminders`).
 * The notifications' delivery is queued in their transaction (`deliverNotificationsJob`); unless
 * `deliver` is false (the scheduled job, which leaves it to the queue) this run also delivers at once.
 */
export async function runReminders(
  ctx: Pick<Ctx, 'db' | 'clock'>,
  today: string,
  options: { deadlines?: DeadlineLookup; deliver?: boolean; timeoutMs?: number } = {},
): Promise<ReminderOutcome> {
  const { db } = ctx;
  const { dueSoonDays } = await getReminderSettings(db);
  const deadlineOf = options.deadlines ?? (await loadDeadlineLookup(db));
  const horizon = addCalendarDays(today, dueSoonDays);

  type Pending = {
    userId: string;
    kind: SentReminder['kind'];
    params: SentReminder['params'];
    link: string;
    dedupeKey: string;
  };
  const pending: Pending[] = [];

  for (const { year, month } of candidateMonths(today)) {
    const open = await db
      .select({
        projectId: projects.id,
        projectName: projects.name,
        regionPath: projects.regionPath,
        ownerOrganisationId: projects.ownerOrganisationId,
      })
      .from(annualPlans)
      .innerJoin(projects, eq(projects.id, annualPlans.projectId))
      .leftJoin(
        monthlyReports,
        and(
          eq(monthlyReports.projectId, projects.id),
          eq(monthlyReports.year, year),
          eq(monthlyReports.month, month),
        ),
      )
      .where(
        and(
          eq(annualPlans.year, year),
          ne(projects.stage, 'dropped'),
          or(isNull(monthlyReports.id), eq(monthlyReports.status, 'draft')),
        ),
      );
    const reminded = open
      .map((project) => ({ ...project, dueOn: safeDeadline(deadlineOf, project.regionPath, year, month) }))
      .filter(
        (project): project is typeof project & { dueOn: string } =>
          project.dueOn !== null && (project.dueOn < today || project.dueOn <= horizon),
      );
    if (reminded.length === 0) continue;
    const owners = await db
      .select({ id: users.id, organisationId: users.organisationId })
      .from(users)
      .where(
        and(
          eq(users.isActive, true),
          inArray(users.organisationId, [...new Set(reminded.map((p) => p.ownerOrganisationId))]),
        ),
      );
    for (const project of reminded) {
      const isLate = project.dueOn < today;
      const kind = isLate ? 'report.late' : 'report.dueSoon';
      const params: Pending['params'] = {
        projectName: project.projectName,
        year,
        month,
        dueOn: project.dueOn,
        ...(isLate ? {} : { days: daysBetween(today, project.dueOn) }),
      };
      for (const owner of owners) {
        if (owner.organisationId !== project.ownerOrganisationId) continue;
        pending.push({
          userId: owner.id,
          kind,
          params,
          link: reminderLinks.project(project.projectId),
          dedupeKey: `${kind}:${project.projectId}:${year}-${String(month).padStart(2, '0')}`,
        });
      }
    }
  }

  const reviewerOffice = sql`exists (select 1 from ${organisations} o where o.id = ${users.organisationId}
    and o.kind = 'office' and o.region_code = ${projects.regionCode})`;
  const waiting = await db
    .select({ userId: users.id, count: countDistinct(monthlyReports.id) })
    .from(monthlyReports)
    .innerJoin(projects, eq(projects.id, monthlyReports.projectId))
    .innerJoin(
      users,
      and(
        eq(users.isActive, true),
        or(
          and(
            eq(users.organisationId, projects.responsibleDepartmentId),
            sql`'department_staff' = any(${users.roles})`,
          ),
          and(sql`'office_staff' = any(${users.roles})`, reviewerOffice),
        ),
      ),
    )
    .where(eq(monthlyReports.status, 'submitted'))
    .groupBy(users.id);
  for (const reviewer of waiting) {
    pending.push({
      userId: reviewer.userId,
      kind: 'report.awaitingReview',
      params: { count: Number(reviewer.count), date: today },
      link: reminderLinks.reviewQueue,
      dedupeKey: `report.awaitingReview:${today}`,
    });
  }

  pending.push(...(await holidayYearReminders(db, today)));

  const created: SentReminder[] = [];
  if (pending.length > 0) {
    const now = ctx.clock.now();
    const inserted = await db.transaction(async (tx) => {
      const rows = [];
      for (let i = 0; i < pending.length; i += 500) {
        rows.push(
          ...(await tx
            .insert(notifications)
            .values(pending.slice(i, i + 500).map((p) => ({ ...p, createdAt: now })))
            .onConflictDoNothing({ target: [notifications.userId, notifications.dedupeKey] })
            .returning({
              id: notifications.id,
              userId: notifications.userId,
              dedupeKey: notifications.dedupeKey,
            })),
        );
      }
      await enqueueDelivery(tx, rows[0]?.id, now);
      return rows;
    });
    const people = inserted.length
      ? await db
          .select({ id: users.id, username: users.username, displayName: users.displayName })
          .from(users)
          .where(inArray(users.id, [...new Set(inserted.map((r) => r.userId))]))
      : [];
    const byId = new Map(people.map((p) => [p.id, p]));
    const isNew = new Set(inserted.map((r) => `${r.userId}|${r.dedupeKey}`));
    for (const p of pending) {
      if (!isNew.has(`${p.userId}|${p.dedupeKey}`)) continue;
      const person = byId.get(p.userId);
      created.push({
        username: person?.username ?? p.userId,
        displayName: person?.displayName ?? '',
        kind: p.kind,
        params: p.params,
        link: p.link,
      });
    }
  }

  const deliveries =
    options.deliver === false
      ? { sent: 0, failed: 0, retrying: 0 }
      : await deliverNotifications(db, {
          now: () => ctx.clock.now(),
          ...(options.timeoutMs ? { timeoutMs: options.timeoutMs } : {}),
        });
  return { today, dueSoonDays, created, deliveries };
}
