import type { PriceSeries } from '../../schema/price-series.ts';
import type { FourCpInterval, Site } from '../../schema/site.ts';
import { InputError } from '../errors.ts';
import { resolveAsicTier } from '../hardware/asic-tier.ts';
import { type CentralFields, centralFields, centralMidnightUtcMs, centralToUtcMs } from './central-time.ts';
import { type HashpriceInput, hashpriceByInterval } from './hashprice-days.ts';

/** Values on an hourly (or finer) UTC grid, e.g. an AI load profile or ancillary clearing prices. */
export interface TimedValues {
  timeUtcMs: readonly number[];
  values: readonly number[];
}

/** How errors name the inputs that are not part of the site (CLI flags or request fields). */
export interface InputPaths {
  hashprice: string;
  from: string;
  to: string;
  solver: string;
  aiProfile: string;
  ancillaryPrices: string;
}

/** Everything one site's dispatch needs; plain validated values. */
export interface DispatchInput {
  site: Site;
  prices: PriceSeries;
  hashprice: HashpriceInput;
  /** First UTC day (`YYYY-MM-DD`) or instant to dispatch; default: the first price. */
  from?: string | undefined;
  /** Last UTC day, inclusive (`YYYY-MM-DD`), or an exclusive end instant; default: the last price. */
  to?: string | undefined;
  /** Critical-IT MW by hour, required when `site.ai.profileCsv` is set. */
  aiProfileMw?: TimedValues | undefined;
  /** Hourly capacity prices (USD per MW-h) of the site's ancillary service, instead of a constant. */
  ancillaryPrices?: TimedValues | undefined;
  /** Actual 4CP intervals; override those in the site. */
  fourCpIntervals?: readonly FourCpInterval[] | undefined;
  paths?: Partial<InputPaths> | undefined;
}

export interface ProblemTier {
  name: string;
  thPerS: number;
  jPerTh: number;
  /** Draw at full output at the meter (ASIC MW × mining PUE). */
  meterMw: number;
  /** Revenue per MWh at the meter per unit of hashprice (USD/MWh per USD/PH/day), after pool fee. */
  revenueFactor: number;
}

/**
 * A site-period reduced to columns: one slot per interval, tiers sorted most efficient first. Every MW is at the
 * meter. The value of running mining at level ℓ MW in interval h is concave and piecewise linear in ℓ:
 * slope = (hashprice·revenueFactor(tier at ℓ) − cost(ℓ) + offer(ℓ))·dtH − fixedUsdPerMw, where cost is
 * blockCost below blockMw and marginalCost above, and offer is offerUsdPerMwH below offerCapMw.
 */
export interface DispatchProblem {
  n: number;
  dtH: number;
  timeMs: Float64Array;
  priceUsdPerMwh: Float64Array;
  hashpriceUsdPerPhDay: Float64Array;
  hashpriceBtcPerPhDay: Float64Array | null;
  aiMw: Float64Array;
  /** Most mining MW that fits: min(Σ tiers, interconnect − AI), ≥ 0. */
  capMw: Float64Array;
  tiers: ProblemTier[];
  tierMw: Float64Array;
  tierRevenueFactor: Float64Array;
  blockMw: Float64Array;
  blockCostUsdPerMwh: Float64Array;
  marginalCostUsdPerMwh: Float64Array;
  fixedUsdPerMw: Float64Array;
  offerCapMw: Float64Array;
  offerUsdPerMwH: Float64Array;
  /** Ancillary deployments: the offered MW are curtailed in these intervals after dispatch. */
  deployed: Uint8Array;
  coupling: Coupling;
  terms: SettlementTerms;
}

export interface Coupling {
  /** Largest change of mining MW per hour, or null. */
  rampMwPerHour: number | null;
  /** Calendar months (Central time) with an energy budget on mining MWh; `first..last` are interval indices. */
  budgets: { month: string; first: number; last: number; minMwh: number | null; maxMwh: number | null }[];
  /** 4CP window month of each interval (index into windows) or −1. */
  windowOf: Int32Array;
  windows: { month: string; usdPerMw: number }[];
  /**
   * Unit commitment of every tier (binaries, MILP), or null: minimum run and down times in hours and the least
   * fraction of its MW a running tier draws.
   */
  commitment: { minRunH: number | null; minDownH: number | null; minLoadFraction: number } | null;
}

