/** Hour-by-day grid of an hourly series: one column per calendar day, one row per hour of day. */
export interface HeatmapGrid {
  /** Number of day columns. */
  days: number;
  /** Unix ms of midnight (in the shifted clock) of column 0. */
  firstDayMs: number;
  /** `cells[day * 24 + hour]`: the mean of the values that fall in that cell, NaN where none did. */
  cells: Float64Array;
  /** Smallest and largest finite cell value (NaN, NaN when the grid is empty). */
  min: number;
  max: number;
}

const HOUR_MS = 3_600_000;
const DAY_MS = 86_400_000;

/**
 * Bins an hourly (or finer) series into days × 24 hours, in a clock shifted by `utcOffsetHours`
 * (−6 for ERCOT's Central Standard Time). Several values in one cell are averaged (sub-hourly data);
 * missing hours stay NaN. Throws when the two arrays differ in length or a timestamp does not parse.
 */
export function binHourByDay(timeUtc: string[], values: number[], utcOffsetHours = 0): HeatmapGrid {
  if (timeUtc.length !== values.length) {
    throw new Error(`hourly: ${timeUtc.length} timestamps but ${values.length} values`);
  }
  const shiftMs = utcOffsetHours * HOUR_MS;
  const times = new Float64Array(timeUtc.length);
  let first = Number.POSITIVE_INFINITY;
  let last = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < timeUtc.length; i++) {
    const t = Date.parse(timeUtc[i]!);
    if (Number.isNaN(t)) throw new Error(`hourly.timeUtc[${i}]: expected an ISO time, got ${timeUtc[i]}`);
    const shifted = t + shiftMs;
    times[i] = shifted;
    if (shifted < first) first = shifted;
    if (shifted > last) last = shifted;
  }
  if (timeUtc.length === 0) {
    return { days: 0, firstDayMs: 0, cells: new Float64Array(0), min: Number.NaN, max: Number.NaN };
  }
  const firstDayMs = Math.floor(first / DAY_MS) * DAY_MS;
  const days = Math.floor((last - firstDayMs) / DAY_MS) + 1;
  const sums = new Float64Array(days * 24);
  const counts = new Uint32Array(days * 24);
  for (let i = 0; i < times.length; i++) {
    const v = values[i]!;
    if (!Number.isFinite(v)) continue;
    const offset = times[i]! - firstDayMs;
    const day = Math.floor(offset / DAY_MS);
    const hour = Math.floor((offset - day * DAY_MS) / HOUR_MS);
    const cell = day * 24 + hour;
    sums[cell]! += v;
    counts[cell]! += 1;
  }
  const cells = new Float64Array(days * 24);
  let min = Number.POSITIVE_INFINITY;
  let max = Number.NEGATIVE_INFINITY;
  for (let c = 0; c < cells.length; c++) {
    const n = counts[c]!;
    const v = n === 0 ? Number.NaN : sums[c]! / n;
    cells[c] = v;
    if (n > 0) {
      if (v < min) min = v;
      if (v > max) max = v;
    }
  }
  return { days, firstDayMs, cells, min: min <= max ? min : Number.NaN, max: min <= max ? max : Number.NaN };
}

/** 1-based day of year of a unix-ms instant, read in UTC (the grid's shifted clock). */
export function dayOfYear(ms: number): number {
  const d = new Date(ms);
  return Math.floor((ms - Date.UTC(d.getUTCFullYear(), 0, 1)) / DAY_MS) + 1;
}

/** Columns where a month starts, with its short name: the x ticks of the heatmap. */
export function monthTicks(
  grid: Pick<HeatmapGrid, 'days' | 'firstDayMs'>,
): Array<{ day: number; label: string }> {
  const names = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
  const ticks: Array<{ day: number; label: string }> = [];
  for (let day = 0; day < grid.days; day++) {
    const d = new Date(grid.firstDayMs + day * DAY_MS);
    if (d.getUTCDate() === 1) ticks.push({ day, label: names[d.getUTCMonth()]! });
  }
  return ticks;
}
