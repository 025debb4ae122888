import type { PriceSeries } from '../../schema/price-series.ts';

/** One line per fact of a price report worth an operator's attention. */
export function priceReportWarnings(series: PriceSeries): string[] {
  const r = series.report;
  const perHour = 60 / series.intervalMinutes;
  const out: string[] = [];
  if (r.missingIntervals > 0)
    out.push(
      `prices: ${r.missingIntervals} missing ${series.intervalMinutes}-minute intervals in ${r.gaps.length} gap(s), skipped not filled (first ${r.gaps[0]!.fromUtc} .. ${r.gaps[0]!.toUtc})`,
    );
  if (r.duplicateCount > 0)
    out.push(
      `prices: ${r.duplicateCount} duplicate interval(s), first row kept (first at ${r.duplicates[0]!.timeUtc}, line ${r.duplicates[0]!.line})`,
    );
  for (const d of r.dst) {
    const expected = (d.kind === 'spring-forward' ? 23 : 25) * perHour;
    out.push(
      `prices: ${d.date} is a ${d.kind} day: ${d.intervals} of ${expected} intervals (${d.intervals / perHour} h)`,
    );
  }
  for (const n of r.notes) out.push(`prices: ${n}`);
  return out;
}
