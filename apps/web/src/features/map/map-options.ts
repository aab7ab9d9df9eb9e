import type { MapIndicator, MapPoint, MapTile } from '@tuijin/contracts';
import { extentOf, layoutTileGrid, type ProjectStage, placeInTile } from '@tuijin/domain';
import type { EChartsCoreOption } from 'echarts/core';
import { formatAmount } from '../../lib/amount';

/** One colour per lifecycle stage (points), in stage order. */
export const stageColours: Record<ProjectStage, string> = {
  conceived: '#b37feb',
  reserve: '#8c8c8c',
  preparing: '#faad14',
  started: '#13c2c2',
  underway: '#1677ff',
  completed: '#52c41a',
  operating: '#237804',
  dropped: '#595959',
};

export const warningColours = { red: '#f5222d', yellow: '#fadb14', green: '#52c41a', none: '#bfbfbf' };

/** The value a tile is shaded by (null when the indicator has no figure, e.g. no plan). */
export function indicatorValue(tile: MapTile, indicator: MapIndicator): number | null {
  switch (indicator) {
    case 'projectCount':
      return tile.projectCount;
    case 'totalInvestment':
      return Number(tile.totalInvestmentWanYuan);
    case 'completedYtd':
      return Number(tile.completedYtdWanYuan);
    case 'planCompletionRate':
      return tile.planCompletionRate.percent === null ? null : Number(tile.planCompletionRate.percent);
  }
}

/** The figure as shown on a tile and in tooltips: a region's amounts in 亿元 (two decimals), rates with a percent sign. */
export function indicatorText(tile: MapTile, indicator: MapIndicator, noValue: string): string {
  switch (indicator) {
    case 'projectCount':
      return String(tile.projectCount);
    case 'totalInvestment':
      return formatAmount(tile.totalInvestmentWanYuan, { unit: 'yiYuan' });
    case 'completedYtd':
      return formatAmount(tile.completedYtdWanYuan, { unit: 'yiYuan' });
    case 'planCompletionRate':
      return tile.planCompletionRate.percent === null ? noValue : `${tile.planCompletionRate.percent}%`;
  }
}

export interface MapTexts {
  tileName: (tile: MapTile) => string;
  noValue: string;
  low: string;
  high: string;
  pointTooltip: (point: MapPoint) => string;
}

const shadeRange = ['#e6f4ff', '#91caff', '#1677ff', '#003eb3'];

function visualMap(values: (number | null)[], texts: MapTexts, dimension?: number) {
  const present = values.filter((v): v is number => v !== null && Number.isFinite(v));
  const max = Math.max(1, ...present);
  return {
    type: 'continuous',
    seriesIndex: 0,
    ...(dimension === undefined ? {} : { dimension }),
    min: 0,
    max,
    text: [texts.high, texts.low],
    inRange: { color: shadeRange },
    outOfRange: { color: '#f0f0f0' },
    orient: 'horizontal',
    left: 'center',
    bottom: 0,
    calculable: false,
  };
}

/** Which tile a point falls in: the tile whose region is the point's or above it, else the 本级 tile. */
function tileOfPoint(point: MapPoint, tiles: MapTile[]): MapTile | undefined {
  return (
    tiles.find(
      (t) =>
        t.kind === 'region' && (point.regionPath === t.path || point.regionPath.startsWith(`${t.path}.`)),
    ) ?? tiles.find((t) => t.kind === 'regionSelf' && t.code === point.regionCode)
  );
}

/** Pixel size of one tile, so the grid stays square and fits a page. */
export const tileSize = (columns: number) => (columns <= 4 ? 150 : Math.max(56, Math.floor(720 / columns)));

/**
 * The schematic grid: each region a square tile (laid out by the domain's `layoutTileGrid`),
 * shaded by the indicator and labelled with its name and figure; each project with coordinates a
 * dot inside its region's tile (`placeInTile`), coloured by `pointColour`.
 */
