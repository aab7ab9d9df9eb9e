import type { SaveAnnualPlan } from '@tuijin/contracts';
import type { PlanFields } from '@tuijin/domain';

/** The plan fields of a save or adjust request; a plan without a split carries no amounts. */
export function planFieldsFrom(input: Omit<SaveAnnualPlan, 'version'>): PlanFields {
  return {
    plannedInvestmentWanYuan: input.plannedInvestmentWanYuan,
    priorCompletedWanYuan: input.priorCompletedWanYuan,
    plansStart: input.plansStart,
    startMonth: input.startMonth,
    plansCompletion: input.plansCompletion,
    completionMonth: input.completionMonth,
    plansOperation: input.plansOperation,
    operationMonth: input.operationMonth,
    goals: input.goals === '' ? null : input.goals,
    splitKind: input.splitKind,
    splitWanYuan:
      input.splitKind === 'none' && (input.splitWanYuan ?? []).length === 0 ? null : input.splitWanYuan,
  };
}