export interface SettlementTerms {
  adderUsdPerMwh: number;
  ppa: { mw: number; usdPerMwh: number; sellBack: boolean } | null;
  aiLeaseUsdPerHour: number;
  aiPassThrough: boolean;
  /** 4CP: the charge per MW of one interval's demand, and the interval index of each known 4CP interval. */
  fourCp: { usdPerMw: number; mode: 'known' | 'window'; knownIndex: number[] } | null;
}

const HOUR_MS = 3_600_000;
const DAY_MS = 86_400_000;
/** Hours in a lease month (8,760 / 12). */
export const HOURS_PER_MONTH = 730;

const DEFAULT_PATHS: InputPaths = {
  hashprice: 'hashprice',
  from: 'from',
  to: 'to',
  solver: 'solver',
  aiProfile: 'aiProfile',
  ancillaryPrices: 'ancillaryPrices',
};

/** Interconnect slack allowed for rounding when checking that AI fits (MW). */
const FIT_EPS_MW = 1e-9;

/**
 * Builds the columns of a site-period. Pure: all files are already parsed.
 * @throws InputError naming the field when the AI load does not fit the interconnect, a profile or price is
 *   missing for an interval, the period holds no price, or the daily hashprice lacks a day.
 */
export function buildDispatchProblem(input: DispatchInput): { problem: DispatchProblem; warnings: string[] } {
  const { site, prices } = input;
  const paths = { ...DEFAULT_PATHS, ...input.paths };
  const warnings: string[] = [];

  // tiers, most efficient first (stable for ties)
  const miningPue = site.mining.pue;
  const fee = site.mining.poolFee;
  const tiers: ProblemTier[] = site.mining.tiers
    .map((spec, i) => {
      const t = resolveAsicTier(spec, `site.mining.tiers.${i}`);
      return {
        name: t.name,
        thPerS: t.thPerS,
        jPerTh: t.jPerTh,
        meterMw: t.powerMw * miningPue,
        revenueFactor: ((1 - fee) * 1000) / (24 * t.jPerTh * miningPue),
      };
    })
    .map((t, i) => ({ t, i }))
    .sort((a, b) => a.t.jPerTh - b.t.jPerTh || a.i - b.i)
    .map((x) => x.t);
  const tierMw = Float64Array.from(tiers, (t) => t.meterMw);
  const tierRevenueFactor = Float64Array.from(tiers, (t) => t.revenueFactor);
  let fleetMw = 0;
  for (const t of tiers) fleetMw += t.meterMw;

  // period
  const stepMs = prices.intervalMinutes * 60_000;
  const dtH = prices.intervalMinutes / 60;
  const fromMs = input.from === undefined ? Number.NEGATIVE_INFINITY : parseStart(input.from, paths.from);
  const toMs = input.to === undefined ? Number.POSITIVE_INFINITY : parseEnd(input.to, paths.to);
  if (fromMs >= toMs)
    throw new InputError({ path: paths.to, message: `expected an end after ${input.from}`, value: input.to });
  let lo = 0;
  while (lo < prices.timeUtcMs.length && prices.timeUtcMs[lo]! < fromMs) lo++;
  let hi = lo;
  while (hi < prices.timeUtcMs.length && prices.timeUtcMs[hi]! + stepMs <= toMs) hi++;
  const n = hi - lo;
  if (n === 0)
    throw new InputError({
      path: input.from === undefined ? paths.to : paths.from,
      message: `no price interval in the period; prices cover ${prices.report.firstUtc} .. ${prices.report.lastUtc}`,
      value: `${input.from ?? ''}..${input.to ?? ''}`,
    });
  const timeMs = Float64Array.from(prices.timeUtcMs.slice(lo, hi));
  const priceUsdPerMwh = Float64Array.from(prices.priceUsdPerMwh.slice(lo, hi));
  let localFields: CentralFields | null = null;
  const central = (): CentralFields => {
    localFields ??= centralFields(timeMs);
    return localFields;
  };

  const hp = hashpriceByInterval(input.hashprice, timeMs, paths.hashprice);
  warnings.push(...hp.warnings);

  // AI load at the meter
  const aiMw = new Float64Array(n);
  let leaseMw = 0;
  const ai = site.ai;
  if (ai !== undefined) {
    if (ai.firmMw !== undefined) {
      aiMw.fill(ai.firmMw * ai.pue);
      leaseMw = ai.leaseMw ?? ai.firmMw;
    } else {
      const profile = input.aiProfileMw;
      if (profile === undefined)
        throw new InputError({
          path: 'site.ai.profileCsv',
          message: 'the AI profile was not loaded; give its CSV (the server takes firmMw only)',
          value: ai.profileCsv,
        });
      const it = valuesOnIntervals(profile, timeMs, paths.aiProfile, 'AI load');
      let peak = 0;
      for (let h = 0; h < n; h++) if (it[h]! > peak) peak = it[h]!;
      leaseMw = ai.leaseMw ?? peak;
      let clipped = 0;
      for (let h = 0; h < n; h++) {
        let v = it[h]!;
        if (!(v >= 0))
          throw new InputError({ path: paths.aiProfile, message: 'expected IT MW >= 0', value: v });
        if (v > leaseMw) {
          v = leaseMw;
          clipped++;
        }
        aiMw[h] = v * ai.pue;
      }
      if (clipped > 0)
        warnings.push(
          `ai: profile above the lease (${leaseMw} MW) in ${clipped} interval(s), served at the lease`,
        );
    }
    let worst = 0;
    for (let h = 0; h < n; h++) if (aiMw[h]! > worst) worst = aiMw[h]!;
    if (worst > site.interconnectMw + FIT_EPS_MW)
      throw new InputError({
        path: ai.firmMw !== undefined ? 'site.ai.firmMw' : 'site.ai.profileCsv',
        message: `expected AI draw × pue (${round(worst)} MW) <= interconnectMw (${site.interconnectMw} MW)`,
        value: ai.firmMw ?? ai.profileCsv,
      });
  }
  const capMw = new Float64Array(n);
  for (let h = 0; h < n; h++) capMw[h] = Math.max(0, Math.min(fleetMw, site.interconnectMw - aiMw[h]!));
  if (fleetMw > site.interconnectMw - (ai?.firmMw ?? 0) * (ai?.pue ?? 1) + FIT_EPS_MW)
    warnings.push(
      `site: mining fleet (${round(fleetMw)} MW at the meter) exceeds what the interconnect leaves after AI; the least efficient tiers never run fully`,
    );

  // power contract
  const power = site.power;
  const blockMw = new Float64Array(n);
  const blockCostUsdPerMwh = new Float64Array(n);
  const marginalCostUsdPerMwh = new Float64Array(n);
  let ppa: SettlementTerms['ppa'] = null;
  for (let h = 0; h < n; h++) marginalCostUsdPerMwh[h] = priceUsdPerMwh[h]! + power.adderUsdPerMwh;
  if (power.kind === 'fixedPpa') {
    ppa = { mw: power.ppaMw, usdPerMwh: power.ppaUsdPerMwh, sellBack: power.sellBack };
    for (let h = 0; h < n; h++) {
      blockMw[h] = Math.max(0, power.ppaMw - aiMw[h]!);
      // with sell-back, a contracted MWh used forgoes the node price; without, it is sunk (cost 0 at the margin)
      blockCostUsdPerMwh[h] = power.sellBack ? priceUsdPerMwh[h]! : Math.min(0, marginalCostUsdPerMwh[h]!);
    }
  }

  // demand response
  const fixedUsdPerMw = new Float64Array(n);
  const windowOf = new Int32Array(n).fill(-1);
  const windows: Coupling['windows'] = [];
  let fourCpTerms: SettlementTerms['fourCp'] = null;
  const fourCp = site.demandResponse?.fourCp;
  if (fourCp !== undefined) {
    const usdPerMw = (fourCp.transmissionUsdPerKwYear * 1000) / 4;
    const intervals = input.fourCpIntervals ?? fourCp.intervals ?? [];
    const known = locateFourCp(intervals, timeMs, stepMs, warnings);
    const local = central();
    if (fourCp.mode === 'known') {
      if (intervals.length === 0)
        throw new InputError({
          path: 'site.demandResponse.fourCp.intervals',
          message: "required in 'known' mode (or give --four-cp FILE)",
        });
      for (const month of summerMonths(local))
        if (!known.some((k) => k.month === month))
          warnings.push(`4CP: no known 4CP interval in ${month}; nothing avoided that month`);
      for (const k of known) fixedUsdPerMw[k.index]! += usdPerMw;
    } else {
      const w = fourCp.window!;
      const monthIndex = new Map<number, number>();
      for (let h = 0; h < n; h++) {
        const ym = local.yearMonth[h]!;
        const month = ym % 100;
        if (month < 6 || month > 9) continue;
        const hour = local.hour[h]!;
        if (hour < w.fromHourCpt || hour >= w.toHourCpt) continue;
        const wd = local.weekday[h]!;
        if (w.weekdaysOnly && (wd === 0 || wd === 6)) continue;
        let idx = monthIndex.get(ym);
        if (idx === undefined) {
          idx = windows.length;
          monthIndex.set(ym, idx);
          windows.push({ month: monthName(ym), usdPerMw });
        }
        windowOf[h] = idx;
      }
    }
    fourCpTerms = { usdPerMw, mode: fourCp.mode, knownIndex: known.map((k) => k.index) };
  }

  const offerCapMw = new Float64Array(n);
  const offerUsdPerMwH = new Float64Array(n);
  const deployed = new Uint8Array(n);
  const anc = site.demandResponse?.ancillary;
  if (anc !== undefined) {
    // hourly prices, when given (--as-prices), replace the site's constant
    if (input.ancillaryPrices === undefined && anc.capacityUsdPerMwHour !== undefined) {
      offerUsdPerMwH.fill(anc.capacityUsdPerMwHour);
      offerCapMw.fill(anc.maxOfferMw);
    } else {
      const series = input.ancillaryPrices;
      if (series === undefined)
        throw new InputError({
          path: 'site.demandResponse.ancillary.capacityUsdPerMwHour',
          message: `required unless hourly ${anc.service} prices are given (--as-prices FILE)`,
        });
      const byHour = hourLookup(series, paths.ancillaryPrices, `${anc.service} price`);
      let without = 0;
      for (let h = 0; h < n; h++) {
        const v = byHour.get(Math.floor(timeMs[h]! / HOUR_MS));
        if (v === undefined || !Number.isFinite(v)) {
          without++;
          continue;
        }
        offerUsdPerMwH[h] = v;
        offerCapMw[h] = anc.maxOfferMw;
      }
      if (without > 0)
        warnings.push(
          `ancillary: no ${anc.service} price for ${without} of ${n} intervals; no capacity offered in them (not filled)`,
        );
    }
    for (const [i, d] of (anc.deployments ?? []).entries()) {
      const t = Date.parse(d);
      const h = indexOf(timeMs, t);
      if (h < 0) {
        if (t >= timeMs[0]! && t < timeMs[n - 1]! + stepMs)
          throw new InputError({
            path: `site.demandResponse.ancillary.deployments.${i}`,
            message: 'expected an interval start with a price',
            value: d,
          });
        continue;
      }
      deployed[h] = 1;
    }
  }

  // coupling
  const budgets: Coupling['budgets'] = [];
  const budget = site.mining.monthlyEnergyBudgetMwh;
  if (budget !== undefined) {
    const minMwh = typeof budget === 'number' ? null : (budget.minMwh ?? null);
    const maxMwh = typeof budget === 'number' ? budget : (budget.maxMwh ?? null);
    const ym = central().yearMonth;
    let first = 0;
    for (let h = 1; h <= n; h++) {
      if (h < n && ym[h] === ym[first]) continue;
      const key = ym[first]!;
      const y = Math.floor(key / 100);
      const mo = key % 100;
      const monthHours =
        (centralMidnightUtcMs(mo === 12 ? y + 1 : y, mo === 12 ? 1 : mo + 1, 1) -
          centralMidnightUtcMs(y, mo, 1)) /
        HOUR_MS;
      const month = monthName(key);
      const share = Math.min(1, ((h - first) * dtH) / monthHours);
      if (share < 1 - 1e-9)
        warnings.push(
          `budget: ${month} has ${round((h - first) * dtH)} of ${monthHours} hours priced; its budget is pro-rated to ${round(share * 100)} %`,
        );
      budgets.push({
        month,
        first,
        last: h - 1,
        minMwh: minMwh === null ? null : minMwh * share,
        maxMwh: maxMwh === null ? null : maxMwh * share,
      });
      first = h;
    }
  }

  const aiLeaseUsdPerHour = ai === undefined ? 0 : (ai.leaseUsdPerKwMonth * 1000 * leaseMw) / HOURS_PER_MONTH;
  return {
    problem: {
      n,
      dtH,
      timeMs,
      priceUsdPerMwh,
      hashpriceUsdPerPhDay: hp.usd,
      hashpriceBtcPerPhDay: hp.btc,
      aiMw,
      capMw,
      tiers,
      tierMw,
      tierRevenueFactor,
      blockMw,
      blockCostUsdPerMwh,
      marginalCostUsdPerMwh,
      fixedUsdPerMw,
      offerCapMw,
      offerUsdPerMwH,
      deployed,
      coupling: {
        rampMwPerHour: site.mining.rampMwPerHour ?? null,
        budgets,
        windowOf,
        windows,
        commitment:
          site.mining.minRunHours === undefined && site.mining.minDownHours === undefined
            ? null
            : {
                minRunH: site.mining.minRunHours ?? null,
                minDownH: site.mining.minDownHours ?? null,
                minLoadFraction: site.mining.minLoadFraction ?? 1,
              },
      },
      terms: {
        adderUsdPerMwh: power.adderUsdPerMwh,
        ppa,
        aiLeaseUsdPerHour,
        aiPassThrough: ai?.powerPassThrough ?? false,
        fourCp: fourCpTerms,
      },
    },
    warnings,
  };
}

