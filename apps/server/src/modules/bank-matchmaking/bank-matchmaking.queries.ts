import type { Bank, BankEventSummary, BankFollowUp, BankPush } from '@tuijin/contracts';
import { normaliseDecimal } from '@tuijin/contracts';
import {
  type Actor,
  AppError,
  type BankFollowUpStatus,
  bankFollowUpMoves,
  can,
  isSystemActor,
  sumDecimals,
} from '@tuijin/domain';
import { and, asc, eq, inArray, min, or, type SQL, sql } from 'drizzle-orm';
import type { Queryable } from '../../db/database';
import {
  bankEventBanks,
  bankEvents,
  bankFollowUps,
  bankPushBanks,
  bankPushes,
  banks,
  projects,
  regions,
} from '../../db/schema';
import { isOfficeOver, projectScope } from '../../lib/project-scope';
import { ancestorPaths, inRegionSubtree } from '../../lib/scope';

export type BankRow = typeof banks.$inferSelect;
export type BankEventRow = typeof bankEvents.$inferSelect;

export const bankConflict = '银行信息已被他人修改，请刷新后重试';
export const eventConflict = '对接会已被他人修改，请刷新后重试';
export const followUpConflict = '跟进记录已被他人修改，请刷新后重试';

/**
 * Banks and events the actor sees: those of its jurisdiction and below, and those of the
 * jurisdictions above it (a county sees the city's bank list and its meetings, counting only its own
 * projects).
 */
export function visibleRegionSql(
  column: typeof banks.regionPath | typeof bankEvents.regionPath,
  actor: Actor,
) {
  if (isSystemActor(actor) || actor.regionPath === '') return sql`true`;
  const above = ancestorPaths(actor.regionPath);
  return above.length > 0
    ? or(inRegionSubtree(column, actor.regionPath), inArray(column, above))!
    : inRegionSubtree(column, actor.regionPath);
}

/** Who edits banks and events: an office of the very jurisdiction that owns them, with `bankMatchmaking.manage`. */
export const mayManageBankMatchmaking = (actor: Actor, regionCode: string) =>
  can(actor, 'bankMatchmaking.manage') &&
  (isSystemActor(actor) || (actor.roles.includes('office_staff') && actor.regionCode === regionCode));

/** Who records a follow-up: an office over the project's region, with `bankMatchmaking.manage`. */
export const mayFollowUp = (actor: Actor, projectRegionPath: string) =>
  can(actor, 'bankMatchmaking.manage') && isOfficeOver(actor, projectRegionPath);

export const presentBank = (actor: Actor, row: BankRow, regionName: string): Bank => ({
  id: row.id,
  regionCode: row.regionCode,
  regionName,
  name: row.name,
  shortName: row.shortName,
  level: row.level,
  sortOrder: row.sortOrder,
  canManage: mayManageBankMatchmaking(actor, row.regionCode),
  version: row.version,
});

/** The banks the actor sees, matching `where`, in list order. */
export async function visibleBanks(db: Queryable, actor: Actor, where?: SQL) {
  return db
    .select({ bank: banks, regionName: regions.name })
    .from(banks)
    .innerJoin(regions, eq(regions.code, banks.regionCode))
    .where(and(visibleRegionSql(banks.regionPath, actor), where))
    .orderBy(asc(banks.regionPath), asc(banks.sortOrder), asc(banks.name));
}

/** A bank the actor sees, else NOT_FOUND. */
export async function loadBank(db: Queryable, actor: Actor, id: string) {
  const [row] = await visibleBanks(db, actor, eq(banks.id, id));
  if (!row) throw new AppError('NOT_FOUND', '银行不存在或无权查看');
  return row;
}

/** A push row with its project's facts, as the event views and the push list read it. */
export interface PushFact {
  pushId: string;
  eventId: string;
  heldOn: string;
  projectId: string;
  projectName: string;
  projectRegionPath: string;
  regionName: string;
  financingNeedWanYuan: string;
  purpose: string;
  bankId: string;
  bankName: string;
  bankShortName: string | null;
  signedWanYuan: string | null;
  sortOrder: number;
}

