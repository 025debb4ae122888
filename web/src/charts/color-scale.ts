/** Sequential color scale for heatmaps: a perceptually ordered ramp (viridis stops) and robust domains. */

export type Rgb = [number, number, number];

// viridis at 0, 0.125, ..., 1 (matplotlib's table, rounded to 8-bit)
const STOPS: Rgb[] = [
  [68, 1, 84],
  [70, 50, 127],
  [54, 92, 141],
  [39, 127, 142],
  [31, 161, 135],
  [74, 194, 109],
  [159, 218, 58],
  [253, 231, 37],
];

/** Color of `t` in 0..1 (clamped); NaN gives a light gray for "no data". */
export function colorAt(t: number): Rgb {
  if (Number.isNaN(t)) return [230, 230, 230];
  const x = Math.min(1, Math.max(0, t)) * (STOPS.length - 1);
  const i = Math.min(STOPS.length - 2, Math.floor(x));
  const f = x - i;
  const a = STOPS[i]!;
  const b = STOPS[i + 1]!;
  return [
    Math.round(a[0] + (b[0] - a[0]) * f),
    Math.round(a[1] + (b[1] - a[1]) * f),
    Math.round(a[2] + (b[2] - a[2]) * f),
  ];
}

/** CSS `rgb()` of {@link colorAt}. */
export function cssColorAt(t: number): string {
  const [r, g, b] = colorAt(t);
  return `rgb(${r}, ${g}, ${b})`;
}

/** A color domain: values below `lo` or above `hi` are drawn at the ends and flagged in the legend. */
export interface Domain {
  lo: number;
  hi: number;
  clippedLow: boolean;
  clippedHigh: boolean;
}

/**
 * Domain between the `lowQ` and `highQ` quantiles of the finite values (nearest rank), so that a few
 * scarcity hours at $5,000/MWh do not wash out the rest of the year. A flat series gets a unit-wide domain.
 */
export function robustDomain(values: ArrayLike<number>, lowQ = 0.01, highQ = 0.99): Domain {
  const finite: number[] = [];
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    if (Number.isFinite(v)) finite.push(v);
  }
  if (finite.length === 0) return { lo: 0, hi: 1, clippedLow: false, clippedHigh: false };
  finite.sort((a, b) => a - b);
  const at = (q: number) =>
    finite[Math.min(finite.length - 1, Math.max(0, Math.round(q * (finite.length - 1))))]!;
  let lo = at(lowQ);
  let hi = at(highQ);
  if (hi <= lo) hi = lo + 1;
  const min = finite[0]!;
  const max = finite[finite.length - 1]!;
  if (lowQ === 0) lo = min;
  return { lo, hi, clippedLow: min < lo, clippedHigh: max > hi };
}

/** Position of `value` in the domain, 0..1 (clamped), NaN for a missing value. */
export function normalize(value: number, domain: Pick<Domain, 'lo' | 'hi'>): number {
  if (!Number.isFinite(value)) return Number.NaN;
  return Math.min(1, Math.max(0, (value - domain.lo) / (domain.hi - domain.lo)));
}
