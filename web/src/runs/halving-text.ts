import { formatDay } from '../charts/fan-band.ts';

/** Quantiles of the next halving's date: `YYYY-MM-DD`, or `after YYYY-MM-DD` on paths that pass the horizon first. */
export interface HalvingDates {
  p5: string;
  p50: string;
  p95: string;
}

/** One readable sentence about when the next halving comes, without repeating "after" three times. */
export function halvingText(dates: HalvingDates): string {
  const [p5, p50, p95] = [formatDay(dates.p5), formatDay(dates.p50), formatDay(dates.p95)];
  if (p5.startsWith('after')) return `Next halving: beyond the horizon on most paths (${p5}).`;
  if (p5 === p95) return `Next halving: ${p50}.`;
  return `Next halving: ${p50} on the median path (p5–p95: ${p5} to ${p95}).`;
}
