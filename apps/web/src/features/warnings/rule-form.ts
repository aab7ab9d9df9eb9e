import { regionRuleOff, type WarningRuleSet, type WarningThreshold } from '@tuijin/domain';

/** The dimensions with yellow/red thresholds, in form order. */
export const thresholdDimensions = [
  'start',
  'progress',
  'problems',
  'reports',
  'statistics',
  'approvals',
  'milestones',
  'reconciliation',
] as const;
export type ThresholdDimension = (typeof thresholdDimensions)[number];

/** A threshold as the form holds it: a blank value means "no threshold". */
export interface ThresholdField {
  value: number | null;
  inclusive: boolean;
}

type DimensionFields = { enabled: boolean; yellow: ThresholdField; red: ThresholdField };

/** The rule-set form: the rule set with thresholds that may be blank. */
export interface RuleForm {
  name: string;
  start: DimensionFields;
  progress: DimensionFields & { measure: 'points' | 'share'; redAfterConsecutiveMonths: number | null };
  problems: DimensionFields;
  reports: DimensionFields & { countLate: boolean };
  statistics: DimensionFields;
  approvals: DimensionFields;
  milestones: DimensionFields;
  reconciliation: DimensionFields;
  monthTarget: { enabled: boolean };
  snailMonths: number;
  regionRule: { enabled: boolean; consecutiveMonths: number };
}

const toField = (t: WarningThreshold | null): ThresholdField => ({
  value: t?.value ?? null,
  inclusive: t?.inclusive ?? true,
});
const fromField = (f: ThresholdField): WarningThreshold | null =>
  f.value === null || f.value === undefined ? null : { value: f.value, inclusive: f.inclusive };

/** Rule set → form values. */
export function toRuleForm(name: string, rules: WarningRuleSet): RuleForm {
  const dim = <D extends { enabled: boolean; yellow: WarningThreshold | null; red: WarningThreshold | null }>(
    d: D,
  ) => ({
    ...d,
    yellow: toField(d.yellow),
    red: toField(d.red),
  });
  return {
    name,
    start: dim(rules.start),
    progress: dim(rules.progress),
    problems: dim(rules.problems),
    reports: dim(rules.reports),
    statistics: dim(rules.statistics),
    approvals: dim(rules.approvals),
    milestones: dim(rules.milestones),
    reconciliation: dim(rules.reconciliation),
    monthTarget: rules.monthTarget,
    snailMonths: rules.snailMonths,
    regionRule: rules.regionRule ?? regionRuleOff,
  };
}

/** Form values → rule set (blank thresholds become null). */
export function fromRuleForm(form: RuleForm): WarningRuleSet {
  const dim = <D extends DimensionFields>(d: D) => ({
    ...d,
    yellow: fromField(d.yellow),
    red: fromField(d.red),
  });
  return {
    start: dim(form.start),
    progress: {
      ...dim(form.progress),
      redAfterConsecutiveMonths: form.progress.redAfterConsecutiveMonths ?? null,
    },
    problems: dim(form.problems),
    reports: dim(form.reports),
    statistics: dim(form.statistics),
    approvals: dim(form.approvals),
    milestones: dim(form.milestones),
    reconciliation: dim(form.reconciliation),
    monthTarget: form.monthTarget,
    snailMonths: form.snailMonths,
    regionRule: form.regionRule ?? regionRuleOff,
  };
}
