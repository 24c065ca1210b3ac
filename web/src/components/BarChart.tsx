import { BarChart as Bars } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';

// Only the parts of ECharts a bar chart needs, so the reports chunk stays small.
echarts.use([Bars, GridComponent, LegendComponent, TooltipComponent, SVGRenderer]);

export interface Series {
  readonly name: string;
  readonly values: readonly number[];
}

export function BarChart({
  categories,
  series,
  label,
  format,
}: {
  categories: readonly string[];
  series: readonly Series[];
  /** What the chart shows, for screen readers (the table beside it holds the figures). */
  label: string;
  format: (value: number) => string;
}) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (ref.current === null) return;
    const chart = echarts.init(ref.current, undefined, { renderer: 'svg', locale: 'EN' });
    chart.setOption({
      tooltip: { trigger: 'axis', valueFormatter: (v: number) => format(v) },
      legend: { top: 0 },
      grid: { left: 8, right: 16, bottom: 8, top: 40, containLabel: true },
      xAxis: {
        type: 'category',
        data: categories,
        axisLabel: { interval: 0, rotate: categories.length > 6 ? 30 : 0 },
      },
      yAxis: { type: 'value', axisLabel: { formatter: (v: number) => format(v) } },
      series: series.map((s) => ({ name: s.name, type: 'bar', data: s.values })),
    });
    const resize = () => chart.resize();
    window.addEventListener('resize', resize);
    return () => {
      window.removeEventListener('resize', resize);
      chart.dispose();
    };
  }, [categories, series, format]);
  return <div ref={ref} role="img" aria-label={label} style={{ width: '100%', height: 360 }} />;
}
