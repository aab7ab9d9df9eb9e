import type { WarningReason } from '@tuijin/contracts';
import type { WarningColour } from '@tuijin/domain';
import { Badge, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatAmount } from '../../lib/amount';

const tagColours: Record<WarningColour, string> = { green: 'success', yellow: 'warning', red: 'error' };
const dotColours: Record<WarningColour, string> = { green: '#52c41a', yellow: '#faad14', red: '#f5222d' };

/** A project's colour as a coloured tag (红灯/黄灯/绿灯); "not computed" when there is none. */
export function WarningTag({ colour }: { colour: WarningColour | null | undefined }) {
  const { t } = useTranslation();
  if (!colour) return <Typography.Text type="secondary">{t('warnings.none')}</Typography.Text>;
  return (
    <Tag color={tagColours[colour]} data-warning={colour}>
      <Badge color={dotColours[colour]} /> {t(`warnings.colour.${colour}`)}
    </Tag>
  );
}

/** Reason parameters that are amounts in 万元: shown by the one formatter, two decimals. */
const amountParams = new Set(['ytd', 'cumulativePlan']);

/** A reason's parameters with its amounts formatted (万元, grouped, two decimals). */
function readableParams(params: WarningReason['params']) {
  return Object.fromEntries(
    Object.entries(params).map(([key, value]) => [
      key,
      amountParams.has(key) && typeof value === 'string' ? formatAmount(value, { unit: 'wanYuan' }) : value,
    ]),
  );
}

/** One reason in words: the dimension, then the code's sentence with its numbers. */
export function useReasonText() {
  const { t } = useTranslation();
  return (reason: WarningReason) => {
    const sentence = t(
      `warnings.reason.${reason.code}` as 'warnings.reason.start.notStarted',
      readableParams(reason.params),
    );
    const streak =
      reason.params.consecutiveMonths !== undefined
        ? `；${t('warnings.reason.progress.consecutive', reason.params)}`
        : '';
    return `${t(`warnings.dimension.${reason.dimension}`)}：${sentence}${streak}`;
  };
}

/** The reasons of a colour, one per line, excused ones marked and muted. */
export function WarningReasons({ reasons }: { reasons: readonly WarningReason[] }) {
  const { t } = useTranslation();
  const text = useReasonText();
  if (reasons.length === 0) return null;
  return (
    <Space orientation="vertical" size={0}>
      {reasons.map((reason) => (
        <Typography.Text
          key={`${reason.dimension}-${reason.code}`}
          type={reason.excused ? 'secondary' : undefined}
          delete={reason.excused}
        >
          <Badge color={dotColours[reason.colour]} /> {text(reason)}
          {reason.excused ? `（${t('warnings.excused')}）` : ''}
        </Typography.Text>
      ))}
    </Space>
  );
}
