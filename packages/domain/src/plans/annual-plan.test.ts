import { describe, expect, it } from 'vitest';
import { AppError } from '../errors';
import type { Actor } from '../policies/actor';
import { systemActor } from '../policies/actor';
import type { ProjectScoped } from '../projects/project-scope';
import {
  assertPlanAdjustable,
  assertPlanEditable,
  assertPlanFreezable,
  assertValidPlan,
  baselineOf,
  cumulativePlanToMonth,
  diffPlanFields,
  type PlanFields,
  planChangeKind,
  planIssues,
} from './annual-plan';
import { canApprovePlan, canEditPlan } from './plan-policy';

const plan = (over: Partial<PlanFields> = {}): PlanFields => ({
  plannedInvestmentWanYuan: '1200',
  priorCompletedWanYuan: null,
  plansStart: false,
  startMonth: null,
  plansCompletion: false,
  completionMonth: null,
  plansOperation: false,
  operationMonth: null,
  goals: null,
  splitKind: 'none',
  splitWanYuan: null,
  ...over,
});

const months = (values: string[]) => ({ splitKind: 'month' as const, splitWanYuan: values });
const twelve = (value: string) => Array.from({ length: 12 }, () => value);

describe('plan validation', () => {
  it.each<[string, Partial<PlanFields>]>([
    ['a bare plan', {}],
    ['a zero plan', { plannedInvestmentWanYuan: '0' }],
    ['a planned start with its month', { plansStart: true, startMonth: 3 }],
    [
      'completion and operation in December',
      { plansCompletion: true, completionMonth: 12, plansOperation: true, operationMonth: 12 },
    ],
    ['a monthly split adding up exactly', months(twelve('100'))],
    [
      'a monthly split with decimals',
      { plannedInvestmentWanYuan: '1', ...months([...twelve('0.0833').slice(0, 11), '0.0837']) },
    ],
    ['a quarterly split', { splitKind: 'quarter', splitWanYuan: ['200', '300', '400', '300.0000'] }],
    ['prior completed', { priorCompletedWanYuan: '5000.5' }],
    ['goals of 2000 characters', { goals: '建'.repeat(2000) }],
  ])('accepts %s', (_, over) => {
    expect(planIssues(plan(over))).toEqual([]);
    expect(() => assertValidPlan(plan(over))).not.toThrow();
  });

  it.each<[string, Partial<PlanFields>, string, string]>([
    ['a negative amount', { plannedInvestmentWanYuan: '-1' }, 'plannedInvestmentWanYuan', '不小于 0'],
    ['five decimals', { plannedInvestmentWanYuan: '1.00001' }, 'plannedInvestmentWanYuan', '4 位小数'],
    ['negative prior completed', { priorCompletedWanYuan: '-5' }, 'priorCompletedWanYuan', '不小于 0'],
    ['a planned start without a month', { plansStart: true }, 'startMonth', '须填写开工月份'],
    ['month 13', { plansCompletion: true, completionMonth: 13 }, 'completionMonth', '1–12'],
    ['month 0', { plansOperation: true, operationMonth: 0 }, 'operationMonth', '1–12'],
    ['a month without its flag', { startMonth: 4 }, 'startMonth', '不应填写'],
    ['11 monthly amounts', months(twelve('100').slice(1)), 'splitWanYuan', '应有 12 个金额'],
    [
      'a monthly split one 元 short',
      months([...twelve('100').slice(1), '99.9999']),
      'splitWanYuan',
      '应等于计划投资 1200',
    ],
    [
      'a quarterly split over the plan',
      { splitKind: 'quarter', splitWanYuan: ['300', '300', '300', '301'] },
      'splitWanYuan',
      '合计 1201',
    ],
    ['a negative month', months(['-100', ...twelve('100').slice(1)]), 'splitWanYuan.0', '第 1 个月'],
    ['amounts without a split', { splitWanYuan: ['1200'] }, 'splitWanYuan', '未分解'],
    ['goals too long', { goals: '建'.repeat(2001) }, 'goals', '2000'],
  ])('refuses %s, naming the field', (_, over, path, message) => {
    const issues = planIssues(plan(over));
    expect(issues).toContainEqual({ path, message: expect.stringContaining(message) });
    expect(() => assertValidPlan(plan(over))).toThrow(AppError);
  });
});

