import { CustomChart, MapChart as MapSeries, ScatterChart } from 'echarts/charts';
import { GeoComponent, GridComponent, TooltipComponent, VisualMapComponent } from 'echarts/components';
import { type ECharts, type EChartsCoreOption, init, use } from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';

use([
  CustomChart,
  MapSeries,
  ScatterChart,
  GeoComponent,
  GridComponent,
  TooltipComponent,
  VisualMapComponent,
  CanvasRenderer,
]);

/** What was clicked: a project point (its id) or a region (its code). */
export type MapClick = { kind: 'point'; id: string } | { kind: 'region'; code: string };

interface MapChartProps {
  option: EChartsCoreOption;
  height: number;
  ariaLabel: string;
  testId: string;
  onClick: (click: MapClick) => void;
}

/**
 * The map's ECharts canvas (tree-shaken `echarts/core`: custom tiles, geo/map, scatter, visual
 * map). Everything drawn comes from the option — no tiles, fonts or scripts are fetched. Clicks on
 * items whose data carries `pointId` or `regionCode` are reported.
 */
export function MapChart({ option, height, ariaLabel, testId, onClick }: MapChartProps) {
  const box = useRef<HTMLDivElement>(null);
  const chart = useRef<ECharts | null>(null);
  const clickRef = useRef(onClick);
  clickRef.current = onClick;

  useEffect(() => {
    const element = box.current;
    if (!element) return;
    const instance = init(element, undefined, { renderer: 'canvas' });
    chart.current = instance;
    const resize = new ResizeObserver(() => instance.resize());
    resize.observe(element);
    instance.on('click', (params) => {
      const { data, componentType, name } = params as {
        data?: { pointId?: string; regionCode?: string };
        componentType?: string;
        name?: string;
      };
      // A geo component's regions are named by their code (`nameProperty: 'code'`).
      if (componentType === 'geo' && name) clickRef.current({ kind: 'region', code: name });
      else if (data?.pointId) clickRef.current({ kind: 'point', id: data.pointId });
      else if (data?.regionCode) clickRef.current({ kind: 'region', code: data.regionCode });
    });
    return () => {
      resize.disconnect();
      instance.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    chart.current?.setOption(option, true);
  }, [option]);

  return (
    <div ref={box} role="img" aria-label={ariaLabel} data-testid={testId} style={{ height, width: '100%' }} />
  );
}
