import type { Band } from '../api/types.ts';

/** uPlot's column layout: x values first, then one array per series; `null` is a gap. */
export type Columns = [number[], ...Array<Array<number | null>>];

/**
 * Unix seconds of the first day of each month 0..months after `startDate` (UTC), the x axis of every
 * monthly chart. Throws on a date that does not parse: the result would be a chart at 1970.
 */
export function monthTimesS(startDate: string, months: number): number[] {
  const start = new Date(startDate);
  if (Number.isNaN(start.getTime())) throw new Error(`startDate: expected an ISO date, got ${startDate}`);
  const out: number[] = [];
  for (let m = 0; m <= months; m++) {
    out.push(Date.UTC(start.getUTCFullYear(), start.getUTCMonth() + m, start.getUTCDate()) / 1000);
  }
  return out;
}

/**
 * The x axis of a run's monthly charts, unix seconds: the result's own month-boundary `dates` when it has
 * one per month 0..months, else the first of each calendar month from `startDate`.
 */
export function runTimesS(result: {
  startDate: string;
  months: number;
  dates?: string[] | undefined;
}): number[] {
  const { dates } = result;
  if (dates !== undefined && dates.length === result.months + 1) {
    const xs = dates.map((d) => Date.parse(d.length === 10 ? `${d}T00:00:00Z` : d) / 1000);
    if (xs.every(Number.isFinite)) return xs;
  }
  return monthTimesS(result.startDate, result.months);
}

/** `2028-04-12T00:00:00Z` → `2028-04-12`; other texts (`after 2035-01-01`) as they are. */
export function formatDay(date: string): string {
  return /^\d{4}-\d{2}-\d{2}T/.test(date) ? date.slice(0, 10) : date;
}

/**
 * Shapes fan bands for uPlot: `[x, s0.p5, s0.p50, s0.p95, s1.p5, ...]`, each value multiplied by `scale`
 * (100 turns a share into percent). Bands shorter than the x axis are padded with gaps, never stretched.
 */
export function fanColumns(xS: number[], bands: Band[], scale = 1): Columns {
  const columns: Columns = [xS];
  const pick = (values: number[]) =>
    xS.map((_, i) => {
      const v = values[i];
      return v === undefined || !Number.isFinite(v) ? null : v * scale;
    });
  for (const band of bands) {
    columns.push(pick(band.p5), pick(band.p50), pick(band.p95));
  }
  return columns;
}

/** Index of series `k`'s p5, p50 and p95 columns in {@link fanColumns}' output (uPlot counts x as 0). */
export function fanSeriesIndex(k: number): { p5: number; p50: number; p95: number } {
  return { p5: 1 + 3 * k, p50: 2 + 3 * k, p95: 3 + 3 * k };
}

/** One strategy's values at the hovered month: median and the p5–p95 range, already formatted. */
export interface ReadoutEntry {
  name: string;
  p50: string;
  range: string;
}

/**
 * What the fan chart's readout says at data index `index`: per band, the median and the p5–p95 range
 * read from {@link fanColumns}' output (so scaling is already applied).
 */
export function fanReadout(
  columns: Columns,
  names: string[],
  index: number,
  format: (value: number) => string,
): ReadoutEntry[] {
  const show = (v: number | null | undefined) => (v === null || v === undefined ? '—' : format(v));
  return names.map((name, k) => {
    const idx = fanSeriesIndex(k);
    return {
      name,
      p50: show(columns[idx.p50]?.[index]),
      range: `${show(columns[idx.p5]?.[index])} – ${show(columns[idx.p95]?.[index])}`,
    };
  });
}
