import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { simulateSync } from '../../src/core/simulate/engine.ts';
import { frozenScenarioDocument, patched, scenarioOf } from './scenarios.ts';

/*
 * Project debt at the discount rate is worth nothing to equity: the draw is paid back by level payments whose
 * present value at the loan's own rate is the draw. So in a frozen world (one path, no volatility, hodl), a
 * conversion financed with debt at the discount rate has the same NPV as the same conversion paid in cash,
 * whether the loan is still running at the horizon (balance owed subtracted) or not.
 */
const conversion = (financing?: Record<string, unknown>) => ({
  site: 'Test',
  itMw: 10,
  startMonth: 1,
  buildMonths: 2,
  capexUsdPerMw: 8e6,
  pue: 1.25,
  lease: { usdPerKwMonth: 120, termMonths: 24 },
  ...(financing ? { financing } : {}),
});

describe('project financing in the NPV', () => {
  for (const termMonths of [60, 6]) {
    it(`debt at the discount rate leaves the NPV unchanged (loan term ${termMonths} months, horizon 12)`, () => {
      const doc = patched(frozenScenarioDocument(), {
        paths: 1,
        discountRatePerYear: 0.1,
        strategies: [
          { name: 'cash', treasury: 'hodl', conversions: [conversion()] },
          {
            name: 'financed',
            treasury: 'hodl',
            conversions: [conversion({ debtShare: 1, interestRatePerYear: 0.1, termMonths })],
          },
        ],
      });
      const r = simulateSync(scenarioOf(doc));
      const [cash, financed] = r.strategies;
      const a = cash!.npvUsd.mean;
      const b = financed!.npvUsd.mean;
      assert.ok(Math.abs(a - b) <= 1e-6 * Math.abs(a), `cash ${a} vs financed ${b} (difference ${b - a})`);
    });
  }
});

describe('project debt after a tenant default', () => {
  it('is still owed at the horizon: financed and cash-paid conversions have the same NPV on every path', () => {
    // The tenant defaults within the first months on almost every path (rent stops; capex and debt remain).
    const lease = { usdPerKwMonth: 120, termMonths: 24, tenantDefaultPerYear: 0.9999 };
    const doc = patched(frozenScenarioDocument(), {
      paths: 20,
      discountRatePerYear: 0.1,
      strategies: [
        { name: 'cash', treasury: 'hodl', conversions: [{ ...conversion(), lease }] },
        {
          name: 'financed',
          treasury: 'hodl',
          conversions: [{ ...conversion({ debtShare: 1, interestRatePerYear: 0.1, termMonths: 60 }), lease }],
        },
      ],
    });
    const r = simulateSync(scenarioOf(doc));
    const [cash, financed] = r.strategies;
    for (const q of ['p5', 'p50', 'p95', 'mean'] as const) {
      const a = cash!.npvUsd[q];
      const b = financed!.npvUsd[q];
      assert.ok(
        Math.abs(a - b) <= 1e-6 * Math.abs(a),
        `${q}: cash ${a} vs financed ${b} (difference ${b - a})`,
      );
    }
  });
});
