import type { CompiledScenario } from './compile.ts';
import type { ChunkState } from './state.ts';

/**
 * Advances BTC price and fee level of every path by one month (month `t`), reading the month's normals
 * (`[0, n)` price, `[n, 2n)` fees, `[2n, 3n)` jump sizes) and uniforms already drawn into the state.
 *
 * GBM with jumps: `ln P += (μ − σ²/2 − λκ)/12 + σ/√12 · z + J`, where the month's jump total J is a compound
 * Poisson sum: N from the uniform u by the Poisson inverse CDF, and, the sum of N normal jumps being normal,
 * `J = N·m + √N·s·z_J`. One uniform and one normal per path-month cover any number of jumps.
 *
 * Bootstrap (circular blocks): the month's `daysInMonth[t]` daily returns are read from blocks of `blockDays`
 * consecutive days, each starting at a uniform random day and wrapping past the series' end; a block carries
 * over into the next month.
 *
 * Fees: `ln f = ln f̄ + φ (ln f − ln f̄) + σ_f z_f` (log-AR(1)).
 */
export function stepMarket(c: CompiledScenario, s: ChunkState, t: number): void {
  const n = s.n;
  const { logPrice, price, invPrice, logFee, fee, normals, uniforms } = s;
  if (c.priceModel === 'gbm') {
    const drift = c.gbmDriftPerMonth;
    const sigma = c.gbmSigmaPerMonth;
    const cdf = c.jumpCdf;
    const maxJumps = cdf.length - 1;
    const p0 = maxJumps >= 0 ? cdf[0]! : 1;
    const jm = c.jumpMeanLog;
    const sqrtJumps = c.jumpSqrtStd;
    for (let p = 0; p < n; p++) {
      let r = drift + sigma * normals[p]!;
      const u = uniforms[p]!;
      if (u > p0) {
        let k = 1;
        while (k < maxJumps && u > cdf[k]!) k++;
        r += k * jm + sqrtJumps[k]! * normals[2 * n + p]!;
      }
      const lp = logPrice[p]! + r;
      logPrice[p] = lp;
      const P = Math.exp(lp);
      price[p] = P;
      invPrice[p] = 1 / P;
    }
  } else {
    const prefix = c.bootstrapPrefix;
    const blockDays = c.blockDays;
    const starts = c.bootstrapDays; // circular: any of the N days starts a block
    const U = c.blockDrawsPerMonth;
    const days = c.daysInMonth[t]!;
    const { bsPos, bsLeft } = s;
    for (let p = 0; p < n; p++) {
      let need = days;
      let pos = bsPos[p]!;
      let left = bsLeft[p]!;
      let j = p * U;
      let r = 0;
      while (need > 0) {
        if (left === 0) {
          pos = Math.floor(uniforms[j++]! * starts);
          left = blockDays;
        }
        const k = Math.min(need, left);
        r += prefix[pos + k]! - prefix[pos]!;
        pos += k;
        left -= k;
        need -= k;
      }
      bsPos[p] = pos;
      bsLeft[p] = left;
      const lp = logPrice[p]! + r;
      logPrice[p] = lp;
      const P = Math.exp(lp);
      price[p] = P;
      invPrice[p] = 1 / P;
    }
  }
  const mean = c.logFeeMean;
  const phi = c.feePersistence;
  const feeSigma = c.feeSigma;
  for (let p = 0; p < n; p++) {
    const lf = mean + phi * (logFee[p]! - mean) + feeSigma * normals[n + p]!;
    logFee[p] = lf;
    fee[p] = Math.exp(lf);
  }
}
