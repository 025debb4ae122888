import { useMemo, useState } from 'preact/hooks';
import type uPlot from 'uplot';
import type { FrontierPoint } from '../api/types.ts';
import { bestAllocation, frontierColumns } from '../charts/frontier-columns.ts';
import { formatMw, formatPercent, formatUsd, formatUsdCompact } from '../format/number.ts';
import { FrontierReadout } from './frontier-readout.tsx';
import { UplotChart } from './uplot-chart.tsx';

const MEAN_COLOR = '#1b9e77';
const P5_COLOR = '#d6457a';
const SHORTFALL_COLOR = '#6b7280';

/** The allocation frontier: mean and p5 NPV (left, USD) and shortfall probability (right, %) by MW given to AI. */
export function FrontierChart({ points }: { points: FrontierPoint[] }) {
  const [hover, setHover] = useState<number | undefined>(undefined);
  const sorted = useMemo(() => [...points].sort((a, b) => a.aiMw - b.aiMw), [points]);
  const { options, data } = useMemo(() => {
    const cols = frontierColumns(points);
    const options: Omit<uPlot.Options, 'width' | 'height'> = {
      series: [
        { label: 'AI MW' },
        { label: 'mean NPV', stroke: MEAN_COLOR, width: 2, scale: 'usd', points: { show: true, size: 7 } },
        { label: 'p5 NPV', stroke: P5_COLOR, width: 2, scale: 'usd', points: { show: true, size: 7 } },
        {
          label: 'shortfall',
          stroke: SHORTFALL_COLOR,
          width: 1.5,
          dash: [5, 4],
          scale: '%',
          points: { show: true, size: 5 },
        },
      ],
      legend: { show: false },
      cursor: { drag: { x: false, y: false } },
      scales: { x: { time: false }, usd: { auto: true }, '%': { auto: true } },
      axes: [
        { label: 'capacity given to AI/HPC (MW)', labelSize: 22 },
        {
          scale: 'usd',
          label: 'NPV (USD)',
          labelSize: 22,
          size: 70,
          values: (_u, splits) => splits.map((v) => formatUsdCompact(v)),
        },
        {
          scale: '%',
          side: 1,
          label: 'shortfall probability (%)',
          labelSize: 22,
          size: 60,
          grid: { show: false },
          values: (_u, splits) => splits.map((v) => `${v.toFixed(0)}%`),
        },
      ],
    };
    const data: uPlot.AlignedData = [cols.aiMw, cols.meanNpvUsd, cols.p5NpvUsd, cols.shortfallPct];
    return { options, data };
  }, [points]);
  const best = bestAllocation(points);
  return (
    <figure class="card chart-card">
      <figcaption>Allocation frontier: how many MW to give to AI</figcaption>
      <UplotChart options={options} data={data} label="allocation frontier" onHover={setHover} />
      <div class="legend">
        <span class="legend-item">
          <span class="line-swatch" style={{ background: MEAN_COLOR }} />
          mean NPV
        </span>
        <span class="legend-item">
          <span class="line-swatch" style={{ background: P5_COLOR }} />
          p5 NPV (bad case)
        </span>
        <span class="legend-item">
          <span class="line-swatch dashed" style={{ borderColor: SHORTFALL_COLOR }} />
          cash shortfall probability (right axis)
        </span>
        {best === undefined ? null : (
          <span class="legend-note">
            highest mean NPV at {formatMw(best.aiMw)}: {formatUsd(best.npvUsd.mean)}, shortfall{' '}
            {formatPercent(best.shortfallProbability)}
          </span>
        )}
      </div>
      <FrontierReadout point={hover === undefined ? undefined : sorted[hover]} />
    </figure>
  );
}
