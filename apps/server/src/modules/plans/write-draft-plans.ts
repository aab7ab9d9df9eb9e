import { randomUUID } from 'node:crypto';
import { normaliseDecimal } from '@tuijin/contracts';
import {
  AppError,
  canEditPlan,
  diffPlanFields,
  type PlanFields,
  type ProjectScoped,
  planIssues,
  projectVisible,
} from '@tuijin/domain';
import { and, eq, inArray } from 'drizzle-orm';
import type { Ctx } from '../../context';
import type { Queryable } from '../../db/database';
import { insertMany } from '../../db/insert-many';
import { annualPlans, projects } from '../../db/schema';
import { type AuditInput, diffChanges, recordAudits } from '../audit';
import { type PlanRow, planFieldsOf } from './plans.queries';

/** One project's planned investment for a year, to be written into its draft plan. */
export interface DraftPlanItem {
  projectId: string;
  year: number;
  /** 万元, exact decimal string. */
  plannedInvestmentWanYuan: string;
  /** 计划开工月份 of a project planned to start that year: a NEW draft plans its start then. */
  plannedStartMonth?: number | null;
}

/**
 * What {@link writeDraftPlans} did with an item: created a draft, updated the draft's planned
 * investment, found it already equal, left a frozen plan alone (年中调整 changes those), or left a
 * draft alone whose monthly/quarterly split would no longer add up to the new amount.
 */
export type DraftPlanAction = 'create' | 'update' | 'unchanged' | 'frozen' | 'split';

/** The fields of a new draft carrying only a planned investment (no targets, no split). */
function newDraftFields(
  plannedInvestmentWanYuan: string,
  plannedStartMonth: number | null = null,
): PlanFields {
  return {
    plannedInvestmentWanYuan,
    priorCompletedWanYuan: null,
    plansStart: plannedStartMonth !== null,
    startMonth: plannedStartMonth,
    plansCompletion: false,
    completionMonth: null,
    plansOperation: false,
    operationMonth: null,
    goals: null,
    splitKind: 'none',
    splitWanYuan: null,
  };
}

const chunk = 1000;

/** Problems with a planned investment as a new draft's amount (empty when it can be written). */
export function draftPlanIssues(plannedInvestmentWanYuan: string): string[] {
  return planIssues(newDraftFields(plannedInvestmentWanYuan)).map((issue) => issue.message);
}

/**
 * Writes planned investments into projects' DRAFT annual plans inside the caller's transaction (a
 * ledger import writes thousands): a project without a plan for the year gets a draft carrying the
 * amount (`plan.create`), a draft with another amount is updated (`plan.update`, its version bumped),
 * a draft with the same amount is left unchanged, and a frozen plan is never touched — it changes
 * only by 年中调整. A draft split by month or quarter whose parts would no longer add up to the new
 * amount is left as it is too. Each item must be a project the actor may edit plans of
 * (`canEditPlan`): outside scope NOT_FOUND, in scope without the right FORBIDDEN. An amount that is
 * not a valid plan amount is VALIDATION_FAILED. Audit events are written in one go, in item order.
 * `source` (e.g. `ledger.import`) goes into each event's detail. Answers one action per item, in input order.
 */
