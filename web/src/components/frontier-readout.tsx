import type { FrontierPoint } from '../api/types.ts';
import { formatMw, formatPercent, formatUsd } from '../format/number.ts';

/** The frontier point under the cursor: its AI MW, the variant simulated there, NPV and shortfall. */
export function FrontierReadout({ point }: { point: FrontierPoint | undefined }) {
  if (point === undefined) return <p class="readout hint">Hover the chart to read an allocation.</p>;
  return (
    <p class="readout">
      <strong>{formatMw(point.aiMw)} to AI</strong>
      <span class="hint">({point.strategy})</span>
      <span class="readout-entry">
        mean NPV <strong>{formatUsd(point.npvUsd.mean)}</strong>
      </span>
      <span class="readout-entry">
        p5 NPV <strong>{formatUsd(point.npvUsd.p5)}</strong>
      </span>
      <span class="readout-entry">
        shortfall <strong>{formatPercent(point.shortfallProbability)}</strong>
      </span>
    </p>
  );
}
