import {
  type FundAllocation,
  type FundApplication,
  type FundPayment,
  normaliseDecimal,
  type ProjectFunds,
} from '@tuijin/contracts';
import {
  type Actor,
  AppError,
  can,
  type FundApplicationStage,
  fundApplicationMoves,
  subtractDecimal,
  sumDecimals,
} from '@tuijin/domain';
import { and, asc, eq, inArray, isNull } from 'drizzle-orm';
import type { Ctx } from '../../context';
import type { Queryable } from '../../db/database';
import { fundAllocations, fundApplications, fundPayments, projects } from '../../db/schema';
import { isOfficeOver, projectScope } from '../../lib/project-scope';

export type FundApplicationRow = typeof fundApplications.$inferSelect;
export type FundAllocationRow = typeof fundAllocations.$inferSelect;
export type FundPaymentRow = typeof fundPayments.$inferSelect;

/** The project a fund record belongs to, as the rules read it. */
export interface FundProject {
  id: string;
  name: string;
  regionPath: string;
  ownerOrganisationId: string;
  actualStartOn: string | null;
}

const fundProjectColumns = {
  id: projects.id,
  name: projects.name,
  regionPath: projects.regionPath,
  ownerOrganisationId: projects.ownerOrganisationId,
  actualStartOn: projects.actualStartOn,
};

/** The project if the actor may see it (the one project-scope rule), else NOT_FOUND. */
export async function loadFundProject(db: Queryable, actor: Actor, projectId: string): Promise<FundProject> {
  const [project] = await db
    .select(fundProjectColumns)
    .from(projects)
    .where(and(eq(projects.id, projectId), projectScope(actor)));
  if (!project) throw new AppError('NOT_FOUND', '项目不存在');
  return project;
}

/**
 * Who keeps a project's applications and allocations: a key-project office over its region with
 * `fund.manage`. Everyone who sees the project reads them (`fund.read`).
 */
export const mayManageFunds = (actor: Actor, project: Pick<FundProject, 'regionPath'>) =>
  isOfficeOver(actor, project.regionPath) && can(actor, 'fund.manage');

/**
 * Who records payments: the office that manages the project's funds, or the project's owner unit
 * (it pays the contractors and holds the vouchers).
 */
export const mayPayFunds = (actor: Actor, project: Pick<FundProject, 'regionPath' | 'ownerOrganisationId'>) =>
  mayManageFunds(actor, project) ||
  (actor.roles.includes('owner') && actor.organisationId === project.ownerOrganisationId);

export function assertManage(actor: Actor, project: FundProject) {
  if (!mayManageFunds(actor, project))
    throw new AppError('FORBIDDEN', '只有项目所在地的重点办可以登记资金申报和下达');
}

export function assertPay(actor: Actor, project: FundProject) {
  if (!mayPayFunds(actor, project))
    throw new AppError('FORBIDDEN', '只有重点办或项目业主单位可以登记资金支付');
}

export const conflictMessage = '资金记录已被他人修改，请刷新后重试';

export function presentApplication(row: FundApplicationRow, manage: boolean): FundApplication {
  return {
    id: row.id,
    projectId: row.projectId,
    kind: row.kind,
    year: row.year,
    requestedWanYuan: normaliseDecimal(row.requestedWanYuan),
    stage: row.stage,
    plannedOn: row.plannedOn,
    provincialReviewOn: row.provincialReviewOn,
    submittedOn: row.submittedOn,
    approvedOn: row.approvedOn,
    rejectedOn: row.rejectedOn,
    note: row.note,
    nextStages: manage ? [...fundApplicationMoves[row.stage as FundApplicationStage]] : [],
    version: row.version,
  };
}

const presentPayment = (row: FundPaymentRow): FundPayment => ({
  id: row.id,
  allocationId: row.allocationId,
  paidOn: row.paidOn,
  amountWanYuan: normaliseDecimal(row.amountWanYuan),
  note: row.note,
  evidenceFileId: row.evidenceFileId,
  version: row.version,
});

export function presentAllocation(row: FundAllocationRow, payments: FundPaymentRow[]): FundAllocation {
  const paid = sumDecimals(payments, (p) => normaliseDecimal(p.amountWanYuan));
  const amount = normaliseDecimal(row.amountWanYuan);
  return {
    id: row.id,
    projectId: row.projectId,
    kind: row.kind,
    year: row.year,
    batch: row.batch,
    amountWanYuan: amount,
    issuedOn: row.issuedOn,
    documentNumber: row.documentNumber,
    paidWanYuan: paid,
    remainingWanYuan: subtractDecimal(amount, paid),
    payments: payments.map(presentPayment),
    version: row.version,
  };
}

