import type { PriceSeries } from '../../src/schema/price-series.ts';
import { parseSite, type Site, type SiteInput } from '../../src/schema/site.ts';

/** A price series on a regular grid from `startIso`, as a loader would return it (no gaps). */
export function priceSeries(
  prices: readonly number[],
  startIso = '2023-07-03T05:00:00Z',
  intervalMinutes = 60,
): PriceSeries {
  const start = Date.parse(startIso);
  const step = intervalMinutes * 60_000;
  const timeUtcMs = prices.map((_, i) => start + i * step);
  const iso = (ms: number) => new Date(ms).toISOString();
  return {
    node: 'TEST',
    market: 'unknown',
    intervalMinutes,
    timeUtcMs,
    priceUsdPerMwh: [...prices],
    report: {
      source: 'fixture',
      format: 'generic',
      rows: prices.length,
      intervals: prices.length,
      firstUtc: iso(start),
      lastUtc: iso(start + (prices.length - 1) * step),
      availableNodes: ['TEST'],
      missingIntervals: 0,
      gaps: [],
      duplicates: [],
      duplicateCount: 0,
      dst: [],
      notes: [],
    },
  };
}

/**
 * The hand-worked site of the tests: 100 MW interconnect, 20 MW of AI at PUE 1.25 (25 MW at the meter), three
 * tiers of 1 EH/s (1e6 TH/s) each at 20, 40 and 50 J/TH (20, 40 and 50 MW; 110 MW in all, 75 MW fit beside the AI).
 * At a hashprice of 48 USD/PH/day they earn 48·1000/(24·J/TH) = 100, 50 and 40 USD/MWh.
 */
export function handSite(overrides: Partial<SiteInput> = {}): Site {
  return parseSite({
    name: 'hand',
    interconnectMw: 100,
    ai: { firmMw: 20, pue: 1.25, leaseUsdPerKwMonth: 100, powerPassThrough: true },
    mining: {
      tiers: [
        { thPerS: 1e6, jPerTh: 50, name: 'C' },
        { thPerS: 1e6, jPerTh: 20, name: 'A' },
        { thPerS: 1e6, jPerTh: 40, name: 'B' },
      ],
    },
    power: { kind: 'index', adderUsdPerMwh: 0 },
    ...overrides,
  });
}
