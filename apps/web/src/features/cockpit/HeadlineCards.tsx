import type { CockpitFigures, CockpitMeasure } from '@tuijin/contracts';
import { Card, Col, Row, Space, Statistic, Tag, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { AmountUnit } from '../../lib/amount';
import { useAmount } from '../../lib/use-amount';
import { doubleHalfTimingLabel } from './double-half-label';
import { FigureExplain } from './FigureExplain';
import { headlineYearOnYear } from './year-on-year';

/** Card amounts: 亿元 to two places (39.63), 万元 whole (the ledger's cents do not fit a card). */
const cardDecimals: Record<AmountUnit, number> = { yiYuan: 2, wanYuan: 0 };

interface HeadlineCardsProps {
  figures: CockpitFigures;
  year: number;
  month: number;
  /** The unit amounts are read in at this level (亿元 for a city or province). */
  unit: AmountUnit;
  /** The same month of last year (同比); null or without a plan: nothing to compare with. */
  lastYear?: CockpitFigures | null;
  onShowProjects: (measure: CockpitMeasure) => void;
}

export function HeadlineCards({
  figures: f,
  year,
  month,
  unit,
  lastYear,
  onShowProjects,
}: HeadlineCardsProps) {
  const { t } = useTranslation();
  const yoy = headlineYearOnYear(f, lastYear);
  const yoyLine = (key: keyof typeof yoy, kind: 'amount' | 'rate') => (
    <div data-testid={`yoy-${key}`}>
      {yoy[key] === null
        ? t('cockpit.yoyNone')
        : t(kind === 'amount' ? 'cockpit.yoyAmount' : 'cockpit.yoyRate', { change: yoy[key] })}
    </div>
  );
  const amount = useAmount();
  const money = (wanYuan: string) => amount.digits(wanYuan, unit, cardDecimals[unit]);
  const half = f.doubleHalf;
  const early = doubleHalfTimingLabel(half, t);
  const dash = t('cockpit.noPercent');
  const pct = (value: string | null) => (value === null ? dash : value);
  const gap = f.progressGap.value;
  const cards: {
    key: string;
    title: string;
    value: ReactNode;
    suffix?: string;
    footer: ReactNode;
    yoy?: ReactNode;
  }[] = [
    {
      key: 'planned',
      title: t('cockpit.cards.planned'),
      value: (
        <FigureExplain
          formula="plannedInvestment"
          value={f.plannedInvestment.value}
          onShowProjects={onShowProjects}
        >
          {money(f.plannedInvestment.value)}
        </FigureExplain>
      ),
      suffix: amount.unitName(unit),
      footer: (
        <FigureExplain formula="projectCount" value={f.projectCount.value} onShowProjects={onShowProjects}>
          {t('cockpit.projectCount', { count: Number(f.projectCount.value) })}
        </FigureExplain>
      ),
      yoy: yoyLine('planned', 'amount'),
    },
    {
      key: 'completedYtd',
      title: t('cockpit.cards.completedYtd'),
      value: (
        <FigureExplain formula="completedYtd" value={f.completedYtd.value} onShowProjects={onShowProjects}>
          {money(f.completedYtd.value)}
        </FigureExplain>
      ),
      suffix: amount.unitName(unit),
      footer: (
        <FigureExplain
          formula="cumulativePlan"
          value={f.cumulativePlan.value}
          onShowProjects={onShowProjects}
        >
          {t('cockpit.cumulativePlanLine', {
            value: amount.withUnit(f.cumulativePlan.value, unit, cardDecimals[unit]),
          })}
        </FigureExplain>
      ),
      yoy: yoyLine('completedYtd', 'amount'),
    },
    {
      key: 'completion',
      title: t('cockpit.cards.completion'),
      value: (
        <FigureExplain {...f.planCompletionRate} formula="planCompletionRate" onShowProjects={onShowProjects}>
          {pct(f.planCompletionRate.percent)}
        </FigureExplain>
      ),
      suffix: f.planCompletionRate.percent === null ? undefined : '%',
      footer: (
        <>
          <FigureExplain {...f.timeProgress} formula="timeProgress">
            {t('cockpit.versusTime', { time: f.timeProgress.percent })}
          </FigureExplain>{' '}
          {gap !== null && (
            <FigureExplain formula="progressGap" value={gap} onShowProjects={onShowProjects}>
              <Tag color={f.progressGap.isBehind ? 'red' : 'green'}>
                {f.progressGap.isBehind
                  ? t('cockpit.gapBehind', { gap: gap.replace('-', '') })
                  : t('cockpit.gapAhead', { gap })}
              </Tag>
            </FigureExplain>
          )}
        </>
      ),
      yoy: yoyLine('completion', 'rate'),
    },
    {
      key: 'startRate',
      title: t('cockpit.cards.startRate'),
      value: (
        <FigureExplain {...f.startRate} formula="startRate" onShowProjects={onShowProjects}>
          {pct(f.startRate.percent)}
        </FigureExplain>
      ),
      suffix: f.startRate.percent === null ? undefined : '%',
      footer: t('cockpit.startedOf', f.startRate),
      yoy: yoyLine('startRate', 'rate'),
    },
    {
      key: 'doubleHalf',
      title: t('cockpit.cards.doubleHalf', { month: f.doubleHalf.asOfMonth }),
      value: (
        <FigureExplain
          formula="doubleHalf"
          numerator={half.investment.numerator}
          denominator={half.investment.denominator}
          note={
            half.reachedMonth === null
              ? undefined
              : `${t('cockpit.reachedIn', { month: half.reachedMonth })} · ${early}`
          }
          onShowProjects={onShowProjects}
        >
          <Tag color={half.isReached ? 'green' : 'red'} style={{ fontSize: 16, padding: '2px 8px' }}>
            {half.isReached ? t('cockpit.reached') : t('cockpit.notReached')}
          </Tag>
          {half.monthsEarly !== null && half.monthsEarly > 0 && (
            <Tag color="gold" data-testid="double-half-early" style={{ fontSize: 14, padding: '1px 6px' }}>
              {early}
            </Tag>
          )}
        </FigureExplain>
      ),
      footer: t('cockpit.halfDetail', {
        investment: pct(half.investment.percent),
        start: pct(half.start.percent),
      }),
    },
    {
      key: 'timeliness',
      title: t('cockpit.cards.timeliness'),
      value: (
        <FigureExplain
          {...f.reportingTimeliness}
          formula="reportingTimeliness"
          onShowProjects={onShowProjects}
        >
          {pct(f.reportingTimeliness.percent)}
        </FigureExplain>
      ),
      suffix: f.reportingTimeliness.percent === null ? undefined : '%',
      footer: (
        <>
          <FigureExplain formula="lateCount" value={f.lateCount.value} onShowProjects={onShowProjects}>
            {t('cockpit.flags.late')} {f.lateCount.value}
          </FigureExplain>
          {' · '}
          <FigureExplain formula="missingCount" value={f.missingCount.value} onShowProjects={onShowProjects}>
            {t('cockpit.flags.missing')} {f.missingCount.value}
          </FigureExplain>
        </>
      ),
    },
    {
      key: 'warnings',
      title: t('cockpit.cards.warnings', { month: `${year}-${String(month).padStart(2, '0')}` }),
      value: (
        <FigureExplain
          formula="warnings"
          value={String(f.warnings.red + f.warnings.yellow)}
          onShowProjects={onShowProjects}
        >
          <Space size={4}>
            <Tag
              color="error"
              data-warning="red"
              style={{ fontSize: 16, padding: '2px 8px', cursor: 'pointer' }}
            >
              {t('warnings.colour.red')} {f.warnings.red}
            </Tag>
            <Tag
              color="warning"
              data-warning="yellow"
              style={{ fontSize: 16, padding: '2px 8px', cursor: 'pointer' }}
            >
              {t('warnings.colour.yellow')} {f.warnings.yellow}
            </Tag>
          </Space>
        </FigureExplain>
      ),
      footer: t('cockpit.warningsLine', { green: f.warnings.green }),
    },
  ];
  return (
    <Row gutter={[16, 16]} data-testid="cockpit-headline" data-month={month}>
      {cards.map((card) => (
        <Col key={card.key} xs={24} sm={12} xl={4}>
          <Card size="small" data-testid={`headline-${card.key}`} style={{ height: '100%' }}>
            <Statistic title={card.title} value={0} formatter={() => card.value} suffix={card.suffix} />
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {card.footer}
              {card.yoy}
            </Typography.Text>
          </Card>
        </Col>
      ))}
    </Row>
  );
}
