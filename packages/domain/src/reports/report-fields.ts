import { parseWanYuan, type WanYuanProblem } from '../money/wan-yuan';
import type { ReportCheckId } from './check-ids';

/** The amount fields of a monthly report as typed (form) or sent (API). */
export interface ReportAmountFields {
  completedWanYuan: string | null | undefined;
  inStatistics: boolean | null | undefined;
  statisticsWanYuan: string | null | undefined;
}

/** A problem with one amount field: the money parser's, or 已入统 without the 入统 amount. */
export interface ReportFieldProblem {
  field: 'completedWanYuan' | 'statisticsWanYuan';
  problem: WanYuanProblem | 'statisticsRequired';
}

/**
 * Whether a region's reports may carry a negative amount: only when its reporting calendar makes
 * the `negativeAmount` check a warning instead of a block (a month lowered by a correction).
 */
export const negativeAmountAllowed = (blockingChecks: readonly ReportCheckId[]) =>
  !blockingChecks.includes('negativeAmount');

/**
 * The field rules of a monthly report, the same at the form's fields and at the server before
 * anything is stored: 本月完成投资 is required and an amount in 万元 (not negative unless the region
 * allows it); 已入统 requires the 入统 amount; a 入统 amount, when given, is an amount too.
 */
export function reportFieldProblems(
  fields: ReportAmountFields,
  options: { allowNegative: boolean },
): ReportFieldProblem[] {
  const problems: ReportFieldProblem[] = [];
  const completed = parseWanYuan(fields.completedWanYuan, options);
  if (!completed.ok) problems.push({ field: 'completedWanYuan', problem: completed.problem });
  const statistics = parseWanYuan(fields.statisticsWanYuan, options);
  if (!statistics.ok) {
    if (statistics.problem !== 'blank')
      problems.push({ field: 'statisticsWanYuan', problem: statistics.problem });
    else if (fields.inStatistics)
      problems.push({ field: 'statisticsWanYuan', problem: 'statisticsRequired' });
  }
  return problems;
}

const fieldNames = { completedWanYuan: '本月完成投资', statisticsWanYuan: '入统金额' } as const;

/** A field problem as the Chinese message the server answers with (the web localises by problem). */
export function reportFieldMessage({ field, problem }: ReportFieldProblem): string {
  const name = fieldNames[field];
  switch (problem) {
    case 'blank':
      return `请填写${name}（万元），没有完成填 0`;
    case 'format':
      return `${name}应为数字（万元），最多 4 位小数`;
    case 'negative':
      return `${name}不能为负数`;
    case 'statisticsRequired':
      return '已入统的月报须填写入统金额（万元）';
  }
}
