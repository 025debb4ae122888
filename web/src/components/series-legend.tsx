import { strategyColor, withAlpha } from '../charts/palette.ts';

/** A static legend: one swatch per strategy showing its band and median line. */
export function SeriesLegend({ names, note }: { names: string[]; note?: string }) {
  return (
    <div class="legend">
      {names.map((name, i) => (
        <span class="legend-item" key={name}>
          <span
            class="swatch"
            style={{ background: withAlpha(strategyColor(i), 0.25), borderColor: strategyColor(i) }}
          />
          {name}
        </span>
      ))}
      {note === undefined ? null : <span class="legend-note">{note}</span>}
    </div>
  );
}