/** True when the site asks for anything that may tie its hours together (before looking at the period). */
export function siteCouplesHours(site: Site): boolean {
  return (
    site.mining.rampMwPerHour !== undefined ||
    site.mining.monthlyEnergyBudgetMwh !== undefined ||
    site.mining.minRunHours !== undefined ||
    site.mining.minDownHours !== undefined ||
    site.demandResponse?.fourCp?.mode === 'window'
  );
}

/** The fields that tie this problem's hours together, so merit order alone is not exact; empty when none. */
export function couplingOf(problem: DispatchProblem): string[] {
  const c = problem.coupling;
  const out: string[] = [];
  if (c.rampMwPerHour !== null) out.push('site.mining.rampMwPerHour');
  if (c.budgets.some((b) => b.minMwh !== null || b.maxMwh !== null))
    out.push('site.mining.monthlyEnergyBudgetMwh');
  if (c.windows.length > 0) out.push("site.demandResponse.fourCp.mode 'window'");
  if (c.commitment?.minRunH != null) out.push('site.mining.minRunHours');
  if (c.commitment?.minDownH != null) out.push('site.mining.minDownHours');
  return out;
}

/** Index of the interval that starts at `t` (binary search), or −1. */
function indexOf(timeMs: Float64Array, t: number): number {
  let lo = 0;
  let hi = timeMs.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const v = timeMs[mid]!;
    if (v === t) return mid;
    if (v < t) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}