/** The live payments of some allocations, oldest first. */
export async function livePayments(db: Queryable, allocationIds: string[]): Promise<FundPaymentRow[]> {
  if (allocationIds.length === 0) return [];
  return db
    .select()
    .from(fundPayments)
    .where(and(inArray(fundPayments.allocationId, allocationIds), isNull(fundPayments.deletedAt)))
    .orderBy(asc(fundPayments.paidOn), asc(fundPayments.createdAt));
}

/** One allocation with its live payments, as the wire carries it. */
export async function allocationWithPayments(db: Queryable, row: FundAllocationRow): Promise<FundAllocation> {
  return presentAllocation(row, await livePayments(db, [row.id]));
}

/** 项目资金: the project's applications, allocations (with payments) and what the caller may do. */
export async function getProjectFunds(
  ctx: Pick<Ctx, 'db' | 'actor'>,
  projectId: string,
): Promise<ProjectFunds> {
  const project = await loadFundProject(ctx.db, ctx.actor, projectId);
  const manage = mayManageFunds(ctx.actor, project);
  const [applications, allocations] = await Promise.all([
    ctx.db
      .select()
      .from(fundApplications)
      .where(and(eq(fundApplications.projectId, projectId), isNull(fundApplications.deletedAt)))
      .orderBy(asc(fundApplications.year), asc(fundApplications.createdAt)),
    ctx.db
      .select()
      .from(fundAllocations)
      .where(and(eq(fundAllocations.projectId, projectId), isNull(fundAllocations.deletedAt)))
      .orderBy(asc(fundAllocations.issuedOn), asc(fundAllocations.createdAt)),
  ]);
  const payments = await livePayments(
    ctx.db,
    allocations.map((a) => a.id),
  );
  return {
    projectId,
    actualStartOn: project.actualStartOn,
    applications: applications.map((row) => presentApplication(row, manage)),
    allocations: allocations.map((row) =>
      presentAllocation(
        row,
        payments.filter((p) => p.allocationId === row.id),
      ),
    ),
    canManage: manage,
    canPay: mayPayFunds(ctx.actor, project),
  };
}

/** A live application the actor may see, with its project; else NOT_FOUND. */
export async function loadApplication(ctx: Pick<Ctx, 'db' | 'actor'>, id: string) {
  const [row] = await ctx.db
    .select({ application: fundApplications })
    .from(fundApplications)
    .innerJoin(projects, eq(projects.id, fundApplications.projectId))
    .where(and(eq(fundApplications.id, id), isNull(fundApplications.deletedAt), projectScope(ctx.actor)));
  if (!row) throw new AppError('NOT_FOUND', '资金申报不存在或无权查看');
  return {
    application: row.application,
    project: await loadFundProject(ctx.db, ctx.actor, row.application.projectId),
  };
}

/** A live allocation the actor may see, with its project; else NOT_FOUND. */
export async function loadAllocation(ctx: Pick<Ctx, 'db' | 'actor'>, id: string) {
  const [row] = await ctx.db
    .select({ allocation: fundAllocations })
    .from(fundAllocations)
    .innerJoin(projects, eq(projects.id, fundAllocations.projectId))
    .where(and(eq(fundAllocations.id, id), isNull(fundAllocations.deletedAt), projectScope(ctx.actor)));
  if (!row) throw new AppError('NOT_FOUND', '资金下达记录不存在或无权查看');
  return {
    allocation: row.allocation,
    project: await loadFundProject(ctx.db, ctx.actor, row.allocation.projectId),
  };
}

/** A live payment the actor may see, with its allocation and project; else NOT_FOUND. */
export async function loadPayment(ctx: Pick<Ctx, 'db' | 'actor'>, id: string) {
  const [row] = await ctx.db
    .select({ payment: fundPayments })
    .from(fundPayments)
    .innerJoin(fundAllocations, eq(fundAllocations.id, fundPayments.allocationId))
    .innerJoin(projects, eq(projects.id, fundAllocations.projectId))
    .where(and(eq(fundPayments.id, id), isNull(fundPayments.deletedAt), projectScope(ctx.actor)));
  if (!row) throw new AppError('NOT_FOUND', '资金支付记录不存在或无权查看');
  return { payment: row.payment, ...(await loadAllocation(ctx, row.payment.allocationId)) };
}
