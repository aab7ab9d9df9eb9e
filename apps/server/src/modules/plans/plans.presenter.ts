import type { AnnualPlan, AnnualPlanListItem, PlanAdjustment } from '@tuijin/contracts';
import { normaliseDecimal } from '@tuijin/contracts';
import {
  type Actor,
  canApprovePlan,
  canEditPlan,
  type ProjectLevel,
  type ProjectScoped,
  type ProjectStage,
} from '@tuijin/domain';
import type { AdjustmentRow, PlanListRow, PlanRow } from './plans.queries';
import { planFieldsOf } from './plans.queries';

/** What this reader may do to a plan, by its status and the plan policies. */
export function planAbilities(actor: Actor, plan: Pick<PlanRow, 'status'>, project: ProjectScoped) {
  const approve = canApprovePlan(actor, project);
  return {
    edit: plan.status === 'draft' && canEditPlan(actor, project),
    freeze: plan.status === 'draft' && approve,
    adjust: plan.status === 'frozen' && approve,
  };
}

export function presentAdjustment(row: AdjustmentRow): PlanAdjustment {
  return {
    id: String(row.id),
    reason: row.reason,
    before: row.before as Record<string, unknown>,
    after: row.after as Record<string, unknown>,
    approvedByName: row.approvedByName,
    at: row.at.toISOString(),
  };
}

/** Plan row → the wire shape: live (adjusted) fields, the frozen baseline, history, abilities. */
export function presentPlan(
  actor: Actor,
  plan: PlanRow,
  project: ProjectScoped,
  adjustments: AdjustmentRow[],
): AnnualPlan {
  return {
    id: plan.id,
    projectId: plan.projectId,
    year: plan.year,
    ...planFieldsOf(plan),
    status: plan.status,
    baseline:
      plan.status === 'frozen' && plan.baselineInvestmentWanYuan !== null
        ? {
            plannedInvestmentWanYuan: normaliseDecimal(plan.baselineInvestmentWanYuan),
            splitKind: plan.baselineSplitKind ?? 'none',
            splitWanYuan: plan.baselineSplitWanYuan ? plan.baselineSplitWanYuan.map(normaliseDecimal) : null,
            plansStart: plan.baselinePlansStart ?? false,
            plansCompletion: plan.baselinePlansCompletion ?? false,
            plansOperation: plan.baselinePlansOperation ?? false,
          }
        : null,
    frozenAt: plan.frozenAt?.toISOString() ?? null,
    frozenByName: plan.frozenByName,
    version: plan.version,
    updatedAt: plan.updatedAt.toISOString(),
    adjustments: adjustments.map(presentAdjustment),
    abilities: planAbilities(actor, plan, project),
  };
}

/** A row of a year's plan list. */
export function presentPlanListItem(actor: Actor, row: PlanListRow): AnnualPlanListItem {
  const { plan, project } = row;
  return {
    id: plan.id,
    projectId: plan.projectId,
    projectCode: project.projectCode,
    projectName: project.projectName,
    regionName: row.regionName,
    stage: row.stage as ProjectStage,
    domain: row.domain ?? '',
    levels: row.levels as ProjectLevel[],
    year: plan.year,
    plannedInvestmentWanYuan: normaliseDecimal(plan.plannedInvestmentWanYuan),
    baselineInvestmentWanYuan:
      plan.baselineInvestmentWanYuan === null ? null : normaliseDecimal(plan.baselineInvestmentWanYuan),
    plansStart: plan.plansStart,
    startMonth: plan.startMonth,
    plansCompletion: plan.plansCompletion,
    completionMonth: plan.completionMonth,
    plansOperation: plan.plansOperation,
    operationMonth: plan.operationMonth,
    status: plan.status,
    adjustmentCount: row.adjustmentCount,
    version: plan.version,
    canFreeze: planAbilities(actor, plan, project).freeze,
  };
}
