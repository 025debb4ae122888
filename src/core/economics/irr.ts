/** Outcome of {@link irr}: a rate, or why there is none. */
export type IrrResult =
  | { ok: true; ratePerPeriod: number }
  | { ok: false; reason: 'no-sign-change' | 'no-convergence' };

/** NPV in log-rate space, `g = ln(1 + r)`: `Σ cf_i · e^(−g·i)`. Non-finite when the factors overflow. */
function npvAtLogRate(cashFlowsUsd: ArrayLike<number>, g: number): number {
  const step = Math.exp(-g);
  let factor = 1;
  let sum = 0;
  for (let i = 0; i < cashFlowsUsd.length; i++) {
    sum += cashFlowsUsd[i]! * factor;
    factor *= step;
  }
  return sum;
}

/** Largest |ln(1+r)| searched: r from e^-30 − 1 (≈ −1 + 1e-13) to e^30 − 1 (≈ 1e13 per period). */
const MAX_ABS_LOG_RATE = 30;
const FIRST_STEP = 0.02;
const STEP_GROWTH = 1.15;
const MAX_BRENT_ITERATIONS = 200;

/**
 * Internal rate of return per period: a rate r > −1 at which {@link npvUsd}(cashFlowsUsd, r) = 0.
 *
 * Method: NPV is searched in `g = ln(1 + r)` from r = 0 with growing steps (0.02, ×1.15 each) until it changes
 * sign across a step; Brent's method then solves inside that bracket (on g, to |Δg| ≤ 1e-14 or an exact zero).
 * Which way the search goes decides which root is returned when there are several:
 * - As r → ∞ the NPV tends to the first non-zero flow. If NPV(0) has the other sign (an investment that pays
 *   back, or a loan that costs), a root lies above 0 and the smallest positive one is returned.
 * - Else, as r → −1 the NPV takes the sign of the last non-zero flow; if NPV(0) has the other sign, the root
 *   in (−1, 0) nearest 0 is returned.
 * - Else both sides are searched alternately and the root nearest 0 (in log space) is returned, if any.
 * Conventional flows (one sign change) have exactly one root and it is found. Flows with several sign changes
 * (e.g. `[-100, 230, -132]`, roots 10% and 20%) can have several IRRs or none (Descartes' rule); two roots
 * closer together than one step can cancel and be missed. When no root is found within
 * r ∈ (e^−30 − 1, e^30 − 1) the result is `{ ok: false, reason: 'no-convergence' }`. Flows whose non-zero
 * values all share one sign give `'no-sign-change'` (no rate can make their NPV zero).
 * @throws RangeError for a non-finite flow.
 * @example irr([-100, 110]) → { ok: true, ratePerPeriod: 0.1 }
 */
export function irr(cashFlowsUsd: ArrayLike<number>): IrrResult {
  let first = 0;
  let last = 0;
  for (let i = 0; i < cashFlowsUsd.length; i++) {
    const cf = cashFlowsUsd[i]!;
    if (!Number.isFinite(cf)) throw new RangeError(`cash flow ${i} must be finite, got ${cf}`);
    if (cf !== 0) {
      if (first === 0) first = cf;
      last = cf;
    }
  }
  let changes = false;
  for (let i = 0; i < cashFlowsUsd.length && !changes; i++) changes = cashFlowsUsd[i]! * first < 0;
  if (!changes) return { ok: false, reason: 'no-sign-change' };

  const f0 = npvAtLogRate(cashFlowsUsd, 0);
  if (f0 === 0) return { ok: true, ratePerPeriod: 0 };
  const rootAbove = f0 > 0 !== first > 0;
  const rootBelow = !rootAbove && f0 > 0 !== last > 0;

  // Walk outward; a side stops once it leaves the range or its NPV overflows.
  let up = 0;
  let fUp = f0;
  let down = 0;
  let fDown = f0;
  let upOpen = !rootBelow;
  let downOpen = !rootAbove;
  let step = FIRST_STEP;
  while (upOpen || downOpen) {
    if (upOpen) {
      const g = Math.min(up + step, MAX_ABS_LOG_RATE);
      const f = npvAtLogRate(cashFlowsUsd, g);
      if (!Number.isFinite(f)) upOpen = false;
      else if (f === 0) return { ok: true, ratePerPeriod: Math.expm1(g) };
      else if (f > 0 !== fUp > 0) return brent(cashFlowsUsd, up, fUp, g, f);
      else {
        up = g;
        fUp = f;
        if (g >= MAX_ABS_LOG_RATE) upOpen = false;
      }
    }
    if (downOpen) {
      const g = Math.max(down - step, -MAX_ABS_LOG_RATE);
      const f = npvAtLogRate(cashFlowsUsd, g);
      if (!Number.isFinite(f)) downOpen = false;
      else if (f === 0) return { ok: true, ratePerPeriod: Math.expm1(g) };
      else if (f > 0 !== fDown > 0) return brent(cashFlowsUsd, g, f, down, fDown);
      else {
        down = g;
        fDown = f;
        if (g <= -MAX_ABS_LOG_RATE) downOpen = false;
      }
    }
    step *= STEP_GROWTH;
  }
  return { ok: false, reason: 'no-convergence' };
}

/** Brent's method (Brent 1973, as in Numerical Recipes `zbrent`) on g in [a, b] with f(a)·f(b) < 0. */
function brent(cashFlowsUsd: ArrayLike<number>, a: number, fa: number, b: number, fb: number): IrrResult {
  let c = b;
  let fc = fb;
  let d = b - a;
  let e = d;
  for (let iter = 0; iter < MAX_BRENT_ITERATIONS; iter++) {
    if ((fb > 0 && fc > 0) || (fb < 0 && fc < 0)) {
      c = a;
      fc = fa;
      d = b - a;
      e = d;
    }
    if (Math.abs(fc) < Math.abs(fb)) {
      a = b;
      b = c;
      c = a;
      fa = fb;
      fb = fc;
      fc = fa;
    }
    const tol = 2 * Number.EPSILON * Math.abs(b) + 0.5e-14;
    const xm = 0.5 * (c - b);
    if (Math.abs(xm) <= tol || fb === 0) return { ok: true, ratePerPeriod: Math.expm1(b) };
    if (Math.abs(e) >= tol && Math.abs(fa) > Math.abs(fb)) {
      // inverse quadratic interpolation (or secant when only two points are distinct)
      const s = fb / fa;
      let p: number;
      let q: number;
      if (a === c) {
        p = 2 * xm * s;
        q = 1 - s;
      } else {
        const qa = fa / fc;
        const r = fb / fc;
        p = s * (2 * xm * qa * (qa - r) - (b - a) * (r - 1));
        q = (qa - 1) * (r - 1) * (s - 1);
      }
      if (p > 0) q = -q;
      p = Math.abs(p);
      if (2 * p < Math.min(3 * xm * q - Math.abs(tol * q), Math.abs(e * q))) {
        e = d;
        d = p / q;
      } else {
        d = xm;
        e = d;
      }
    } else {
      d = xm;
      e = d;
    }
    a = b;
    fa = fb;
    b += Math.abs(d) > tol ? d : xm > 0 ? tol : -tol;
    fb = npvAtLogRate(cashFlowsUsd, b);
  }
  return { ok: false, reason: 'no-convergence' };
}
