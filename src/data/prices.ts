import { InputError } from '../core/errors.ts';
import type { PriceReport, PriceSeries } from '../schema/price-series.ts';
import { readCsvTable } from './csv-table.ts';
import { centralDstDay, utcToCentral } from './ercot-clock.ts';
import { isErcotDam, readErcotDam } from './ercot-dam-csv.ts';
import { isErcotDamWide, readErcotDamWide } from './ercot-dam-wide-csv.ts';
import { isErcotRtm, readErcotRtm } from './ercot-rtm-csv.ts';
import { isGenericPriceCsv, readGenericPriceCsv } from './generic-price-csv.ts';
import type { PriceRows } from './price-rows.ts';

export { priceReportWarnings } from '../core/dispatch/price-warnings.ts';

export interface PriceTextOptions {
  /** Hub or load zone to read; required when the file holds several. */
  node?: string | undefined;
  /** Name used in messages (file name). */
  fileName?: string | undefined;
  /** How errors name the node choice (default `--node`). */
  nodePath?: string | undefined;
}

const LISTED = 50;

/**
 * Parses a power price CSV, detecting its layout from the header: the hourly wide table of ../shared/data
 * (`interval_start_utc,...,HB_WEST,...`), ERCOT day-ahead (`DeliveryDate,HourEnding,SettlementPoint,
 * SettlementPointPrice,DSTFlag`), ERCOT real-time 15-minute (`DeliveryDate,DeliveryHour,DeliveryInterval,
 * SettlementPointName,SettlementPointType,SettlementPointPrice,DSTFlag`) or generic `timestamp,usd_per_mwh`.
 * The series is sorted by time; duplicates keep their first row, gaps stay gaps, DST days are counted, and
 * all of it is in `report`.
 * @throws InputError for an unknown layout, an unknown node (listing the available ones), or a bad cell with
 *   its line and column.
 */
export function parsePriceText(text: string, options: PriceTextOptions = {}): PriceSeries {
  const fileName = options.fileName ?? 'prices';
  const table = readCsvTable(text, fileName);
  const nodeOptions = { node: options.node, nodePath: options.nodePath };
  let rows: PriceRows;
  if (isGenericPriceCsv(table.header)) rows = readGenericPriceCsv(table, fileName, options.node);
  else if (isErcotRtm(table.header)) rows = readErcotRtm(table, fileName, nodeOptions);
  else if (isErcotDam(table.header)) rows = readErcotDam(table, fileName, nodeOptions);
  else if (isErcotDamWide(table.header)) rows = readErcotDamWide(table, fileName, nodeOptions);
  else
    throw new InputError({
      path: fileName,
      message:
        'unknown price file layout; expected a header `timestamp,usd_per_mwh`, ERCOT DAM `DeliveryDate,HourEnding,SettlementPoint,SettlementPointPrice,DSTFlag`, ERCOT RTM `DeliveryDate,DeliveryHour,DeliveryInterval,SettlementPointName,SettlementPointType,SettlementPointPrice,DSTFlag` or the hourly table `interval_start_utc,delivery_date,hour_ending,repeated_hour_flag,<nodes>`',
      value: table.header.join(','),
      line: 1,
    });
  return assemblePriceSeries(rows, fileName);
}

/** Sorts, de-duplicates (first row kept), checks the interval grid, and reports gaps and DST days. */
export function assemblePriceSeries(input: PriceRows, fileName: string): PriceSeries {
  if (input.rows.length === 0)
    throw new InputError({ path: fileName, message: `expected prices for node ${input.node}, found none` });
  const sorted = input.rows
    .map((row, i) => ({ row, i }))
    .sort((a, b) => a.row.timeMs - b.row.timeMs || a.i - b.i)
    .map((x) => x.row);
  const times: number[] = [];
  const prices: number[] = [];
  const duplicates: PriceReport['duplicates'] = [];
  let duplicateCount = 0;
  for (const row of sorted) {
    if (times.length > 0 && times[times.length - 1] === row.timeMs) {
      duplicateCount++;
      if (duplicates.length < LISTED)
        duplicates.push({
          timeUtc: iso(row.timeMs),
          line: row.line,
          keptUsdPerMwh: prices[prices.length - 1]!,
          droppedUsdPerMwh: row.priceUsdPerMwh,
        });
      continue;
    }
    times.push(row.timeMs);
    prices.push(row.priceUsdPerMwh);
  }
  const intervalMinutes = input.intervalMinutes ?? inferIntervalMinutes(times, fileName);
  const stepMs = intervalMinutes * 60_000;
  const first = times[0]!;
  const gaps: PriceReport['gaps'] = [];
  let missingIntervals = 0;
  for (let k = 1; k < times.length; k++) {
    const t = times[k]!;
    if ((t - first) % stepMs !== 0) {
      const row = sorted.find((r) => r.timeMs === t)!;
      throw new InputError({
        path: fileName,
        message: `interval start off the ${intervalMinutes}-minute grid that begins at ${iso(first)}`,
        value: iso(t),
        line: row.line,
      });
    }
    const missing = (t - times[k - 1]!) / stepMs - 1;
    if (missing > 0) {
      missingIntervals += missing;
      if (gaps.length < LISTED)
        gaps.push({ fromUtc: iso(times[k - 1]! + stepMs), toUtc: iso(t), missingIntervals: missing });
    }
  }
  const report: PriceReport = {
    source: fileName,
    format: input.format,
    rows: input.rows.length,
    intervals: times.length,
    firstUtc: iso(first),
    lastUtc: iso(times[times.length - 1]!),
    availableNodes: [...input.availableNodes].sort(),
    missingIntervals,
    gaps,
    duplicates,
    duplicateCount,
    dst: input.centralClock ? dstDays(times) : [],
    notes: input.notes,
  };
  return {
    node: input.node,
    market: input.market,
    intervalMinutes,
    timeUtcMs: times,
    priceUsdPerMwh: prices,
    report,
  };
}

/** The most common step between consecutive timestamps, in whole minutes dividing a day. */
function inferIntervalMinutes(times: readonly number[], fileName: string): number {
  if (times.length < 2)
    throw new InputError({
      path: fileName,
      message: 'expected at least two distinct timestamps to infer the interval length',
    });
  const counts = new Map<number, number>();
  for (let k = 1; k < times.length; k++) {
    const d = times[k]! - times[k - 1]!;
    counts.set(d, (counts.get(d) ?? 0) + 1);
  }
  const [stepMs] = [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0] - b[0])[0]!;
  const minutes = stepMs / 60_000;
  if (!Number.isInteger(minutes) || 1440 % minutes !== 0)
    throw new InputError({
      path: fileName,
      message: 'expected a regular interval that divides a day (e.g. 15 or 60 minutes)',
      value: `${stepMs / 60_000} min`,
    });
  return minutes;
}

/** Central-time DST days inside the series, with how many intervals each held. */
function dstDays(times: readonly number[]): PriceReport['dst'] {
  const out = new Map<string, { kind: 'spring-forward' | 'fall-back'; intervals: number }>();
  for (const t of times) {
    const c = utcToCentral(t);
    const kind = centralDstDay(c.year, c.month, c.day);
    if (kind === null) continue;
    const key = `${c.year}-${pad(c.month)}-${pad(c.day)}`;
    const entry = out.get(key) ?? { kind, intervals: 0 };
    entry.intervals++;
    out.set(key, entry);
  }
  return [...out.entries()].map(([date, v]) => ({ date, kind: v.kind, intervals: v.intervals }));
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

function iso(ms: number): string {
  return new Date(ms).toISOString().replace('.000Z', 'Z');
}
