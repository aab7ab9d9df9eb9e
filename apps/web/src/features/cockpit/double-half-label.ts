import type { CockpitFigures } from '@tuijin/contracts';
import type { TFunction } from 'i18next';

/**
 * The 双过半 card's timing words: "提前 N 个月" when it was first reached before the end of June
 * (reached in May → 1), "按期" when reached in June, null when not reached or not decidable (the
 * domain's `monthsEarly`, null after June).
 */
export function doubleHalfTimingLabel(
  half: Pick<CockpitFigures['doubleHalf'], 'monthsEarly'>,
  t: TFunction,
): string | null {
  if (half.monthsEarly === null) return null;
  return half.monthsEarly > 0
    ? t('cockpit.monthsEarly', { count: half.monthsEarly })
    : t('cockpit.onSchedule');
}
