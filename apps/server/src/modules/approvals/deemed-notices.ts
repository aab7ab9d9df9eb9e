import {
  type Actor,
  AppError,
  type ApprovalStatus,
  chinaDate,
  deemedNoticeDue,
  deemedNoticeNumberPrefix,
  formatDeemedNoticeNumber,
  systemActor,
} from '@tuijin/domain';
import { and, eq, isNull, like } from 'drizzle-orm';
import type { Ctx } from '../../context';
import type { Queryable } from '../../db/database';
import { approvalDeemedNotices, approvalItems, organisations, projects } from '../../db/schema';
import { escapeLike } from '../../lib/escape-like';
import { regionOffice } from '../../lib/region-office';
import { recordAudit } from '../audit';
import { loadHolidayCalendar } from '../calendar';
import { itemForActor } from './approvals.queries';
import type { DeemedNoticeFacts } from './deemed-notice-docx';

/** A notice just issued, with the facts its recipients are found by. */
export interface IssuedDeemedNotice {
  itemId: string;
  itemName: string;
  projectId: string;
  projectName: string;
  regionPath: string;
  ownerOrganisationId: string;
  departmentId: string | null;
  agentUserId: string | null;
  noticeNumber: string;
  deadlineOn: string;
  issuedOn: string;
}

/** The next number of a region's notices in a year, read in the caller's transaction. */
async function nextNoticeNumber(tx: Queryable, regionCode: string, year: number): Promise<string> {
  const prefix = deemedNoticeNumberPrefix(regionCode, year);
  const taken = await tx
    .select({ number: approvalDeemedNotices.noticeNumber })
    .from(approvalDeemedNotices)
    .where(like(approvalDeemedNotices.noticeNumber, `${escapeLike(prefix)}%`));
  const last = Math.max(0, ...taken.map((row) => Number.parseInt(row.number.slice(prefix.length), 10) || 0));
  return formatDeemedNoticeNumber(regionCode, year, last + 1);
}

/**
 * 超时默认: issues the notice of every item that `deemedNoticeDue` says is due today and has none
 * yet — numbered per region and year (超时默认〔2026〕350902-1号), audited on the item, and handed
 * to `onIssued` in the same transaction (the notifications job tells the people concerned there).
 * One notice per item ever (the unique item key; a second run or instance inserts nothing). Each
 * item in its own transaction: one that fails is reported and tried again on the next run.
 */
export async function issueDeemedNotices(
  ctx: Pick<Ctx, 'db' | 'clock' | 'auditKey'>,
  onIssued: (tx: Queryable, notice: IssuedDeemedNotice) => Promise<void> = async () => {},
): Promise<{ issued: IssuedDeemedNotice[]; failures: { itemId: string; reason: string }[] }> {
  const now = ctx.clock.now();
  const today = chinaDate(now);
  const candidates = await ctx.db
    .select({ item: approvalItems, project: projects })
    .from(approvalItems)
    .innerJoin(projects, eq(projects.id, approvalItems.projectId))
    .leftJoin(approvalDeemedNotices, eq(approvalDeemedNotices.itemId, approvalItems.id))
    .where(
      and(
        eq(approvalItems.deemedApproval, true),
        eq(approvalItems.status, 'accepted'),
        isNull(approvalItems.approvedOn),
        isNull(approvalDeemedNotices.id),
      ),
    );
  if (candidates.length === 0) return { issued: [], failures: [] };
  const calendar = await loadHolidayCalendar(ctx.db);
  const jobCtx = { actor: systemActor, clock: ctx.clock, ip: null, auditKey: ctx.auditKey };
  const issued: IssuedDeemedNotice[] = [];
  const failures: { itemId: string; reason: string }[] = [];
  for (const { item, project } of candidates) {
    const plan = deemedNoticeDue({ ...item, status: item.status as ApprovalStatus }, today, calendar);
    if (!plan) continue;
    try {
      const notice = await ctx.db.transaction(async (tx) => {
        const noticeNumber = await nextNoticeNumber(tx, project.regionCode, Number(today.slice(0, 4)));
        const [row] = await tx
          .insert(approvalDeemedNotices)
          .values({
            itemId: item.id,
            noticeNumber,
            deadlineOn: plan.deadlineOn,
            issuedOn: today,
            issuedAt: now,
          })
          .onConflictDoNothing({ target: approvalDeemedNotices.itemId })
          .returning();
        if (!row) return null;
        await recordAudit(tx, jobCtx, {
          action: 'approval.deemedNotice.issue',
          entityType: 'approvalItem',
          entityId: item.id,
          regionPath: project.regionPath,
          detail: {
            projectId: project.id,
            name: item.name,
            noticeNumber,
            acceptedOn: item.acceptedOn,
            committedDays: item.committedDays,
            deadlineOn: plan.deadlineOn,
          },
        });
        const facts: IssuedDeemedNotice = {
          itemId: item.id,
          itemName: item.name,
          projectId: project.id,
          projectName: project.name,
          regionPath: project.regionPath,
          ownerOrganisationId: project.ownerOrganisationId,
          departmentId: item.departmentId,
          agentUserId: item.agentUserId,
          noticeNumber,
          deadlineOn: plan.deadlineOn,
          issuedOn: today,
        };
        await onIssued(tx, facts);
        return facts;
      });
      if (notice) issued.push(notice);
    } catch (error) {
      failures.push({ itemId: item.id, reason: error instanceof Error ? error.message : String(error) });
    }
  }
  return { issued, failures };
}

/**
 * The facts of an item's notice for its download, for a reader who may see the item (anything else,
 * and an item without a notice, is NOT_FOUND). Signed by the office of the project's region.
 */
export async function loadDeemedNotice(
  db: Queryable,
  actor: Actor,
  itemId: string,
): Promise<DeemedNoticeFacts> {
  const { item, project } = await itemForActor(db, actor, itemId);
  const [notice] = await db
    .select()
    .from(approvalDeemedNotices)
    .where(eq(approvalDeemedNotices.itemId, itemId));
  if (!notice || !item.acceptedOn) throw new AppError('NOT_FOUND', '该手续尚无超时默认告知书');
  const [department] = item.departmentId
    ? await db
        .select({ name: organisations.name })
        .from(organisations)
        .where(eq(organisations.id, item.departmentId))
    : [];
  return {
    noticeNumber: notice.noticeNumber,
    deadlineOn: notice.deadlineOn,
    issuedOn: notice.issuedOn,
    issuedAt: notice.issuedAt,
    projectName: project.name,
    itemName: item.name,
    departmentName: department?.name ?? null,
    acceptedOn: item.acceptedOn,
    committedDays: item.committedDays,
    issuerName: (await regionOffice(db, project.regionPath))?.name ?? '重点项目办公室',
  };
}
