import type { DecimalInput, Ratio } from '../money/decimal';
import { indicatorRatio } from './rate';

/**
 * 开工率 (start rate) = projects started ÷ projects planned to start this year. Source: DOMAIN.md
 * "Plans, monthly reports, indicators" (Hui'an: 48 of 53 = 90.6%; Shandong special-bond projects:
 * 391 of 397 = 98.5%).
 */
export function startRate(input: { started: DecimalInput; plannedToStart: DecimalInput }): Ratio {
  return indicatorRatio(input.started, input.plannedToStart, ['started', 'plannedToStart']);
}

/**
 * 复工率 (resumption rate) = projects back at work ÷ projects due to resume after a stoppage (the
 * Spring Festival, an epidemic). Source: DOMAIN.md (Shandong 99.4%; the article gives only the rate).
 */
export function resumptionRate(input: { resumed: DecimalInput; toResume: DecimalInput }): Ratio {
  return indicatorRatio(input.resumed, input.toResume, ['resumed', 'toResume']);
}

/**
 * 竣工率 (completion rate) = projects completed ÷ projects planned to complete this year. Source:
 * DOMAIN.md "Annual plan": each plan says whether the project is planned to complete this year.
 */
export function completionRate(input: { completed: DecimalInput; plannedToComplete: DecimalInput }): Ratio {
  return indicatorRatio(input.completed, input.plannedToComplete, ['completed', 'plannedToComplete']);
}

/**
 * 投产率 (operation rate) = projects in operation ÷ projects planned to go into operation this year.
 * Source: DOMAIN.md "Annual plan": each plan says whether the project is planned to operate this year.
 */
export function operationRate(input: { inOperation: DecimalInput; plannedToOperate: DecimalInput }): Ratio {
  return indicatorRatio(input.inOperation, input.plannedToOperate, ['inOperation', 'plannedToOperate']);
}