describe('plan state rules', () => {
  it.each([
    ['draft', 'edit'],
    ['frozen', 'adjust'],
  ] as const)('a %s plan is changed by %s', (status, kind) => {
    expect(planChangeKind(status)).toBe(kind);
  });

  it('edits and freezes only drafts', () => {
    expect(() => assertPlanEditable('draft')).not.toThrow();
    expect(() => assertPlanEditable('frozen')).toThrow(
      expect.objectContaining({ code: 'INVALID_TRANSITION' }),
    );
    expect(() => assertPlanFreezable('draft')).not.toThrow();
    expect(() => assertPlanFreezable('frozen')).toThrow(
      expect.objectContaining({ code: 'INVALID_TRANSITION' }),
    );
  });

  const change = { plannedInvestmentWanYuan: { before: '1200', after: '1500' } };
  it.each<[string, 'draft' | 'frozen', string, object, string | null]>([
    ['a frozen plan with a reason and a change', 'frozen', '用地延期', change, null],
    ['a draft', 'draft', '用地延期', change, 'INVALID_TRANSITION'],
    ['a blank reason', 'frozen', '  ', change, 'VALIDATION_FAILED'],
    ['no change', 'frozen', '用地延期', {}, 'VALIDATION_FAILED'],
  ])('adjusting %s', (_, status, reason, changes, code) => {
    const act = () => assertPlanAdjustable(status, reason, changes);
    if (code) expect(act).toThrow(expect.objectContaining({ code }));
    else expect(act).not.toThrow();
  });

  it('freezes the baseline from the live fields', () => {
    expect(baselineOf(plan({ plansStart: true, startMonth: 5, ...months(twelve('100')) }))).toEqual({
      baselineInvestmentWanYuan: '1200',
      baselineSplitKind: 'month',
      baselineSplitWanYuan: twelve('100'),
      baselinePlansStart: true,
      baselinePlansCompletion: false,
      baselinePlansOperation: false,
    });
  });
});

describe('plan diff', () => {
  it('lists only the changed fields, comparing amounts exactly', () => {
    expect(diffPlanFields(plan({ plannedInvestmentWanYuan: '1200.0000' }), plan())).toEqual({});
    expect(
      diffPlanFields(
        plan(),
        plan({ plannedInvestmentWanYuan: '1500.50', plansStart: true, startMonth: 7, goals: '主体封顶' }),
      ),
    ).toEqual({
      plannedInvestmentWanYuan: { before: '1200', after: '1500.5' },
      plansStart: { before: false, after: true },
      startMonth: { before: null, after: 7 },
      goals: { before: null, after: '主体封顶' },
    });
  });

  it('treats an empty split as none and shows a new split whole', () => {
    expect(diffPlanFields(plan({ splitWanYuan: [] }), plan())).toEqual({});
    expect(diffPlanFields(plan(), plan(months(twelve('100.00'))))).toEqual({
      splitKind: { before: 'none', after: 'month' },
      splitWanYuan: { before: null, after: twelve('100') },
    });
  });

  it('does not read goals that look like numbers as amounts', () => {
    expect(diffPlanFields(plan({ goals: '1.0' }), plan({ goals: '1' }))).toEqual({
      goals: { before: '1.0', after: '1' },
    });
  });
});