export function tileGridOption(
  tiles: MapTile[],
  points: MapPoint[],
  indicator: MapIndicator,
  pointColour: (point: MapPoint) => string,
  texts: MapTexts,
): { option: EChartsCoreOption; height: number } {
  const keyOf = (tile: MapTile) => `${tile.kind}:${tile.code}`;
  const grid = layoutTileGrid(
    tiles.map((t) => ({ code: keyOf(t), sortOrder: t.sortOrder, centre: t.centre })),
  );
  const place = new Map(grid.tiles.map((p) => [p.code, p]));
  const size = tileSize(grid.columns);
  const byTile = new Map<string, MapPoint[]>();
  for (const point of points) {
    const tile = tileOfPoint(point, tiles);
    if (tile) byTile.set(keyOf(tile), [...(byTile.get(keyOf(tile)) ?? []), point]);
  }
  const dots = [];
  for (const tile of tiles) {
    const inTile = byTile.get(keyOf(tile)) ?? [];
    const extent = extentOf(inTile.map((p) => [p.longitude, p.latitude] as [number, number]));
    const at = place.get(keyOf(tile))!;
    for (const point of inTile)
      dots.push({
        value: placeInTile([point.longitude, point.latitude], extent!, at, 0.22),
        pointId: point.id,
        name: point.name,
        itemStyle: { color: pointColour(point) },
        tooltipText: texts.pointTooltip(point),
      });
  }
  const values = tiles.map((tile) => indicatorValue(tile, indicator));
  const tileData = tiles.map((tile, i) => {
    const at = place.get(keyOf(tile))!;
    return {
      value: [at.column, at.row, values[i] ?? '-'],
      regionCode: tile.kind === 'region' ? tile.code : undefined,
      label: `${texts.tileName(tile)}\n${indicatorText(tile, indicator, texts.noValue)}`,
      tooltipText: `${texts.tileName(tile)}：${indicatorText(tile, indicator, texts.noValue)}`,
    };
  });
  const option: EChartsCoreOption = {
    animation: false,
    tooltip: { formatter: (p: { data?: { tooltipText?: string } }) => p.data?.tooltipText ?? '' },
    grid: { left: 'center', top: 8, width: size * grid.columns, height: size * grid.rows },
    xAxis: { type: 'value', min: 0, max: grid.columns, show: false },
    yAxis: { type: 'value', min: 0, max: grid.rows, inverse: true, show: false },
    visualMap: visualMap(values, texts, 2),
    series: [
      {
        type: 'custom',
        name: 'tiles',
        data: tileData,
        encode: { x: 0, y: 1 },
        renderItem: (
          params: { dataIndex: number },
          api: {
            value: (d: number) => number;
            coord: (v: number[]) => number[];
            visual: (k: string) => string;
          },
        ) => {
          const column = api.value(0);
          const row = api.value(1);
          const [x0, y0] = api.coord([column + 0.03, row + 0.03]) as [number, number];
          const [x1, y1] = api.coord([column + 0.97, row + 0.97]) as [number, number];
          const hasValue = Number.isFinite(api.value(2));
          return {
            type: 'group',
            children: [
              {
                type: 'rect',
                shape: { x: x0, y: y0, width: x1 - x0, height: y1 - y0, r: 4 },
                style: { fill: hasValue ? api.visual('color') : '#f0f0f0', stroke: '#d9d9d9', lineWidth: 1 },
              },
              {
                type: 'text',
                silent: true,
                style: {
                  text: tileData[params.dataIndex]?.label ?? '',
                  x: x0 + 6,
                  y: y0 + 5,
                  fill: '#141414',
                  fontSize: 12,
                  lineHeight: 15,
                  textBackgroundColor: 'rgba(255,255,255,0.75)',
                  padding: [1, 3],
                },
              },
            ],
          };
        },
      },
      {
        type: 'scatter',
        name: 'points',
        symbolSize: 9,
        z: 3,
        itemStyle: { borderColor: '#fff', borderWidth: 1 },
        data: dots,
      },
    ],
  };
  return { option, height: size * grid.rows + 60 };
}

/**
 * The uploaded boundary map (registered under `mapName`): regions shaded by the indicator through a
 * map series on the geo component, labelled with their names, and the projects as dots at their
 * real coordinates.
 */
export function geoOption(
  mapName: string,
  names: Map<string, string>,
  tiles: MapTile[],
  points: MapPoint[],
  indicator: MapIndicator,
  pointColour: (point: MapPoint) => string,
  texts: MapTexts,
): EChartsCoreOption {
  const values = tiles.map((tile) => indicatorValue(tile, indicator));
  return {
    animation: false,
    tooltip: {
      formatter: (p: { componentType?: string; name?: string; data?: { tooltipText?: string } }) =>
        p.data?.tooltipText ?? (p.name ? (names.get(p.name) ?? p.name) : ''),
    },
    geo: {
      map: mapName,
      nameProperty: 'code',
      roam: true,
      top: 10,
      bottom: 50,
      label: {
        show: true,
        fontSize: 12,
        color: '#141414',
        backgroundColor: 'rgba(255,255,255,0.8)',
        padding: [2, 4],
        borderRadius: 2,
        formatter: (p: { name: string }) => names.get(p.name) ?? '',
      },
      itemStyle: { areaColor: '#f0f0f0', borderColor: '#8c8c8c' },
      emphasis: { label: { show: true }, itemStyle: { areaColor: '#ffe58f' } },
    },
    visualMap: visualMap(values, texts),
    series: [
      {
        type: 'map',
        geoIndex: 0,
        data: tiles
          .filter((tile) => tile.kind === 'region')
          .map((tile) => ({
            name: tile.code,
            value: indicatorValue(tile, indicator) ?? '-',
            regionCode: tile.code,
            tooltipText: `${texts.tileName(tile)}：${indicatorText(tile, indicator, texts.noValue)}`,
          })),
      },
      {
        type: 'scatter',
        coordinateSystem: 'geo',
        symbolSize: 9,
        z: 3,
        itemStyle: { borderColor: '#fff', borderWidth: 1 },
        data: points.map((point) => ({
          value: [point.longitude, point.latitude],
          pointId: point.id,
          name: point.name,
          itemStyle: { color: pointColour(point) },
          tooltipText: texts.pointTooltip(point),
        })),
      },
    ],
  };
}
