import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { type CompiledScenario, compileScenario } from '../../src/core/simulate/compile.ts';
import { runChunks } from '../../src/core/simulate/engine.ts';
import { mergeChunks } from '../../src/core/simulate/summary.ts';
import { parseCoinMetricsCsv } from '../../src/data/coinmetrics-csv.ts';
import { frozenScenarioDocument, patched, scenarioOf } from './scenarios.ts';

/** ln(price) at the horizon on every path. */
function logPricesAtEnd(c: CompiledScenario): Float64Array {
  const run = mergeChunks(c, runChunks(c));
  return run.networkFinals.subarray(0, run.paths).map(Math.log);
}

function moments(x: Float64Array): { mean: number; variance: number; m4: number } {
  let mean = 0;
  for (const v of x) mean += v;
  mean /= x.length;
  let m2 = 0;
  let m4 = 0;
  for (const v of x) {
    const d = (v - mean) ** 2;
    m2 += d;
    m4 += d * d;
  }
  return { mean, variance: m2 / (x.length - 1), m4: m4 / x.length };
}

const PATHS = 40_000;

describe('BTC price models', () => {
  it('GBM with jumps: mean and variance of ln P_T match Merton’s closed form within 4 standard errors', () => {
    // μ = 0.2, σ = 0.6, λ = 18.25/yr, jump log-size N(m = −0.0038, s = 0.1238), T = 2 years (24 months):
    //   E[ln P_T] = ln P_0 + (μ − σ²/2 − λκ)T + λT·m,  κ = e^{m + s²/2} − 1
    //   Var[ln P_T] = σ²T + λT(m² + s²)
    // The monthly step is exact for this process (normal sums; Poisson counts add), so only sampling error
    // remains: SE(mean) = √(Var/N), SE(variance) = √((μ₄ − Var²)/N). 4 SE: a false alarm about 1 in 16,000.
    const doc = patched(frozenScenarioDocument(), {
      months: 24,
      paths: PATHS,
      market: {
        price: {
          model: 'gbm',
          startUsd: 50_000,
          driftPerYear: 0.2,
          volatilityPerYear: 0.6,
          jumps: { perYear: 18.25, meanLog: -0.0038, stdLog: 0.1238 },
        },
      },
    });
    const x = logPricesAtEnd(compileScenario(scenarioOf(doc)));
    const [T, mu, sigma, lambda, m, s] = [2, 0.2, 0.6, 18.25, -0.0038, 0.1238];
    const kappa = Math.exp(m + (s * s) / 2) - 1;
    const mean = Math.log(50_000) + (mu - (sigma * sigma) / 2 - lambda * kappa) * T + lambda * T * m;
    const variance = sigma * sigma * T + lambda * T * (m * m + s * s);
    const got = moments(x);
    const seMean = Math.sqrt(variance / x.length);
    const seVar = Math.sqrt((got.m4 - got.variance ** 2) / x.length);
    assert.ok(Math.abs(got.mean - mean) < 4 * seMean, `mean ${got.mean} vs ${mean} (SE ${seMean})`);
    assert.ok(
      Math.abs(got.variance - variance) < 4 * seVar,
      `variance ${got.variance} vs ${variance} (SE ${seVar})`,
    );
  });

  it('block bootstrap of 2016–2019 daily returns reproduces their volatility at the block horizon and the drift', () => {
    // Historical volatility at the 30-day horizon: standard deviation of all overlapping 30-day sums of
    // demeaned daily log-returns, annualized (× √(365.25/30)) = 0.849. (Daily std × √365.25 = 0.761 is lower:
    // the 2016–2019 series has momentum, lag-2…29 autocorrelations of +0.02…0.05, which 30-day blocks keep
    // and an i.i.d. resampling would lose.) Simulated: standard deviation of ln P after 12 months = 365 days
    // of returns, annualized. Sampling error at 40,000 paths ≈ 1 %; block-joint effects at month ends ≈ 1–2 %:
    // tolerance 5 %. The mean of ln P_T is 365·(μ/365.25 − σ²_day/2) by construction (demeaned returns
    // shifted by μ/365.25 − σ²_day/2): tolerance 4 standard errors.
    const days = parseCoinMetricsCsv(
      readFileSync('/work/shared/data/btc_daily_coinmetrics.csv', 'utf8'),
      'btc_daily_coinmetrics.csv',
    );
    const returns: number[] = [];
    for (let i = 1; i < days.length; i++) {
      const [a, b] = [days[i - 1]!, days[i]!];
      if (a.date >= '2016-01-01' && b.date <= '2019-12-31' && a.priceUsd && b.priceUsd)
        returns.push(Math.log(b.priceUsd / a.priceUsd));
    }
    const daily = moments(Float64Array.from(returns));
    let sumSquares = 0;
    let windows = 0;
    for (let i = 0; i + 30 <= returns.length; i++, windows++) {
      let sum = 0;
      for (let j = i; j < i + 30; j++) sum += returns[j]! - daily.mean;
      sumSquares += sum * sum;
    }
    const historicalVol = Math.sqrt(((sumSquares / windows) * 365.25) / 30);
    const doc = patched(frozenScenarioDocument(), { months: 12, paths: PATHS });
    (doc.market as Record<string, unknown>).price = {
      model: 'bootstrap',
      startUsd: 50_000,
      driftPerYear: 0.1,
      coinMetricsCsv: 'returns are passed in directly',
      blockDays: 30,
    };
    const c = compileScenario(scenarioOf(doc), { dailyLogReturns: Float64Array.from(returns) });
    const x = logPricesAtEnd(c);
    const got = moments(x);
    // 12 months of 30.4375 days hold floor(365.25) = 365 whole days of returns
    const simulatedVol = Math.sqrt((got.variance * 365.25) / 365);
    assert.ok(
      Math.abs(simulatedVol / historicalVol - 1) < 0.05,
      `simulated ${simulatedVol} vs historical ${historicalVol}`,
    );
    const expectedMean = Math.log(50_000) + 365 * (0.1 / 365.25 - daily.variance / 2);
    const se = Math.sqrt(got.variance / x.length);
    assert.ok(Math.abs(got.mean - expectedMean) < 4 * se, `mean ${got.mean} vs ${expectedMean} (SE ${se})`);
  });
});