describe('cumulative plan to month', () => {
  const monthly = {
    plannedInvestmentWanYuan: '78',
    splitKind: 'month' as const,
    splitWanYuan: ['1', '2', '3', '4', '5', '6', '7', '8', '9', '10', '11', '12'],
  };
  const quarterly = {
    plannedInvestmentWanYuan: '1000',
    splitKind: 'quarter' as const,
    splitWanYuan: ['100', '200', '300', '400'],
  };
  const flat = { plannedInvestmentWanYuan: '1000', splitKind: 'none' as const, splitWanYuan: null };
  it.each<[string, Parameters<typeof cumulativePlanToMonth>[0], number, string]>([
    ['monthly, month 0', monthly, 0, '0'],
    ['monthly, month 1', monthly, 1, '1'],
    ['monthly, month 5', monthly, 5, '15'],
    ['monthly, month 12', monthly, 12, '78'],
    ['quarterly, month 1 (a third of Q1)', quarterly, 1, '33.3333'],
    ['quarterly, month 2', quarterly, 2, '66.6667'],
    ['quarterly, month 3 (Q1 whole)', quarterly, 3, '100'],
    ['quarterly, month 4 (Q1 + a third of Q2)', quarterly, 4, '166.6667'],
    ['quarterly, month 6', quarterly, 6, '300'],
    ['quarterly, month 11 (Q1–Q3 + two thirds of Q4)', quarterly, 11, '866.6667'],
    ['quarterly, month 12', quarterly, 12, '1000'],
    ['no split, month 1 (1000 × 1 / 12)', flat, 1, '83.3333'],
    ['no split, month 5', flat, 5, '416.6667'],
    ['no split, month 6', flat, 6, '500'],
    ['no split, month 12', flat, 12, '1000'],
    ['no split, exact decimals', { ...flat, plannedInvestmentWanYuan: '0.0012' }, 1, '0.0001'],
  ])('%s → %s', (_, curve, month, expected) => {
    expect(cumulativePlanToMonth(curve, month)).toBe(expected);
  });

  it('refuses a month outside 0–12', () => {
    expect(() => cumulativePlanToMonth(flat, 13)).toThrow(AppError);
    expect(() => cumulativePlanToMonth(flat, 1.5)).toThrow(AppError);
  });
});

describe('plan permissions: role × action × inside/outside jurisdiction', () => {
  const actor = (roles: Actor['roles'], over: Partial<Actor> = {}): Actor => ({
    userId: 'u',
    username: 'u',
    displayName: 'u',
    roles,
    organisationId: 'org',
    organisationKind: 'office',
    regionCode: '350902',
    regionPath: '350000.350900.350902',
    sector: null,
    ...over,
  });
  const project = (over: Partial<ProjectScoped> = {}): ProjectScoped => ({
    regionPath: '350000.350900.350902',
    ownerOrganisationId: 'owner-a',
    responsibleDepartmentId: 'dept',
    sector: '住建',
    leaderUserId: 'u',
    serviceOfficerUserId: null,
    ...over,
  });
  const outside = project({ regionPath: '350000.350900.350981' });
  it.each<[string, Actor, ProjectScoped, boolean, boolean]>([
    ['county office, own county', actor(['office_staff']), project(), true, true],
    ['county office, another county', actor(['office_staff']), outside, false, false],
    [
      'city office, a county below',
      actor(['office_staff'], { regionPath: '350000.350900' }),
      outside,
      true,
      true,
    ],
    ['owner, own project', actor(['owner'], { organisationId: 'owner-a' }), project(), true, false],
    [
      'owner, another owner’s project',
      actor(['owner'], { organisationId: 'owner-b' }),
      project(),
      false,
      false,
    ],
    [
      'department responsible for it',
      actor(['department_staff'], { organisationId: 'dept', sector: '住建' }),
      project(),
      false,
      false,
    ],
    ['linked leader', actor(['leader']), project(), false, false],
    ['supervisor', actor(['supervisor']), project(), false, false],
    ['system', systemActor, outside, true, true],
  ])('%s: edit %s, approve %s', (_, who, target, edit, approve) => {
    expect(canEditPlan(who, target)).toBe(edit);
    expect(canApprovePlan(who, target)).toBe(approve);
  });
});
