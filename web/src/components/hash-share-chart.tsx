import { useMemo } from 'preact/hooks';
import type uPlot from 'uplot';
import type { Band } from '../api/types.ts';
import { fanColumns, fanSeriesIndex } from '../charts/fan-band.ts';
import { strategyColor, withAlpha } from '../charts/palette.ts';
import { formatPercent } from '../format/number.ts';
import { SeriesLegend } from './series-legend.tsx';
import { UplotChart } from './uplot-chart.tsx';

export interface HashShareChartProps {
  /** Unix seconds of each month boundary (see runTimesS). */
  xS: number[];
  series: Array<{ name: string; share: Band }>;
  networkEhPerS: Band;
}

const NETWORK_COLOR = '#6b7280';

/** Each strategy's share of network hashrate (left, %) against the network's own hashrate (right, EH/s). */
export function HashShareChart({ xS, series, networkEhPerS }: HashShareChartProps) {
  const { options, data } = useMemo(() => {
    const columns = fanColumns(
      xS,
      series.map((s) => s.share),
      100,
    );
    const network = fanColumns(xS, [networkEhPerS]);
    columns.push(network[1]!, network[2]!, network[3]!);
    const uSeries: uPlot.Series[] = [{ label: 'month' }];
    const bands: uPlot.Band[] = [];
    series.forEach((s, k) => {
      const color = strategyColor(k);
      const idx = fanSeriesIndex(k);
      uSeries.push(
        {
          label: `${s.name} p5`,
          stroke: withAlpha(color, 0.5),
          width: 1,
          scale: '%',
          points: { show: false },
        },
        { label: `${s.name} p50`, stroke: color, width: 2, scale: '%', points: { show: false } },
        {
          label: `${s.name} p95`,
          stroke: withAlpha(color, 0.5),
          width: 1,
          scale: '%',
          points: { show: false },
        },
      );
      bands.push({ series: [idx.p95, idx.p5], fill: withAlpha(color, 0.15) });
    });
    const net = fanSeriesIndex(series.length);
    uSeries.push(
      { label: 'network p5', stroke: withAlpha(NETWORK_COLOR, 0.4), width: 1, scale: 'EH/s', dash: [4, 4] },
      { label: 'network p50', stroke: NETWORK_COLOR, width: 2, scale: 'EH/s', dash: [6, 4] },
      { label: 'network p95', stroke: withAlpha(NETWORK_COLOR, 0.4), width: 1, scale: 'EH/s', dash: [4, 4] },
    );
    bands.push({ series: [net.p95, net.p5], fill: withAlpha(NETWORK_COLOR, 0.08) });
    const options: Omit<uPlot.Options, 'width' | 'height'> = {
      series: uSeries,
      bands,
      legend: { show: false },
      cursor: { drag: { x: false, y: false } },
      scales: { x: { time: true }, '%': { auto: true }, 'EH/s': { auto: true } },
      axes: [
        { label: 'month', labelSize: 22 },
        {
          scale: '%',
          label: 'share of network hashrate (%)',
          labelSize: 22,
          size: 70,
          values: (_u, splits) => splits.map((v) => formatPercent(v / 100)),
        },
        {
          scale: 'EH/s',
          side: 1,
          label: 'network hashrate (EH/s)',
          labelSize: 22,
          size: 60,
          grid: { show: false },
          values: (_u, splits) => splits.map((v) => v.toFixed(0)),
        },
      ],
    };
    return { options, data: columns as uPlot.AlignedData };
  }, [xS, series, networkEhPerS]);
  return (
    <figure class="card chart-card">
      <figcaption>Hash-rate share vs the network</figcaption>
      <UplotChart options={options} data={data} label="hash-rate share vs network" />
      <SeriesLegend
        names={series.map((s) => s.name)}
        note="dashed gray: network hashrate (right axis, EH/s) · rising share = outpacing the network"
      />
    </figure>
  );
}
