import { BarChart, FunnelChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import { type ECharts, type EChartsCoreOption, init, use } from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';

use([BarChart, LineChart, FunnelChart, GridComponent, TooltipComponent, LegendComponent, CanvasRenderer]);

/** Where a click landed: the category (x-axis index) under the pointer, or the funnel item clicked. */
export interface ChartClick {
  dataIndex: number;
}

interface EChartProps {
  option: EChartsCoreOption;
  height?: number;
  /**
   * Called with the category index of a click anywhere in a category's column of the grid (not only
   * on a bar, so a region with a zero value can be opened too), or the item of a funnel.
   */
  onClick?: (click: ChartClick) => void;
  ariaLabel: string;
  testId?: string;
}

/**
 * A small React wrapper around tree-shaken `echarts/core` (bar, line, funnel; canvas renderer):
 * creates the chart once, replaces the option when it changes, resizes with its box and disposes
 * on unmount. Nothing is fetched at run time (no map tiles, no CDN).
 */
export function EChart({ option, height = 300, onClick, ariaLabel, testId }: EChartProps) {
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
    instance.getZr().on('click', (event) => {
      const point = [event.offsetX, event.offsetY];
      if (!clickRef.current || !instance.containPixel('grid', point)) return;
      // The grid answers [x, y] in data terms; on a category axis x is the category's index.
      const value: unknown = instance.convertFromPixel({ gridIndex: 0 }, point);
      const index = Math.round(Array.isArray(value) ? Number(value[0]) : Number.NaN);
      if (Number.isInteger(index) && index >= 0) clickRef.current({ dataIndex: index });
    });
    instance.on('click', { seriesType: 'funnel' }, (params) => {
      const { dataIndex } = params as { dataIndex: number };
      clickRef.current?.({ dataIndex });
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
    <div
      ref={box}
      role="img"
      aria-label={ariaLabel}
      data-testid={testId}
      style={{ height, width: '100%', cursor: onClick ? 'pointer' : 'default' }}
    />
  );
}
