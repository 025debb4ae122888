import { type Columns, fanReadout } from '../charts/fan-band.ts';
import { strategyColor } from '../charts/palette.ts';

const monthLabel = new Intl.DateTimeFormat('en-US', { month: 'short', year: 'numeric', timeZone: 'UTC' });

/** The values under the cursor of a fan chart: month, then each series' median and p5–p95 range. */
export function ChartReadout({
  columns,
  names,
  index,
  format,
}: {
  columns: Columns;
  names: string[];
  index: number | undefined;
  format: (value: number) => string;
}) {
  const x = index === undefined ? undefined : columns[0][index];
  if (index === undefined || x === undefined)
    return <p class="readout hint">Hover the chart to read a month.</p>;
  return (
    <p class="readout">
      <strong>{monthLabel.format(new Date(x * 1000))}</strong>
      {fanReadout(columns, names, index, format).map((entry, k) => (
        <span key={entry.name} class="readout-entry">
          <span class="dot" style={{ background: strategyColor(k) }} />
          {entry.name} <strong>{entry.p50}</strong> <span class="hint">({entry.range})</span>
        </span>
      ))}
    </p>
  );
}
