import { useMemo, useState } from 'preact/hooks';
import type uPlot from 'uplot';
import type { Band } from '../api/types.ts';
import { fanColumns, fanSeriesIndex } from '../charts/fan-band.ts';
import { strategyColor, withAlpha } from '../charts/palette.ts';
import { ChartReadout } from './chart-readout.tsx';
import { SeriesLegend } from './series-legend.tsx';
import { UplotChart } from './uplot-chart.tsx';

export interface FanChartProps {
  title: string;
  /** y axis title with its unit, e.g. `NPV (USD)`. */
  yLabel: string;
  /** Unix seconds of each month boundary (see runTimesS). */
  xS: number[];
  series: Array<{ name: string; band: Band }>;
  /** Axis tick format. */
  format: (value: number) => string;
  /** Format of the hover readout (default: the axis format). */
  readoutFormat?: (value: number) => string;
  /** Multiplier applied to every value (100 for shares shown in percent). */
  scale?: number;
}

/** Fan chart: per strategy a p5–p95 band and the p50 line over the months of the simulation. */
export function FanChart({ title, yLabel, xS, series, format, readoutFormat, scale = 1 }: FanChartProps) {
  const [hover, setHover] = useState<number | undefined>(undefined);
  const { options, data, columns } = useMemo(() => {
    const columns = fanColumns(
      xS,
      series.map((s) => s.band),
      scale,
    );
    const uSeries: uPlot.Series[] = [{ label: 'month' }];
    const bands: uPlot.Band[] = [];
    series.forEach((s, k) => {
      const color = strategyColor(k);
      const idx = fanSeriesIndex(k);
      uSeries.push(
        { label: `${s.name} p5`, stroke: withAlpha(color, 0.5), width: 1, points: { show: false } },
        { label: `${s.name} p50`, stroke: color, width: 2, points: { show: false } },
        { label: `${s.name} p95`, stroke: withAlpha(color, 0.5), width: 1, points: { show: false } },
      );
      bands.push({ series: [idx.p95, idx.p5], fill: withAlpha(color, 0.15) });
    });
    const options: Omit<uPlot.Options, 'width' | 'height'> = {
      series: uSeries,
      bands,
      legend: { show: false },
      cursor: { drag: { x: false, y: false } },
      scales: { x: { time: true } },
      axes: [
        { label: 'month', labelSize: 22 },
        {
          label: yLabel,
          labelSize: 22,
          size: 70,
          values: (_u, splits) => splits.map((v) => format(v)),
        },
      ],
    };
    return { options, data: columns as uPlot.AlignedData, columns };
  }, [xS, series, format, scale, yLabel]);
  return (
    <figure class="card chart-card">
      <figcaption>{title}</figcaption>
      <UplotChart options={options} data={data} label={title} onHover={setHover} />
      <SeriesLegend names={series.map((s) => s.name)} note="band: p5–p95 of paths · line: median (p50)" />
      <ChartReadout
        columns={columns}
        names={series.map((s) => s.name)}
        index={hover}
        format={readoutFormat ?? format}
      />
    </figure>
  );
}
