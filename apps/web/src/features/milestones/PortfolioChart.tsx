import type { MilestonePortfolio } from '@tuijin/contracts';
import { type MouseEvent, type Ref, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { chartFont, Diamond, Legend, type LegendEntry, MonthGrid, TodayLine } from './ChartParts';
import { chartColours, type NodeTone } from './gantt-geometry';
import { layoutPortfolio, portfolioMetrics } from './portfolio-layout';
import { useElementWidth } from './use-element-width';

const toneColours: Record<NodeTone, string> = {
  open: chartColours.open,
  done: chartColours.done,
  overdue: chartColours.overdue,
};

/** The address of a project's 节点计划 tab. */
export const projectMilestonesPath = (projectId: string) => `/projects/${projectId}?tab=milestones`;

interface PortfolioChartProps {
  portfolio: MilestonePortfolio;
  svgRef: Ref<SVGSVGElement>;
}

/**
 * 时间节点图 of a page of projects on one time axis: each project's span as a thin line, each node a
 * hollow diamond on its planned date (red when late) and a filled one on its actual date; the project
 * name opens its 节点计划 tab. Scrolls sideways inside its box below 720 px.
 */
export function PortfolioChart({ portfolio, svgRef }: PortfolioChartProps) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [box, width] = useElementWidth<HTMLDivElement>();
  const layout = useMemo(
    () => layoutPortfolio(portfolio.data, portfolio.today, width || portfolioMetrics.minWidth),
    [portfolio, width],
  );
  const centre = portfolioMetrics.rowHeight / 2;
  const legend: LegendEntry[] = [
    { kind: 'diamond', colour: chartColours.open, isFilled: false, label: t('milestones.gantt.legendPlan') },
    { kind: 'diamond', colour: chartColours.done, isFilled: true, label: t('milestones.gantt.legendActual') },
    {
      kind: 'diamond',
      colour: chartColours.overdue,
      isFilled: false,
      label: t('milestones.gantt.legendOverdue'),
    },
    { kind: 'line', colour: chartColours.today, dashed: true, label: t('milestones.gantt.today') },
  ];
  const open = (event: MouseEvent, projectId: string) => {
    if (event.metaKey || event.ctrlKey || event.shiftKey || event.button !== 0) return;
    event.preventDefault();
    navigate(projectMilestonesPath(projectId));
  };

  return (
    <div ref={box} className="tj-chart-scroll" data-testid="milestone-portfolio-chart">
      <svg
        ref={svgRef}
        xmlns="http://www.w3.org/2000/svg"
        viewBox={`0 0 ${layout.width} ${layout.height}`}
        width={layout.width}
        height={layout.height}
        fontFamily={chartFont}
        fontSize={12}
        role="img"
        aria-label={t('milestones.portfolio.title')}
      >
        <rect width={layout.width} height={layout.height} fill="#ffffff" />
        <text x={8} y={18} fontSize={14} fontWeight={600} fill={chartColours.text}>
          {t('milestones.portfolio.chartTitle', { date: portfolio.today })}
        </text>
        <Legend x={8} y={34} entries={legend} />
        <MonthGrid
          ticks={layout.ticks}
          width={layout.width}
          axisY={layout.axisY}
          plotTop={layout.plotTop}
          plotBottom={layout.plotBottom}
        />
        {layout.rows.map((row, index) => {
          const project = portfolio.data[index];
          const y = row.y + centre;
          return (
            <g key={row.projectId} data-testid="portfolio-row" data-overdue={row.hasOverdue}>
              <line
                x1={0}
                x2={layout.width}
                y1={row.y + portfolioMetrics.rowHeight}
                y2={row.y + portfolioMetrics.rowHeight}
                stroke={chartColours.grid}
              />
              <a
                href={projectMilestonesPath(row.projectId)}
                onClick={(event) => open(event, row.projectId)}
                data-testid="portfolio-project"
              >
                <title>
                  {project
                    ? t('milestones.portfolio.tipProject', {
                        name: row.name,
                        region: project.regionName,
                        status: t(`milestones.planStatus.${project.status}`),
                      })
                    : row.name}
                </title>
                <text x={8} y={y + 4} fill={row.hasOverdue ? chartColours.overdue : '#1677ff'}>
                  {row.label}
                </text>
              </a>
              {row.span && (
                <rect
                  x={row.span.x}
                  y={y - 1.5}
                  width={row.span.width}
                  height={3}
                  rx={1.5}
                  fill={chartColours.axis}
                />
              )}
              {row.markers.map((marker) => {
                const tip = marker.actualOn
                  ? t('milestones.portfolio.tipReached', {
                      name: marker.name,
                      planned: marker.plannedOn,
                      actual: marker.actualOn,
                    })
                  : t('milestones.portfolio.tipPlanned', { name: marker.name, planned: marker.plannedOn });
                return (
                  <g key={marker.code} data-tone={marker.tone}>
                    {(marker.actualX === null || marker.actualOn !== marker.plannedOn) && (
                      <Diamond
                        x={marker.plannedX}
                        y={y}
                        size={5}
                        colour={marker.actualX === null ? toneColours[marker.tone] : chartColours.baseline}
                        isFilled={false}
                      >
                        <title>{tip}</title>
                      </Diamond>
                    )}
                    {marker.actualX !== null && (
                      <Diamond x={marker.actualX} y={y} size={5} colour={toneColours.done}>
                        <title>{tip}</title>
                      </Diamond>
                    )}
                  </g>
                );
              })}
            </g>
          );
        })}
        <TodayLine x={layout.todayX} top={layout.axisY} bottom={layout.plotBottom} />
      </svg>
    </div>
  );
}
