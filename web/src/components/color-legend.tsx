import { cssColorAt, type Domain } from '../charts/color-scale.ts';

/** Horizontal color ramp with its end values; `≤`/`≥` where the domain clips outliers. */
export function ColorLegend({
  domain,
  format,
  label,
}: {
  domain: Domain;
  format: (v: number) => string;
  label: string;
}) {
  const stops = Array.from({ length: 11 }, (_, i) => `${cssColorAt(i / 10)} ${i * 10}%`).join(', ');
  return (
    <div class="color-legend" title={`color scale: ${label}`}>
      <span class="color-legend-label">{label}</span>
      <span class="color-legend-end">
        {domain.clippedLow ? '≤ ' : ''}
        {format(domain.lo)}
      </span>
      <span class="color-ramp" style={{ background: `linear-gradient(to right, ${stops})` }} />
      <span class="color-legend-end">
        {domain.clippedHigh ? '≥ ' : ''}
        {format(domain.hi)}
      </span>
      <span class="color-legend-end">
        <span class="no-data-swatch" /> no data
      </span>
    </div>
  );
}
