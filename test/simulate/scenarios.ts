import { parseScenario, type Scenario } from '../../src/schema/scenario.ts';

/**
 * A frozen world for closed-form checks: no price or fee volatility, no jumps, no new machines, no attrition,
 * network power so cheap that every machine stays on, difficulty at its equilibrium for 1,000 EH/s (600 s
 * blocks). One 100 MW site holding 5 EH/s at 20 J/TH (exactly 100 MW at PUE 1).
 */
export function frozenScenarioDocument(): Record<string, unknown> {
  return {
    name: 'frozen',
    startDate: '2025-01-01',
    months: 12,
    paths: 3,
    seed: 7,
    discountRatePerYear: 0,
    terminalValue: { miningMarginYears: 0 },
    market: {
      price: {
        model: 'gbm',
        startUsd: 100_000,
        driftPerYear: 0,
        volatilityPerYear: 0,
        jumps: { perYear: 0, meanLog: 0, stdLog: 0 },
      },
      fees: {
        startBtcPerBlock: 0.125,
        meanBtcPerBlock: 0.125,
        reversionPerMonth: 0.1,
        volatilityPerMonth: 0,
      },
      network: {
        hashrateEhPerS: 1000,
        height: 900_000,
        powerCostUsdPerMwh: 1,
        newSupplyEhPerSPerMonth: 0,
        attritionPerYear: 0,
      },
      asicPrice: { usdPerTh: 15 },
    },
    company: {
      name: 'Frozen Co',
      sharesOutstanding: 1_000_000,
      cashUsd: 1e9,
      btcHeld: 0,
      sites: [
        {
          name: 'Test',
          interconnectMw: 100,
          powerUsdPerMwh: 50,
          miningPue: 1,
          fleet: [{ thPerS: 5e6, jPerTh: 20 }],
        },
      ],
    },
    strategies: [
      { name: 'hodl', treasury: 'hodl' },
      { name: 'cover', treasury: 'sell-to-cover' },
    ],
  };
}

/** A small, fully stochastic scenario: one site, two tiers, a conversion, reinvestment, all four policies. */
export function smallScenarioDocument(): Record<string, unknown> {
  return {
    name: 'small',
    startDate: '2025-01-01',
    months: 24,
    paths: 500,
    seed: 11,
    discountRatePerYear: 0.1,
    market: {
      price: { model: 'gbm', startUsd: 90_000, driftPerYear: 0.2 },
      fees: { startBtcPerBlock: 0.03, meanBtcPerBlock: 0.05 },
      network: { hashrateEhPerS: 800, height: 1_040_000 },
      asicPrice: { usdPerTh: 15 },
    },
    company: {
      name: 'Small Co',
      sharesOutstanding: 1e7,
      cashUsd: 20e6,
      btcHeld: 300,
      minCashUsd: 2e6,
      poolFeeShare: 0.02,
      uptimeShare: 0.95,
      miningOpexUsdPerMwMonth: 10_000,
      overheadUsdPerMonth: 300_000,
      asicAttritionPerYear: 0.05,
      sites: [
        {
          name: 'Alpha',
          interconnectMw: 40,
          powerUsdPerMwh: 45,
          miningPue: 1.05,
          fleet: [
            { model: 'Antminer S21', units: 5000 },
            { model: 'Antminer S19j Pro', units: 5000 },
          ],
        },
      ],
    },
    strategies: [
      { name: 'pure-play', treasury: 'hodl', reinvest: { shareOfCashFlow: 0.5 } },
      {
        name: 'mullet',
        treasury: 'sell-to-cover',
        reinvest: { shareOfCashFlow: 0.3 },
        conversions: [
          {
            site: 'Alpha',
            itMw: 10,
            startMonth: 3,
            buildMonths: 6,
            capexUsdPerMw: 8e6,
            pue: 1.3,
            opexUsdPerMwMonth: 20_000,
            lease: {
              usdPerKwMonth: 120,
              termMonths: 120,
              escalatorPerYear: 0.03,
              tenantDefaultPerYear: 0.05,
            },
            financing: { debtShare: 0.6, interestRatePerYear: 0.08, termMonths: 60 },
          },
        ],
      },
      { name: 'floor', treasury: 'never-sell-below-cost' },
      { name: 'seller', treasury: 'sell-production' },
    ],
    frontier: { strategy: 'mullet', aiMw: [0, 5, 10, 20] },
  };
}

/** Deep-merges `patch` into a copy of `doc` (objects merge, everything else replaces). */
export function patched(
  doc: Record<string, unknown>,
  patch: Record<string, unknown>,
): Record<string, unknown> {
  const out: Record<string, unknown> = structuredClone(doc);
  for (const [key, value] of Object.entries(patch)) {
    const current = out[key];
    out[key] =
      isPlainObject(current) && isPlainObject(value) ? patched(current, value) : structuredClone(value);
  }
  return out;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

export function scenarioOf(doc: Record<string, unknown>): Scenario {
  return parseScenario(doc);
}
