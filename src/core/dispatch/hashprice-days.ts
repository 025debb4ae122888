import type { NetworkDay } from '../../schema/network-day.ts';
import { hashpriceBtcPerPhDay } from '../bitcoin/hashprice.ts';
import { InputError } from '../errors.ts';

/** Hashprice of one UTC day. */
export interface DailyHashprice {
  date: string;
  usdPerPhDay: number;
  btcPerPhDay: number;
}

/**
 * Hashprice for dispatch: a constant (USD per PH/s per day, with an optional BTC price so that BTC mined can be
 * counted), or one value per UTC day. `yearOffset` maps dispatch day `Y-MM-DD` to network day `(Y+offset)-MM-DD`
 * (e.g. −4 runs 2023 prices against the 2019 network); without it every dispatch day must be present.
 */
export type HashpriceInput =
  | { usdPerPhDay: number; btcPriceUsd?: number }
  | { daily: readonly DailyHashprice[]; yearOffset?: number };

/**
 * Daily hashprice from network days: `hashpriceUsdPerPhDay(difficulty, (subsidyBtc + feesBtc) / blocks,
 * priceUsd)`. Days with a blank or zero price or difficulty, blank fees or subsidy, or no blocks are left
 * out (and so reported as missing if a dispatch day needs them).
 */
export function dailyHashpriceFromNetwork(days: readonly NetworkDay[]): DailyHashprice[] {
  const out: DailyHashprice[] = [];
  for (const d of days) {
    if (d.priceUsd === null || d.difficulty === null || d.feesBtc === null || d.subsidyBtc === null) continue;
    if (d.blocks === null || d.blocks <= 0 || d.difficulty <= 0 || d.priceUsd <= 0) continue;
    const btc = hashpriceBtcPerPhDay(d.difficulty, (d.subsidyBtc + d.feesBtc) / d.blocks);
    out.push({ date: d.date, btcPerPhDay: btc, usdPerPhDay: btc * d.priceUsd });
  }
  return out;
}

const DAY_MS = 86_400_000;

/**
 * Hashprice of each interval (by the UTC day of its start), USD and (when known) BTC per PH/s per day.
 * @throws InputError at `path` listing the dispatch days the daily series lacks, as date ranges.
 */
export function hashpriceByInterval(
  input: HashpriceInput,
  timeMs: Float64Array,
  path: string,
): { usd: Float64Array; btc: Float64Array | null; warnings: string[] } {
  const n = timeMs.length;
  const usd = new Float64Array(n);
  const warnings: string[] = [];
  if ('usdPerPhDay' in input) {
    if (!(Number.isFinite(input.usdPerPhDay) && input.usdPerPhDay >= 0))
      throw new InputError({
        path,
        message: 'expected a hashprice >= 0 USD/PH/day',
        value: input.usdPerPhDay,
      });
    usd.fill(input.usdPerPhDay);
    if (input.btcPriceUsd === undefined) return { usd, btc: null, warnings };
    if (!(input.btcPriceUsd > 0))
      throw new InputError({ path, message: 'expected a BTC price > 0 USD', value: input.btcPriceUsd });
    return { usd, btc: new Float64Array(n).fill(input.usdPerPhDay / input.btcPriceUsd), warnings };
  }
  const offset = input.yearOffset ?? 0;
  const byDay = new Map<number, DailyHashprice>();
  for (const d of input.daily) byDay.set(Date.parse(`${d.date}T00:00:00Z`) / DAY_MS, d);
  const btc = new Float64Array(n);
  const missing: number[] = [];
  const leapFallbacks = new Set<string>();
  let lastDay = Number.NaN;
  let hit: DailyHashprice | undefined;
  for (let h = 0; h < n; h++) {
    const day = Math.floor(timeMs[h]! / DAY_MS);
    if (day !== lastDay) {
      lastDay = day;
      hit = byDay.get(offset === 0 ? day : shiftYears(day, offset, leapFallbacks));
      if (hit === undefined) missing.push(day);
    }
    if (hit !== undefined) {
      usd[h] = hit.usdPerPhDay;
      btc[h] = hit.btcPerPhDay;
    }
  }
  if (missing.length > 0) {
    const range =
      input.daily.length > 0
        ? `${input.daily[0]!.date} .. ${input.daily[input.daily.length - 1]!.date}`
        : 'none';
    const wanted = offset === 0 ? '' : ` (dispatch days shifted by ${offset} years)`;
    throw new InputError({
      path,
      message: `no hashprice for ${missing.length} dispatch day(s)${wanted}: ${dayRanges(missing, offset)}; the network file covers ${range}; map a year with --network-year or give --hashprice`,
    });
  }
  for (const d of leapFallbacks)
    warnings.push(`hashprice: ${d} has no counterpart in the network year; used 28 February`);
  return { usd, btc, warnings };
}

/** Day number of the same month-day `years` later; 29 February falls back to the 28th (noted). */
function shiftYears(day: number, years: number, fallbacks: Set<string>): number {
  const d = new Date(day * DAY_MS);
  const y = d.getUTCFullYear() + years;
  const m = d.getUTCMonth();
  const dd = d.getUTCDate();
  const shifted = Date.UTC(y, m, dd);
  if (new Date(shifted).getUTCMonth() !== m) {
    fallbacks.add(d.toISOString().slice(0, 10));
    return Date.UTC(y, m, 28) / DAY_MS;
  }
  return shifted / DAY_MS;
}

/** `2023-01-01..2023-03-31, 2023-05-02` from sorted day numbers (shifted to the network's calendar). */
function dayRanges(days: readonly number[], offset: number): string {
  const fmt = (day: number) => {
    const d = new Date(day * DAY_MS);
    const iso = d.toISOString().slice(0, 10);
    return offset === 0 ? iso : `${iso}→${d.getUTCFullYear() + offset}${iso.slice(4)}`;
  };
  const parts: string[] = [];
  let start = days[0]!;
  let prev = start;
  for (let i = 1; i <= days.length; i++) {
    const d = days[i];
    if (d !== undefined && d === prev + 1) {
      prev = d;
      continue;
    }
    parts.push(start === prev ? fmt(start) : `${fmt(start)}..${fmt(prev)}`);
    if (d !== undefined) start = prev = d;
  }
  const shown = parts.slice(0, 5).join(', ');
  return parts.length > 5 ? `${shown} and ${parts.length - 5} more range(s)` : shown;
}
