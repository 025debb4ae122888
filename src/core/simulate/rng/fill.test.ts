import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { fillNormal, fillUniform } from './fill.ts';
import { nextUnit, seedState } from './xoshiro128ss.ts';

/**
 * Standard normal CDF through erfc (Numerical Recipes `erfcc`, fractional error < 1.2e-7: far below the
 * KS critical distance used here).
 */
function normalCdf(x: number): number {
  const z = Math.abs(x) / Math.SQRT2;
  const u = 1 / (1 + 0.5 * z);
  const poly =
    -1.26551223 +
    u *
      (1.00002368 +
        u *
          (0.37409196 +
            u *
              (0.09678418 +
                u *
                  (-0.18628806 +
                    u *
                      (0.27886807 +
                        u * (-1.13520398 + u * (1.48851587 + u * (-0.82215223 + u * 0.17087277))))))));
  const erfc = u * Math.exp(-z * z + poly);
  return x >= 0 ? 1 - erfc / 2 : erfc / 2;
}

const N = 1_000_000;

describe('bulk normals (ziggurat) and uniforms', () => {
  it('normals have mean 0 and variance 1 within 5 standard errors, and the tail mass beyond 3', () => {
    // SE(mean) = 1/√N = 0.001; SE(variance) = √(2/N) = 0.0014; P(|Z| > 3) = 0.0027, SE √(p/N) = 5.2e-5.
    const out = new Float64Array(N);
    fillNormal(seedState(1), out, 0, N);
    let mean = 0;
    let tail = 0;
    for (const x of out) {
      mean += x;
      if (Math.abs(x) > 3) tail++;
    }
    mean /= N;
    let variance = 0;
    for (const x of out) variance += (x - mean) ** 2;
    variance /= N - 1;
    assert.ok(Math.abs(mean) < 5e-3, `mean ${mean}`);
    assert.ok(Math.abs(variance - 1) < 5 * Math.sqrt(2 / N), `variance ${variance}`);
    assert.ok(Math.abs(tail / N - 0.0026998) < 5 * 5.2e-5, `tail ${tail / N}`);
  });

  it('normals pass a Kolmogorov–Smirnov test against Φ (D < 1.63/√n, the 1 % critical value)', () => {
    const n = 200_000;
    const out = new Float64Array(n);
    fillNormal(seedState(2), out, 0, n);
    out.sort();
    let d = 0;
    for (let i = 0; i < n; i++) {
      const f = normalCdf(out[i]!);
      d = Math.max(d, Math.abs(f - i / n), Math.abs((i + 1) / n - f));
    }
    assert.ok(d < 1.63 / Math.sqrt(n), `KS distance ${d}`);
  });

  it('uniforms lie strictly inside (0, 1) with mean 1/2 and variance 1/12', () => {
    const out = new Float64Array(N);
    fillUniform(seedState(3), out, 0, N);
    let mean = 0;
    let min = 1;
    let max = 0;
    for (const x of out) {
      mean += x;
      min = Math.min(min, x);
      max = Math.max(max, x);
    }
    mean /= N;
    assert.ok(min > 0 && max < 1);
    assert.ok(Math.abs(mean - 0.5) < 5 * Math.sqrt(1 / 12 / N), `mean ${mean}`);
  });

  it('a bulk fill is the same stream as one draw at a time (uniforms)', () => {
    const bulk = new Float64Array(10);
    fillUniform(seedState(9), bulk, 0, 10);
    const s = seedState(9);
    for (let i = 0; i < 10; i++) assert.equal(bulk[i], nextUnit(s));
  });
});
