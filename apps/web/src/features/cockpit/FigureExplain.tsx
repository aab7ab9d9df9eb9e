import type { CockpitFormula, CockpitMeasure } from '@tuijin/contracts';
import { Button, Descriptions, Popover, Space, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { groupDigits as groupAmount } from '../../lib/amount';

/** The projects each figure can be opened on: the sets behind its numerator and denominator. */
export const measuresOf: Record<CockpitFormula, CockpitMeasure[]> = {
  projectCount: ['all'],
  plannedInvestment: ['all'],
  cumulativePlan: ['all'],
  completedYtd: ['all'],
  planCompletionRate: ['all', 'behind'],
  timeProgress: [],
  progressGap: ['behind'],
  startRate: ['plannedToStart', 'started', 'notStarted'],
  completionRate: ['plannedToComplete', 'completed', 'notCompleted'],
  operationRate: ['plannedToOperate', 'operating', 'notOperating'],
  doubleHalf: ['all', 'notStarted'],
  reportingTimeliness: ['due', 'onTime', 'late', 'missing'],
  lateCount: ['late'],
  missingCount: ['missing'],
  statisticsEntry: ['due', 'inStatistics', 'notInStatistics'],
  warnings: ['warningRed', 'warningYellow', 'warningGreen'],
};

interface FigureExplainProps {
  formula: CockpitFormula;
  /** A rate's figures, or an amount/count. */
  numerator?: string;
  denominator?: string;
  value?: string;
  /** A line under the formula that says more about this figure (e.g. 双过半's first month). */
  note?: string;
  /** Opens the list of projects behind the number; absent where a figure has none (time progress). */
  onShowProjects?: (measure: CockpitMeasure) => void;
  children: ReactNode;
}

/**
 * Makes a number explain itself: hovering or clicking it shows the formula (i18n text), the
 * numerator and denominator (or the value) it was computed from, and links to the projects behind it.
 */
/** Groups a plain decimal (an amount or a count) for reading: "2802430.553" → "2,802,430.553". */
function groupDigits(figure: string): string {
  return /^-?\d+(\.\d+)?$/.test(figure) ? groupAmount(figure) : figure;
}

export function FigureExplain({
  formula,
  numerator,
  denominator,
  value,
  note,
  onShowProjects,
  children,
}: FigureExplainProps) {
  const { t } = useTranslation();
  const measures = onShowProjects ? measuresOf[formula] : [];
  const content = (
    <div style={{ maxWidth: 360 }} data-testid={`explain-${formula}`}>
      <Typography.Paragraph style={{ marginBottom: 8 }}>
        {t(`cockpit.formula.${formula}`)}
      </Typography.Paragraph>
      {note && (
        <Typography.Paragraph strong style={{ marginBottom: 8 }} data-testid={`explain-note-${formula}`}>
          {note}
        </Typography.Paragraph>
      )}
      <Descriptions
        size="small"
        column={1}
        items={
          numerator !== undefined
            ? [
                { key: 'n', label: t('cockpit.explain.numerator'), children: groupDigits(numerator) },
                {
                  key: 'd',
                  label: t('cockpit.explain.denominator'),
                  children: denominator === undefined ? undefined : groupDigits(denominator),
                },
              ]
            : value !== undefined
              ? [{ key: 'v', label: t('cockpit.explain.value'), children: groupDigits(value) }]
              : []
        }
      />
      {measures.length > 0 && (
        <Space size={[4, 4]} wrap style={{ marginTop: 8 }}>
          <Typography.Text type="secondary">{t('cockpit.explain.records')}</Typography.Text>
          {measures.map((measure) => (
            <Button key={measure} size="small" type="link" onClick={() => onShowProjects?.(measure)}>
              {t(`cockpit.measures.${measure}`)}
            </Button>
          ))}
        </Space>
      )}
    </div>
  );
  return (
    <Popover content={content} title={t('cockpit.explain.formula')} trigger={['hover', 'click']}>
      <span style={{ cursor: 'help', borderBottom: '1px dashed currentColor', whiteSpace: 'nowrap' }}>
        {children}
      </span>
    </Popover>
  );
}