export async function writeDraftPlans(
  tx: Queryable,
  ctx: Ctx,
  items: readonly DraftPlanItem[],
  source: string | null = null,
): Promise<DraftPlanAction[]> {
  const origin = source ? { source } : {};
  if (items.length === 0) return [];
  items.forEach((item, i) => {
    const issues = planIssues(newDraftFields(item.plannedInvestmentWanYuan));
    if (issues.length > 0)
      throw new AppError(
        'VALIDATION_FAILED',
        issues[0]!.message,
        issues.map((issue) => ({ path: `items.${i}.${issue.path}`, message: issue.message })),
      );
  });
  const projectIds = [...new Set(items.map((item) => item.projectId))];
  const scope = new Map<string, ProjectScoped>();
  const existing = new Map<string, PlanRow>();
  const years = [...new Set(items.map((item) => item.year))];
  for (let i = 0; i < projectIds.length; i += chunk) {
    const ids = projectIds.slice(i, i + chunk);
    for (const row of await tx
      .select({
        id: projects.id,
        regionPath: projects.regionPath,
        ownerOrganisationId: projects.ownerOrganisationId,
        responsibleDepartmentId: projects.responsibleDepartmentId,
        sector: projects.sector,
        leaderUserId: projects.leaderUserId,
        serviceOfficerUserId: projects.serviceOfficerUserId,
      })
      .from(projects)
      .where(inArray(projects.id, ids)))
      scope.set(row.id, row);
    for (const row of await tx
      .select()
      .from(annualPlans)
      .where(and(inArray(annualPlans.projectId, ids), inArray(annualPlans.year, years))))
      existing.set(`${row.projectId}\u0000${row.year}`, row);
  }

  const now = ctx.clock.now();
  const actions: DraftPlanAction[] = [];
  const audits: AuditInput[] = [];
  const pendingInserts = new Map<
    string,
    { projectId: string; year: number; fields: PlanFields; audit: AuditInput }
  >();
  for (const item of items) {
    const project = scope.get(item.projectId);
    if (!project || !projectVisible(ctx.actor, project))
      throw new AppError('NOT_FOUND', '项目不存在或不在本辖区');
    if (!canEditPlan(ctx.actor, project)) throw new AppError('FORBIDDEN', '没有编辑该项目年度计划的权限');
    const amount = normaliseDecimal(item.plannedInvestmentWanYuan);
    const key = `${item.projectId}\u0000${item.year}`;
    const pending = pendingInserts.get(key);
    if (pending) {
      // The same project twice (a ledger naming it on two rows): the later amount wins.
      if (
        diffPlanFields(pending.fields, { ...pending.fields, plannedInvestmentWanYuan: amount })
          .plannedInvestmentWanYuan
      ) {
        pending.fields.plannedInvestmentWanYuan = amount;
        pending.audit.changes = diffChanges(null, { ...pending.fields });
        actions.push('update');
      } else actions.push('unchanged');
      continue;
    }
    const current = existing.get(key);
    if (!current) {
      const fields = newDraftFields(amount, item.plannedStartMonth ?? null);
      const audit: AuditInput = {
        action: 'plan.create',
        entityType: 'project',
        entityId: item.projectId,
        regionPath: project.regionPath,
        changes: diffChanges(null, { ...fields }),
        detail: { planId: null, year: item.year, ...origin },
      };
      pendingInserts.set(key, { projectId: item.projectId, year: item.year, fields, audit });
      actions.push('create');
      audits.push(audit);
      continue;
    }
    const before = planFieldsOf(current);
    const after = { ...before, plannedInvestmentWanYuan: amount };
    const changes = diffPlanFields(before, after);
    // The same amount is nothing to do, frozen or not (re-importing an exported ledger).
    if (Object.keys(changes).length === 0) {
      actions.push('unchanged');
      continue;
    }
    if (current.status !== 'draft') {
      actions.push('frozen');
      continue;
    }
    if (planIssues(after).length > 0) {
      actions.push('split');
      continue;
    }
    const [row] = await tx
      .update(annualPlans)
      .set({ plannedInvestmentWanYuan: amount, version: current.version + 1, updatedAt: now })
      .where(and(eq(annualPlans.id, current.id), eq(annualPlans.version, current.version)))
      .returning();
    if (!row) throw new AppError('CONFLICT');
    existing.set(key, row);
    actions.push('update');
    audits.push({
      action: 'plan.update',
      entityType: 'project',
      entityId: item.projectId,
      regionPath: project.regionPath,
      changes,
      detail: { planId: current.id, year: item.year, ...origin },
    });
  }
  const inserts = [...pendingInserts.values()].map((b) => ({ ...b, id: randomUUID() }));
  await insertMany(
    tx,
    annualPlans,
    inserts.map((b) => ({
      id: b.id,
      projectId: b.projectId,
      year: b.year,
      ...b.fields,
      createdAt: now,
      updatedAt: now,
    })),
  );
  for (const b of inserts) b.audit.detail = { ...b.audit.detail, planId: b.id };
  await recordAudits(tx, ctx, audits);
  return actions;
}
