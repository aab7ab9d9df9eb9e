import type { WorkbenchSection } from '@tuijin/contracts';
import type { Ctx } from '../../context';
import { findAuditEvents, verifyAuditChain } from '../audit';
import { findLockedAccounts } from '../auth';
import { loadHolidayCalendar } from '../calendar';
import { listMyNotifications } from '../notifications';
import { findUsers } from '../users';
import { currentWarnings } from '../warnings';
import { item, itemsShown, section, type WorkbenchFacts } from './workbench-item';

/**
 * 预警: the colours of the actor's visible projects for the warning month (the warnings page's
 * default) — red and yellow for owners, departments and leaders (`warnings`), red only for offices
 * and supervisors (`redProjects`), red first. Figures: how many of each colour.
 */
export async function projectWarnings(
  ctx: Ctx,
  facts: WorkbenchFacts,
  key: 'warnings' | 'redProjects',
): Promise<WorkbenchSection> {
  const rows = await currentWarnings(ctx.db, ctx.actor, facts.warningMonth);
  const figures = { red: 0, yellow: 0, green: 0 };
  for (const row of rows) figures[row.colour] += 1;
  const wanted = rows
    .filter((row) => row.colour === 'red' || (key === 'warnings' && row.colour === 'yellow'))
    .sort((a, b) => (a.colour === b.colour ? 0 : a.colour === 'red' ? -1 : 1));
  return section(
    key,
    '/warnings',
    wanted.map((row) =>
      item(facts, {
        id: row.projectId,
        title: row.projectName,
        detail: row.regionName,
        link: `/projects/${row.projectId}`,
        status: row.colour,
      }),
    ),
    wanted.length,
    figures,
  );
}

/**
 * 节假日安排: this year's official arrangements if missing, and from 1 November next year's, which
 * every working-day deadline crossing the new year needs (dates to enter by 1 January).
 */
export async function holidayCalendar(ctx: Ctx, facts: WorkbenchFacts): Promise<WorkbenchSection> {
  const calendar = await loadHolidayCalendar(ctx.db);
  const year = Number(facts.today.slice(0, 4));
  const years = facts.today.slice(5) >= '11-01' ? [year, year + 1] : [year];
  const missing = years.filter((y) => !calendar.knownYears.has(y));
  return section(
    'holidayCalendar',
    '/calendar',
    missing.map((y) =>
      item(facts, {
        id: String(y),
        title: String(y),
        link: `/calendar?year=${y}`,
        dueOn: y > year ? `${y}-01-01` : null,
        status: 'missing',
      }),
    ),
    missing.length,
    { checkedFrom: year, checkedTo: years.at(-1)! },
  );
}

/** 锁定账号: accounts the admin may see that are locked out now (too many failed logins). */
export async function lockedUsers(ctx: Ctx, facts: WorkbenchFacts): Promise<WorkbenchSection> {
  const locked = await findLockedAccounts(ctx.db, ctx.clock.now());
  const items = [];
  for (const account of locked) {
    const { rows } = await findUsers(ctx.db, ctx.actor, { q: account.username, page: 1, pageSize: 5 });
    const user = rows.find((row) => row.username === account.username);
    if (!user) continue;
    items.push(
      item(facts, {
        id: user.id,
        title: `${user.displayName}（${user.username}）`,
        detail: user.organisationName,
        link: '/users',
        status: 'locked',
        params: { lockedUntil: account.lockedUntil.toISOString() },
      }),
    );
  }
  return section('lockedUsers', '/users', items, items.length);
}

/**
 * 审计链校验: the whole log's HMAC chain recomputed and its checkpoints checked; a broken link, or
 * the first pinned head that is gone (truncation), is the one item.
 */
export async function auditChain(ctx: Ctx, facts: WorkbenchFacts): Promise<WorkbenchSection> {
  const result = await verifyAuditChain(ctx.db, ctx.actor, ctx.auditKey, ctx.clock);
  const brokenAt = result.firstBrokenId ?? result.missingHeads[0]?.lastId ?? result.brokenCheckpoint?.id;
  const items = brokenAt
    ? [
        item(facts, {
          id: brokenAt,
          title: brokenAt,
          link: '/audit',
          status: 'broken',
        }),
      ]
    : [];
  return section('auditChain', '/audit', items, items.length, {
    checked: result.checked,
    intact: result.intact ? 1 : 0,
  });
}

const week = 7 * 86_400_000;

/**
 * 近期审计事件: the newest events the auditor may read from the last seven days, with how many
 * failed logins and lockouts there were in that time.
 */
export async function auditEvents(ctx: Ctx, facts: WorkbenchFacts): Promise<WorkbenchSection> {
  const from = new Date(ctx.clock.now().getTime() - week).toISOString();
  const recent = await findAuditEvents(ctx.db, ctx.actor, { from, page: 1, pageSize: itemsShown });
  const failed = await findAuditEvents(ctx.db, ctx.actor, {
    from,
    action: 'auth.login.failed',
    page: 1,
    pageSize: 1,
  });
  const lockouts = await findAuditEvents(ctx.db, ctx.actor, {
    from,
    action: 'auth.lockout',
    page: 1,
    pageSize: 1,
  });
  return section(
    'auditEvents',
    '/audit',
    recent.rows.map((row) =>
      item(facts, {
        id: String(row.id),
        title: row.actorDisplayName ?? row.actorName,
        detail: row.at.toISOString(),
        link: '/audit',
        status: row.action,
      }),
    ),
    recent.total,
    { failedLogins: failed.total, lockouts: lockouts.total },
  );
}

/** 未读通知: the person's unread notifications, newest first, each opening its page. */
export async function unreadNotifications(ctx: Ctx, facts: WorkbenchFacts): Promise<WorkbenchSection> {
  const list = await listMyNotifications(ctx.db, ctx.actor, { unreadOnly: true, limit: itemsShown });
  return section(
    'notifications',
    '',
    list.data.map((n) =>
      item(facts, { id: n.id, title: n.kind, link: n.link ?? '/', status: n.kind, params: n.params }),
    ),
    list.unreadCount,
  );
}