/** Each known 4CP interval placed in the dispatch interval that contains it (hourly or 15-minute). */
function locateFourCp(
  intervals: readonly FourCpInterval[],
  timeMs: Float64Array,
  stepMs: number,
  warnings: string[],
): { index: number; month: string }[] {
  const out: { index: number; month: string }[] = [];
  const n = timeMs.length;
  for (const k of intervals) {
    const [y, m, d] = k.date.split('-').map(Number) as [number, number, number];
    const [hh, mm] = k.endingCpt.split(':').map(Number) as [number, number];
    const r = centralToUtcMs(y, m, d, hh * 60 + mm - 15, false);
    if (!r.ok) continue;
    const t = r.utcMs;
    if (n === 0 || t < timeMs[0]! || t >= timeMs[n - 1]! + stepMs) continue;
    const start = t - ((((t - timeMs[0]!) % stepMs) + stepMs) % stepMs);
    const h = indexOf(timeMs, start);
    if (h < 0) {
      warnings.push(`4CP: interval ${k.date} ${k.endingCpt} CPT falls in a price gap; not valued`);
      continue;
    }
    out.push({ index: h, month: k.date.slice(0, 7) });
  }
  return out;
}

/** The June-September months (Central time) the period touches, `YYYY-MM`. */
function summerMonths(local: CentralFields): string[] {
  const out = new Set<number>();
  for (const ym of local.yearMonth) if (ym % 100 >= 6 && ym % 100 <= 9) out.add(ym);
  return [...out].map(monthName);
}