/** The push × bank rows of some events, limited to the projects the actor may see (and to `where`). */
export async function pushFacts(
  db: Queryable,
  actor: Actor,
  eventIds: readonly string[],
  where?: SQL,
): Promise<PushFact[]> {
  if (eventIds.length === 0) return [];
  const rows = await db
    .select({
      pushId: bankPushes.id,
      eventId: bankPushes.eventId,
      heldOn: bankEvents.heldOn,
      projectId: projects.id,
      projectName: projects.name,
      projectRegionPath: projects.regionPath,
      regionName: regions.name,
      financingNeedWanYuan: bankPushes.financingNeedWanYuan,
      purpose: bankPushes.purpose,
      bankId: banks.id,
      bankName: banks.name,
      bankShortName: banks.shortName,
      signedWanYuan: bankPushBanks.signedWanYuan,
      sortOrder: bankPushes.sortOrder,
    })
    .from(bankPushes)
    .innerJoin(bankEvents, eq(bankEvents.id, bankPushes.eventId))
    .innerJoin(bankPushBanks, eq(bankPushBanks.pushId, bankPushes.id))
    .innerJoin(banks, eq(banks.id, bankPushBanks.bankId))
    .innerJoin(projects, eq(projects.id, bankPushes.projectId))
    .innerJoin(regions, eq(regions.code, projects.regionCode))
    .where(and(inArray(bankPushes.eventId, [...eventIds]), projectScope(actor), where))
    .orderBy(asc(bankPushes.sortOrder), asc(projects.name), asc(banks.sortOrder), asc(banks.name));
  return rows.map((r) => ({
    ...r,
    financingNeedWanYuan: normaliseDecimal(r.financingNeedWanYuan),
    signedWanYuan: r.signedWanYuan === null ? null : normaliseDecimal(r.signedWanYuan),
  }));
}

/** Groups an event's push × bank rows into its pushed projects. */
export function groupPushes(facts: readonly PushFact[]): BankPush[] {
  const out = new Map<string, BankPush>();
  for (const f of facts) {
    const push =
      out.get(f.pushId) ??
      out
        .set(f.pushId, {
          projectId: f.projectId,
          projectName: f.projectName,
          regionName: f.regionName,
          financingNeedWanYuan: f.financingNeedWanYuan,
          purpose: f.purpose,
          banks: [],
        })
        .get(f.pushId)!;
    push.banks.push({ bankId: f.bankId, bankName: f.bankName, signedWanYuan: f.signedWanYuan });
  }
  return [...out.values()];
}

/** The attending banks of some events, by event. */
export async function attendingBanks(db: Queryable, eventIds: readonly string[]) {
  const out = new Map<string, { id: string; name: string; shortName: string | null }[]>(
    eventIds.map((id) => [id, []]),
  );
  if (eventIds.length === 0) return out;
  const rows = await db
    .select({ eventId: bankEventBanks.eventId, id: banks.id, name: banks.name, shortName: banks.shortName })
    .from(bankEventBanks)
    .innerJoin(banks, eq(banks.id, bankEventBanks.bankId))
    .where(inArray(bankEventBanks.eventId, [...eventIds]))
    .orderBy(asc(banks.sortOrder), asc(banks.name));
  for (const r of rows) out.get(r.eventId)!.push({ id: r.id, name: r.name, shortName: r.shortName });
  return out;
}

/** Events the actor sees matching `where`, oldest first, with their region's name. */
export async function visibleEvents(db: Queryable, actor: Actor, where: SQL | undefined) {
  return db
    .select({ event: bankEvents, regionName: regions.name })
    .from(bankEvents)
    .innerJoin(regions, eq(regions.code, bankEvents.regionCode))
    .where(and(visibleRegionSql(bankEvents.regionPath, actor), where))
    .orderBy(asc(bankEvents.heldOn), asc(bankEvents.title));
}

