import { BarChart, HeatmapChart, PieChart } from 'echarts/charts';
import {
  GridComponent,
  LegendComponent,
  TitleComponent,
  TooltipComponent,
  VisualMapComponent,
} from 'echarts/components';
import * as echarts from 'echarts/core';
import type { EChartsCoreOption, ECElementEvent } from 'echarts/core';
import { CanvasRenderer, SVGRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';

// Only what the dashboard draws, so the bundle carries a fraction of ECharts.
echarts.use([
  BarChart,
  HeatmapChart,
  PieChart,
  GridComponent,
  LegendComponent,
  TitleComponent,
  TooltipComponent,
  VisualMapComponent,
  CanvasRenderer,
  SVGRenderer,
]);

export type ChartOption = EChartsCoreOption;
export type ChartClick = ECElementEvent;

interface EChartProps {
  option: ChartOption;
  onClick?: (event: ChartClick) => void;
  /** The chart's accessible name; ECharts' generated description follows it. */
  label: string;
  height: number;
  /** Hands the instance out for saving as an image. */
  onReady?: (chart: echarts.ECharts | null) => void;
}

/**
 * A thin React wrapper around one ECharts instance (canvas): created once, given each new option
 * whole (`notMerge`), resized with its box, disposed on unmount.
 */
export function EChart({ option, onClick, label, height, onReady }: EChartProps) {
  const box = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);
  const click = useRef(onClick);
  useEffect(() => {
    click.current = onClick;
  }, [onClick]);

  useEffect(() => {
    const element = box.current;
    if (!element) return;
    const instance = echarts.init(element, undefined, { renderer: 'canvas' });
    chart.current = instance;
    instance.on('click', (event) => click.current?.(event));
    const observer = new ResizeObserver(() => instance.resize());
    observer.observe(element);
    onReady?.(instance);
    return () => {
      observer.disconnect();
      onReady?.(null);
      instance.dispose();
      chart.current = null;
    };
    // onReady is read once: the instance lives as long as the element.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  useEffect(() => {
    chart.current?.setOption({ aria: { enabled: true }, ...option }, { notMerge: true });
  }, [option]);

  return <div ref={box} className="chart" role="img" aria-label={label} style={{ height }} />;
}

/** The option drawn as an SVG document, by a DOM-less ECharts instance (server-side rendering mode). */
export function optionToSvg(option: ChartOption, width: number, height: number): string {
  const instance = echarts.init(null, undefined, { renderer: 'svg', ssr: true, width, height });
  try {
    instance.setOption({ animation: false, ...option });
    return instance.renderToSVGString();
  } finally {
    instance.dispose();
  }
}
