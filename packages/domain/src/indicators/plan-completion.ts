import type { Ratio } from '../money/decimal';
import { indicatorRatio } from './rate';

/**
 * 年度投资计划完成率 (plan completion rate) = investment completed year-to-date ÷ the annual planned
 * investment, both in 万元, exact. Source: DOMAIN.md "Plans, monthly reports, indicators" (Luohe
 * 64.4% and 66.9% by May; Hui'an 95%). A plan of 0 answers `percent: null`; completion may exceed 100%.
 */
export function planCompletionRate(input: { completedYtdWanYuan: string; plannedWanYuan: string }): Ratio {
  return indicatorRatio(input.completedYtdWanYuan, input.plannedWanYuan, [
    'completedYtdWanYuan',
    'plannedWanYuan',
  ]);
}