export function presentEvent(
  actor: Actor,
  row: { event: BankEventRow; regionName: string },
  bankList: BankEventSummary['banks'],
  facts: readonly PushFact[],
): BankEventSummary {
  const e = row.event;
  return {
    id: e.id,
    regionCode: e.regionCode,
    regionName: row.regionName,
    title: e.title,
    heldOn: e.heldOn,
    venue: e.venue,
    organiser: e.organiser,
    note: e.note,
    banks: bankList,
    projectsPushed: new Set(facts.map((f) => f.projectId)).size,
    creditSignedWanYuan: sumDecimals(facts, (f) => f.signedWanYuan ?? '0'),
    canManage: mayManageBankMatchmaking(actor, e.regionCode),
    version: e.version,
  };
}

/** One event the actor sees with its visible pushes, else NOT_FOUND. */
export async function getBankEventDetail(db: Queryable, actor: Actor, id: string) {
  const [row] = await visibleEvents(db, actor, eq(bankEvents.id, id));
  if (!row) throw new AppError('NOT_FOUND', '对接会不存在或无权查看');
  const facts = await pushFacts(db, actor, [id]);
  const bankList = (await attendingBanks(db, [id])).get(id)!;
  return { ...presentEvent(actor, row, bankList, facts), pushes: groupPushes(facts) };
}

/**
 * Follow-ups of the projects the actor may see, matching `where`, by region, project and bank, with
 * the date of the pair's first push and the credit signed for it at events.
 */
export async function followUpRows(db: Queryable, actor: Actor, where?: SQL): Promise<BankFollowUp[]> {
  const pushed = db
    .select({
      projectId: bankPushes.projectId,
      bankId: bankPushBanks.bankId,
      firstPushedOn: min(bankEvents.heldOn).as('first_pushed_on'),
      signed: sql<string | null>`sum(${bankPushBanks.signedWanYuan})`.as('signed'),
    })
    .from(bankPushes)
    .innerJoin(bankPushBanks, eq(bankPushBanks.pushId, bankPushes.id))
    .innerJoin(bankEvents, eq(bankEvents.id, bankPushes.eventId))
    .groupBy(bankPushes.projectId, bankPushBanks.bankId)
    .as('pushed');
  const rows = await db
    .select({
      followUp: bankFollowUps,
      projectName: projects.name,
      projectRegionPath: projects.regionPath,
      regionName: regions.name,
      bankName: banks.name,
      firstPushedOn: pushed.firstPushedOn,
      signed: pushed.signed,
    })
    .from(bankFollowUps)
    .innerJoin(projects, eq(projects.id, bankFollowUps.projectId))
    .innerJoin(regions, eq(regions.code, projects.regionCode))
    .innerJoin(banks, eq(banks.id, bankFollowUps.bankId))
    .leftJoin(
      pushed,
      and(eq(pushed.projectId, bankFollowUps.projectId), eq(pushed.bankId, bankFollowUps.bankId)),
    )
    .where(and(projectScope(actor), where))
    .orderBy(
      asc(regions.sortOrder),
      asc(regions.code),
      asc(projects.name),
      asc(banks.sortOrder),
      asc(banks.name),
    );
  const money = (v: string | null) => (v === null ? null : normaliseDecimal(v));
  return rows.map((r) => {
    const f = r.followUp;
    const canManage = mayFollowUp(actor, r.projectRegionPath);
    return {
      id: f.id,
      projectId: f.projectId,
      projectName: r.projectName,
      regionName: r.regionName,
      bankId: f.bankId,
      bankName: r.bankName,
      status: f.status,
      failureReason: f.failureReason,
      creditGrantedWanYuan: money(f.creditGrantedWanYuan),
      disbursedWanYuan: money(f.disbursedWanYuan),
      disbursedOn: f.disbursedOn,
      rolledOverWanYuan: money(f.rolledOverWanYuan),
      rolledOverOn: f.rolledOverOn,
      nextStep: f.nextStep,
      followedUpOn: f.followedUpOn,
      firstPushedOn: r.firstPushedOn,
      signedWanYuan: r.signed === null ? '0' : normaliseDecimal(r.signed),
      moves: canManage ? [...bankFollowUpMoves[f.status as BankFollowUpStatus]] : [],
      canManage,
      version: f.version,
    };
  });
}
