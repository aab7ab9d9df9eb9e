import { useTranslation } from 'react-i18next';
import { type AmountUnit, formatAmount } from './amount';

/**
 * The amount formatter with the unit's name in the reader's language: `withUnit` for a figure that
 * stands alone (a card: "39.63 亿元"), `digits` for a column whose header names the unit, `unitName`
 * for that header.
 */
export function useAmount() {
  const { t } = useTranslation();
  const unitName = (unit: AmountUnit) => t(`amounts.unit.${unit}`);
  return {
    unitName,
    withUnit: (wanYuan: string | null | undefined, unit: AmountUnit, decimals?: number) =>
      formatAmount(wanYuan, { unit, decimals, suffix: unitName(unit) }),
    digits: (wanYuan: string | null | undefined, unit: AmountUnit, decimals?: number) =>
      formatAmount(wanYuan, { unit, decimals }),
  };
}
