import type {
  CockpitRate,
  MapRegions,
  Screen,
  ScreenFigures,
  ScreenRanking,
  ScreenRedCounts,
} from '@tuijin/contracts';
import type { CSSProperties, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { formatAmount } from '../../lib/amount';
import { MapChart } from '../map/MapChart';
import { tileGridOption } from '../map/map-options';

/** The command-room palette: dark blue ground, light text, large type (no web fonts). */
export const screenColours = {
  ground: '#0b1a2e',
  panel: '#10243f',
  border: '#1f4b7a',
  text: '#e6f0ff',
  muted: '#8fb3d9',
  accent: '#4fc3f7',
  red: '#ff4d4f',
  black: '#bfbfbf',
};

export const screenShell: CSSProperties = {
  width: 1920,
  height: 1080,
  overflow: 'hidden',
  background: screenColours.ground,
  color: screenColours.text,
  fontFamily: '"Microsoft YaHei", "PingFang SC", "WenQuanYi Micro Hei", "Noto Sans CJK SC", sans-serif',
  display: 'flex',
  flexDirection: 'column',
  padding: '16px 24px',
  boxSizing: 'border-box',
  gap: 16,
};

/** The screen's title bar: title, period and the time of the data. */
export function ScreenHeader({
  title,
  generatedAt,
  extra,
}: {
  title: string;
  generatedAt?: string;
  extra?: ReactNode;
}) {
  const { t } = useTranslation();
  const time = generatedAt ? new Date(generatedAt).toLocaleString('zh-CN', { hour12: false }) : '—';
  return (
    <header
      style={{
        display: 'flex',
        alignItems: 'center',
        height: 72,
        borderBottom: `2px solid ${screenColours.border}`,
      }}
    >
      <h1
        style={{
          margin: 0,
          fontSize: 40,
          fontWeight: 700,
          letterSpacing: 4,
          flex: 1,
          color: screenColours.text,
        }}
      >
        {title}
      </h1>
      <div style={{ textAlign: 'right', fontSize: 20, color: screenColours.muted }}>
        <div data-testid="screen-data-time">{t('screen.dataTime', { time })}</div>
        <div>{t('screen.refreshNote')}</div>
      </div>
      {extra}
    </header>
  );
}

/** One framed panel of the screen. */
export function Panel({
  title,
  testId,
  children,
  style,
}: {
  title: string;
  testId: string;
  children: ReactNode;
  style?: CSSProperties;
}) {
  return (
    <section
      data-testid={testId}
      style={{
        background: screenColours.panel,
        border: `1px solid ${screenColours.border}`,
        borderRadius: 6,
        padding: '12px 18px',
        display: 'flex',
        flexDirection: 'column',
        minHeight: 0,
        overflow: 'hidden',
        ...style,
      }}
    >
      <h2 style={{ margin: '0 0 10px', fontSize: 26, color: screenColours.accent, fontWeight: 600 }}>
        {title}
      </h2>
      <div style={{ flex: 1, minHeight: 0 }}>{children}</div>
    </section>
  );
}

const percent = (rate: CockpitRate) => (rate.percent === null ? '—' : `${rate.percent}%`);

/** 核心指标: six headline figures in large type. */
export function FiguresPanel({ data }: { data: ScreenFigures }) {
  const { t } = useTranslation();
  const f = data.figures;
  const items: [string, string][] = [
    [t('screen.figures.projectCount'), f.projectCount.value],
    [t('screen.figures.plannedInvestment'), formatAmount(f.plannedInvestment.value, { unit: 'yiYuan' })],
    [t('screen.figures.completedYtd'), formatAmount(f.completedYtd.value, { unit: 'yiYuan' })],
    [t('screen.figures.planCompletionRate'), percent(f.planCompletionRate)],
    [t('screen.figures.timeProgress'), percent(f.timeProgress)],
    [t('screen.figures.startRate'), percent(f.startRate)],
  ];
  return (
    <Panel
      title={`${t('screen.panels.figures')} · ${t('screen.period', { year: data.year, month: data.month })}`}
      testId="screen-figures"
    >
      <div style={{ display: 'grid', gridTemplateColumns: '1fr 1fr', gap: 12 }}>
        {items.map(([label, value]) => (
          <div
            key={label}
            style={{ background: screenColours.ground, borderRadius: 4, padding: '10px 14px' }}
          >
            <div style={{ fontSize: 18, color: screenColours.muted }}>{label}</div>
            <div
              style={{
                fontSize: 40,
                fontWeight: 700,
                color: screenColours.text,
                fontVariantNumeric: 'tabular-nums',
              }}
            >
              {value}
            </div>
          </div>
        ))}
      </div>
    </Panel>
  );
}

/** 考评排名: rank, region and points, red/black list marked. */
export function RankingPanel({ data }: { data: ScreenRanking | null }) {
  const { t } = useTranslation();
  return (
    <Panel title={t('screen.panels.ranking')} testId="screen-ranking">
      {data === null ? (
        <div style={{ fontSize: 22, color: screenColours.muted }}>{t('screen.ranking.none')}</div>
      ) : (
        <>
          <div style={{ fontSize: 18, color: screenColours.muted, marginBottom: 6 }}>
            {t('screen.ranking.quarter', { quarter: data.quarter, scheme: data.schemeName })}
          </div>
          <table style={{ width: '100%', fontSize: 22, borderCollapse: 'collapse' }}>
            <tbody>
              {data.entries.slice(0, 12).map((e) => (
                <tr key={e.code} style={{ height: 38, borderBottom: `1px solid ${screenColours.border}` }}>
                  <td style={{ width: 56, fontWeight: 700, color: screenColours.accent }}>{e.rank}</td>
                  <td>{e.name}</td>
                  <td style={{ textAlign: 'right', fontVariantNumeric: 'tabular-nums' }}>{e.total}</td>
                  <td
                    style={{
                      width: 70,
                      textAlign: 'right',
                      color: e.list === 'red' ? screenColours.red : screenColours.black,
                    }}
                  >
                    {e.list ? t(`screen.ranking.${e.list}`) : ''}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </Panel>
  );
}

/** 各地红灯项目数: a bar per region (counts only). */
export function RedCountsPanel({ data }: { data: ScreenRedCounts }) {
  const { t } = useTranslation();
  const max = Math.max(1, ...data.regions.map((r) => r.red));
  return (
    <Panel
      title={`${t('screen.panels.redCounts')} · ${t('screen.redCounts.month', { month: data.month })}`}
      testId="screen-red-counts"
    >
      <div style={{ fontSize: 20, marginBottom: 8 }}>{t('screen.redCounts.total', data.counts)}</div>
      {data.regions.map((r) => (
        <div
          key={r.code}
          style={{ display: 'flex', alignItems: 'center', gap: 10, height: 30, fontSize: 20 }}
        >
          <span style={{ width: 150, whiteSpace: 'nowrap', overflow: 'hidden' }}>{r.name}</span>
          <span style={{ flex: 1, background: screenColours.ground, height: 16, borderRadius: 3 }}>
            <span
              style={{
                display: 'block',
                width: `${(r.red / max) * 100}%`,
                height: '100%',
                background: screenColours.red,
                borderRadius: 3,
              }}
            />
          </span>
          <span style={{ width: 40, textAlign: 'right', fontWeight: 700 }}>{r.red}</span>
        </div>
      ))}
    </Panel>
  );
}

/** 地图: the map page's schematic tile grid, shaded by plan completion, without points. */
export function MapPanel({ data, height }: { data: MapRegions; height: number }) {
  const { t } = useTranslation();
  const { option } = tileGridOption(data.tiles, [], 'planCompletionRate', () => screenColours.accent, {
    tileName: (tile) => (tile.kind === 'regionSelf' ? t('screen.map.self', { name: tile.name }) : tile.name),
    noValue: t('screen.map.noValue'),
    low: t('screen.map.low'),
    high: t('screen.map.high'),
    pointTooltip: () => '',
  });
  const visualMap = (option as { visualMap: Record<string, unknown> }).visualMap;
  const dark = {
    ...option,
    visualMap: { ...visualMap, textStyle: { color: screenColours.text, fontSize: 16 } },
  };
  return (
    <Panel title={t('screen.panels.map')} testId="screen-map">
      <MapChart
        option={dark}
        height={height}
        ariaLabel={t('screen.panels.map')}
        testId="screen-map-chart"
        onClick={() => {}}
      />
    </Panel>
  );
}

type RedProjects = Screen['redProjects'];
type OverdueProblems = Screen['overdueProblems'];

const rowStyle: CSSProperties = {
  display: 'flex',
  justifyContent: 'space-between',
  gap: 12,
  fontSize: 20,
  height: 36,
  alignItems: 'center',
  borderBottom: `1px solid ${screenColours.border}`,
};
const nameStyle: CSSProperties = {
  whiteSpace: 'nowrap',
  overflow: 'hidden',
  textOverflow: 'ellipsis',
  flex: 1,
};

/** 红灯项目 (authenticated screen only). */
export function RedProjectsPanel({ data, total }: { data: RedProjects; total: number }) {
  const { t } = useTranslation();
  return (
    <Panel title={t('screen.panels.redProjects')} testId="screen-red-projects">
      {data.length === 0 && (
        <div style={{ fontSize: 20, color: screenColours.muted }}>{t('screen.redProjects.none')}</div>
      )}
      {data.map((p) => (
        <div key={p.projectId} style={rowStyle}>
          <span style={{ color: screenColours.red }}>●</span>
          <span style={nameStyle}>{p.projectName}</span>
          <span style={{ color: screenColours.muted }}>{p.regionName}</span>
        </div>
      ))}
      {total > data.length && (
        <div style={{ fontSize: 16, color: screenColours.muted, marginTop: 6 }}>
          {t('screen.redProjects.more', { count: total, shown: data.length })}
        </div>
      )}
    </Panel>
  );
}

/** 逾期问题 (authenticated screen only). */
export function OverduePanel({ data }: { data: OverdueProblems }) {
  const { t } = useTranslation();
  return (
    <Panel
      title={`${t('screen.panels.overdueProblems')} · ${t('screen.overdue.total', { count: data.total })}`}
      testId="screen-overdue"
    >
      {data.data.length === 0 && (
        <div style={{ fontSize: 20, color: screenColours.muted }}>{t('screen.overdue.none')}</div>
      )}
      {data.data.map((p) => (
        <div key={p.id} style={rowStyle}>
          <span style={nameStyle}>
            {p.projectName} · {p.category}
          </span>
          <span style={{ color: screenColours.red, whiteSpace: 'nowrap' }}>
            {t('screen.overdue.days', { days: p.overdueDays ?? 0 })}
          </span>
        </div>
      ))}
    </Panel>
  );
}
