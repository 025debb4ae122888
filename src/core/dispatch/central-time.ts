/**
 * Central prevailing time (ERCOT's clock) to UTC, with the US rule in force since 2007: CDT (UTC−5) from the
 * second Sunday of March 02:00 to the first Sunday of November 02:00, CST (UTC−6) otherwise.
 */

const HOUR_MS = 3_600_000;
const MINUTE_MS = 60_000;

/** Day of month of the n-th Sunday (1-based) of a month. */
function nthSunday(year: number, month: number, n: number): number {
  const dow = new Date(Date.UTC(year, month - 1, 1)).getUTCDay();
  return 1 + ((7 - dow) % 7) + 7 * (n - 1);
}

/** 'spring-forward' (23 h), 'fall-back' (25 h) or null for an ordinary Central-time day. */
export function centralDstDay(
  year: number,
  month: number,
  day: number,
): 'spring-forward' | 'fall-back' | null {
  if (month === 3 && day === nthSunday(year, 3, 2)) return 'spring-forward';
  if (month === 11 && day === nthSunday(year, 11, 1)) return 'fall-back';
  return null;
}

export type CentralResult = { ok: true; utcMs: number } | { ok: false; reason: string };

/**
 * UTC instant of a wall-clock minute of a Central-time day. `repeated` selects the second (CST) 01:00-02:00
 * hour of the fall-back day. Fails for the missing spring-forward hour and for `repeated` outside that hour.
 */
export function centralToUtcMs(
  year: number,
  month: number,
  day: number,
  wallMinute: number,
  repeated: boolean,
): CentralResult {
  const base = Date.UTC(year, month - 1, day) + wallMinute * MINUTE_MS;
  const kind = centralDstDay(year, month, day);
  const cdt = { ok: true as const, utcMs: base + 5 * HOUR_MS };
  const cst = { ok: true as const, utcMs: base + 6 * HOUR_MS };
  if (repeated) {
    if (kind === 'fall-back' && wallMinute >= 60 && wallMinute < 120) return cst;
    return {
      ok: false,
      reason: 'marked as the repeated hour, which only exists 01:00-02:00 on the fall-back day',
    };
  }
  if (kind === 'spring-forward') {
    if (wallMinute < 120) return cst;
    if (wallMinute < 180)
      return { ok: false, reason: 'does not exist: clocks jump from 02:00 to 03:00 that day' };
    return cdt;
  }
  if (kind === 'fall-back') return wallMinute < 120 ? cdt : cst;
  const spring = Date.UTC(year, 2, nthSunday(year, 3, 2));
  const fall = Date.UTC(year, 10, nthSunday(year, 11, 1));
  const dayMs = Date.UTC(year, month - 1, day);
  return dayMs > spring && dayMs < fall ? cdt : cst;
}

/** UTC instant of local midnight starting a Central-time day. */
export function centralMidnightUtcMs(year: number, month: number, day: number): number {
  const r = centralToUtcMs(year, month, day, 0, false);
  return r.ok ? r.utcMs : Number.NaN;
}

/** Central-time calendar fields of a UTC instant (for windows such as "15:00-19:00 CPT on weekdays"). */
export function utcToCentral(utcMs: number): {
  year: number;
  month: number;
  day: number;
  hour: number;
  weekday: number;
} {
  // CDT if the instant is on/after the spring change (08:00Z) and before the fall change (07:00Z)
  const year = new Date(utcMs).getUTCFullYear();
  const springUtc = Date.UTC(year, 2, nthSunday(year, 3, 2), 8);
  const fallUtc = Date.UTC(year, 10, nthSunday(year, 11, 1), 7);
  const offsetH = utcMs >= springUtc && utcMs < fallUtc ? 5 : 6;
  const local = new Date(utcMs - offsetH * HOUR_MS);
  return {
    year: local.getUTCFullYear(),
    month: local.getUTCMonth() + 1,
    day: local.getUTCDate(),
    hour: local.getUTCHours(),
    weekday: local.getUTCDay(),
  };
}

/** Central-time calendar fields of many instants, computed without a Date per instant. */
export interface CentralFields {
  /** `year * 100 + month` of the local day. */
  yearMonth: Int32Array;
  /** Local hour 0-23. */
  hour: Uint8Array;
  /** Local weekday, 0 = Sunday. */
  weekday: Uint8Array;
}

/** {@link utcToCentral} for every instant of a series (any order), in typed arrays. */
export function centralFields(timeMs: Float64Array): CentralFields {
  const n = timeMs.length;
  const yearMonth = new Int32Array(n);
  const hour = new Uint8Array(n);
  const weekday = new Uint8Array(n);
  let cachedDay = Number.NaN;
  let cachedYm = 0;
  let cachedWd = 0;
  let spring = 0;
  let fall = 0;
  let yearStart = Number.POSITIVE_INFINITY;
  let yearEnd = Number.NEGATIVE_INFINITY;
  for (let h = 0; h < n; h++) {
    const t = timeMs[h]!;
    if (t < yearStart || t >= yearEnd) {
      const y = new Date(t).getUTCFullYear();
      yearStart = Date.UTC(y, 0, 1);
      yearEnd = Date.UTC(y + 1, 0, 1);
      spring = Date.UTC(y, 2, nthSunday(y, 3, 2), 8);
      fall = Date.UTC(y, 10, nthSunday(y, 11, 1), 7);
    }
    const local = t - (t >= spring && t < fall ? 5 : 6) * HOUR_MS;
    const day = Math.floor(local / 86_400_000);
    if (day !== cachedDay) {
      cachedDay = day;
      const d = new Date(day * 86_400_000);
      cachedYm = d.getUTCFullYear() * 100 + d.getUTCMonth() + 1;
      cachedWd = d.getUTCDay();
    }
    yearMonth[h] = cachedYm;
    hour[h] = Math.floor((local - day * 86_400_000) / HOUR_MS);
    weekday[h] = cachedWd;
  }
  return { yearMonth, hour, weekday };
}