function monthName(yearMonth: number): string {
  return `${Math.floor(yearMonth / 100)}-${String(yearMonth % 100).padStart(2, '0')}`;
}

/** One value per UTC hour; a second row in the same hour is an error (never averaged or overwritten). */
function hourLookup(series: TimedValues, path: string, what: string): Map<number, number> {
  const map = new Map<number, number>();
  for (let i = 0; i < series.timeUtcMs.length; i++) {
    const hour = Math.floor(series.timeUtcMs[i]! / HOUR_MS);
    if (map.has(hour))
      throw new InputError({
        path,
        message: `expected one ${what} value per hour; two rows fall in the hour starting ${new Date(hour * HOUR_MS).toISOString()}`,
        value: series.values[i]!,
      });
    map.set(hour, series.values[i]!);
  }
  return map;
}

/** Values of an hourly series on each interval (by the hour the interval starts in). */
function valuesOnIntervals(
  series: TimedValues,
  timeMs: Float64Array,
  path: string,
  what: string,
): Float64Array {
  const byHour = hourLookup(series, path, what);
  const out = new Float64Array(timeMs.length);
  const missing: string[] = [];
  let missingCount = 0;
  for (let h = 0; h < timeMs.length; h++) {
    const v = byHour.get(Math.floor(timeMs[h]! / HOUR_MS));
    if (v === undefined) {
      missingCount++;
      if (missing.length < 3) missing.push(new Date(timeMs[h]!).toISOString());
      continue;
    }
    out[h] = v;
  }
  if (missingCount > 0)
    throw new InputError({
      path,
      message: `no ${what} for ${missingCount} priced interval(s), e.g. ${missing.join(', ')}; not filled`,
    });
  return out;
}

function parseStart(raw: string, path: string): number {
  const ms = parseInstant(raw, path);
  return ms;
}

function parseEnd(raw: string, path: string): number {
  const ms = parseInstant(raw, path);
  return /^\d{4}-\d{2}-\d{2}$/.test(raw) ? ms + DAY_MS : ms;
}

function parseInstant(raw: string, path: string): number {
  const day = /^\d{4}-\d{2}-\d{2}$/.test(raw);
  const ms = Date.parse(day ? `${raw}T00:00:00Z` : raw);
  const ok =
    Number.isFinite(ms) &&
    (day
      ? new Date(ms).toISOString().slice(0, 10) === raw
      : /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.test(raw));
  if (!ok)
    throw new InputError({
      path,
      message: 'expected a date YYYY-MM-DD (UTC) or an ISO instant with offset',
      value: raw,
    });
  return ms;
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}
