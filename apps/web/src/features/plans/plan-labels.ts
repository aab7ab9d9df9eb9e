import type { PlanFields } from '@tuijin/domain';
import type { TFunction } from 'i18next';
import { formatWanYuan } from '../projects/money';

const fieldKeys: Record<keyof PlanFields, string> = {
  plannedInvestmentWanYuan: 'plans.plannedInvestment',
  priorCompletedWanYuan: 'plans.priorCompleted',
  plansStart: 'plans.plansStart',
  startMonth: 'plans.startMonth',
  plansCompletion: 'plans.plansCompletion',
  completionMonth: 'plans.completionMonth',
  plansOperation: 'plans.plansOperation',
  operationMonth: 'plans.operationMonth',
  goals: 'plans.goals',
  splitKind: 'plans.splitKind',
  splitWanYuan: 'plans.split',
};

/** The changed fields of an adjustment in form order (the database keeps JSON keys in its own order). */
export const orderedFields = (changes: Record<string, unknown>) =>
  Object.keys(fieldKeys).filter((field) => Object.hasOwn(changes, field));

/** The label of a plan field named in an adjustment's before/after. */
export function planFieldLabel(t: TFunction, field: string): string {
  const key = fieldKeys[field as keyof PlanFields];
  return key ? String(t(key as never)) : field;
}

/** A plan field's value as shown in an adjustment's history. */
export function planValueText(t: TFunction, field: string, value: unknown): string {
  if (value === null || value === undefined || value === '') return String(t('plans.empty'));
  if (typeof value === 'boolean') return String(t(value ? 'plans.yes' : 'plans.no'));
  if (field === 'splitKind')
    return String(t(`plans.split${value === 'month' ? 'Month' : value === 'quarter' ? 'Quarter' : 'None'}`));
  if (field.endsWith('Month') && typeof value === 'number')
    return String(t('plans.inMonth', { month: value }));
  if (Array.isArray(value)) return value.map((v) => formatWanYuan(String(v))).join(' / ');
  if (field.endsWith('WanYuan')) return formatWanYuan(String(value));
  return String(value);
}

/** 是（N 月）/ 否 for a 计划开工/竣工/投产 flag and its month. */
export function milestoneText(
  t: TFunction,
  planned: boolean | undefined,
  month: number | null | undefined,
): string {
  if (planned === undefined) return '—';
  if (!planned) return String(t('plans.no'));
  return month ? `${t('plans.yes')}（${t('plans.inMonth', { month })}）` : String(t('plans.yes'));
}
