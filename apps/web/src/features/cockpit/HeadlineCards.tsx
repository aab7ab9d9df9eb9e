import type { CockpitFigures, CockpitMeasure } from '@tuijin/contracts';
import { Card, Col, Row, Space, Statistic, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { roundDecimal } from '../projects/money';
import { FigureExplain } from './FigureExplain';

interface HeadlineCardsProps {
  figures: CockpitFigures;
  year: number;
  month: number;
  onShowProjects: (measure: CockpitMeasure) => void;
}

/** The headline figures of the region: plan, completed, completion vs time, starts, 双过半, timeliness. */
export function HeadlineCards({ figures: f, year, month, onShowProjects }: HeadlineCardsProps) {
  const { t } = useTranslation();
  const dash = t('cockpit.noPercent');
  const pct = (value: string | null) => (value === null ? dash : value);
  const gap = f.progressGap.value;
  const cards = [
    {
      key: 'planned',
      title: t('cockpit.cards.planned'),
      value: (
        <FigureExplain
          formula="plannedInvestment"
          value={f.plannedInvestment.value}
          onShowProjects={onShowProjects}
        >
          {roundDecimal(f.plannedInvestment.value, 0, 0)}
        </FigureExplain>
      ),
      suffix: t('cockpit.wanYuan'),
      footer: (
        <FigureExplain formula="projectCount" value={f.projectCount.value} onShowProjects={onShowProjects}>
          {t('cockpit.projectCount', { count: Number(f.projectCount.value) })}
        </FigureExplain>
      ),
    },
    {
      key: 'completedYtd',
      title: t('cockpit.cards.completedYtd'),
      value: (
        <FigureExplain formula="completedYtd" value={f.completedYtd.value} onShowProjects={onShowProjects}>
          {roundDecimal(f.completedYtd.value, 0, 0)}
        </FigureExplain>
      ),
      suffix: t('cockpit.wanYuan'),
      footer: (
        <FigureExplain
          formula="cumulativePlan"
          value={f.cumulativePlan.value}
          onShowProjects={onShowProjects}
        >
          {t('cockpit.cumulativePlanLine', { value: roundDecimal(f.cumulativePlan.value, 0, 0) })}
        </FigureExplain>
      ),
    },
    {
      key: 'completion',
      title: t('cockpit.cards.completion'),
      value: (
        <FigureExplain {...f.planCompletion} formula="planCompletion" onShowProjects={onShowProjects}>
          {pct(f.planCompletion.percent)}
        </FigureExplain>
      ),
      suffix: f.planCompletion.percent === null ? undefined : '%',
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
    },
    {
      key: 'doubleHalf',
      title: t('cockpit.cards.doubleHalf', { month: f.doubleHalf.asOfMonth }),
      value: (
        <FigureExplain
          formula="doubleHalf"
          numerator={f.doubleHalf.investment.numerator}
          denominator={f.doubleHalf.investment.denominator}
          onShowProjects={onShowProjects}
        >
          <Tag color={f.doubleHalf.isReached ? 'green' : 'red'} style={{ fontSize: 16, padding: '2px 8px' }}>
            {f.doubleHalf.isReached ? t('cockpit.reached') : t('cockpit.notReached')}
          </Tag>
        </FigureExplain>
      ),
      footer: t('cockpit.halfDetail', {
        investment: pct(f.doubleHalf.investment.percent),
        start: pct(f.doubleHalf.start.percent),
      }),
    },
    {
      key: 'timeliness',
      title: t('cockpit.cards.timeliness'),
      value: (
        <FigureExplain {...f.timeliness} formula="timeliness" onShowProjects={onShowProjects}>
          {pct(f.timeliness.percent)}
        </FigureExplain>
      ),
      suffix: f.timeliness.percent === null ? undefined : '%',
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
            </Typography.Text>
          </Card>
        </Col>
      ))}
    </Row>
  );
}
