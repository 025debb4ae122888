// stepMarket of src/core/simulate/step-market.ts: price (GBM with compound-Poisson jumps, 8 lanes at a time;
// the block bootstrap path by path) and the fee level's log-AR(1).
#include <algorithm>

#include "js_math.h"
#include "kernel.h"

namespace mullet {

void stepMarket(const Compiled& c, Work& s, int t, int pb, int pe, MonthDraws draws) {
  const int n = s.n;
  const double* normals = draws.normals;
  const double* uniforms = draws.uniforms;
  if (c.gbm) {
    const double drift = c.gbmDriftPerMonth;
    const double sigma = c.gbmSigmaPerMonth;
    const int maxJumps = int(c.jumpCdf.length) - 1;
    const double p0 = maxJumps >= 0 ? c.jumpCdf[0] : 1;
    const double jm = c.jumpMeanLog;
    for (int b = pb; b < pe; b += LANES) {
      vd r = drift + sigma * load(normals + b);
      const vd u = load(uniforms + b);
      const vm jumped = u > p0;
      if (any(jumped)) {
        // the first k ≥ 1 whose CDF reaches u (capped at maxJumps): 1 + the CDF values below u
        // the CDF only rises: once no lane lies above it, none lies above the rest
        vm k = splatm(1);
        for (int j = 1; j < maxJumps; j++) {
          const vm above = jumped & (u > c.jumpCdf[j]);
          if (!any(above)) break;
          k -= above;
        }
        const vd kd = __builtin_convertvector(k, vd);
        const vd sq = gather(c.jumpSqrtStd.data, jumped ? k : splatm(0));
        r = sel(jumped, r + (kd * jm + sq * load(normals + 2 * size_t(n) + b)), r);
      }
      const vd lp = load(&s.logPrice[b]) + r;
      store(&s.logPrice[b], lp);
      const vd P = js_exp8(lp);
      store(&s.price[b], P);
      store(&s.invPrice[b], 1.0 / P);
    }
  } else {
    const double* prefix = c.bootstrapPrefix.data;
    const int blockDays = c.blockDays;
    const int starts = c.bootstrapDays;
    const int U = c.blockDrawsPerMonth;
    const int days = c.daysInMonth[t];
    for (int p = pb; p < std::min(pe, n); p++) {
      int need = days;
      int pos = s.bsPos[p];
      int left = s.bsLeft[p];
      size_t j = size_t(p) * U;
      double r = 0;
      while (need > 0) {
        if (left == 0) {
          pos = int(std::floor(uniforms[j++] * starts));
          left = blockDays;
        }
        const int k = std::min(need, left);
        r += prefix[pos + k] - prefix[pos];
        pos += k;
        left -= k;
        need -= k;
      }
      s.bsPos[p] = pos;
      s.bsLeft[p] = left;
      s.logPrice[p] += r;
    }
    for (int b = pb; b < pe; b += LANES) {
      const vd P = js_exp8(load(&s.logPrice[b]));
      store(&s.price[b], P);
      store(&s.invPrice[b], 1.0 / P);
    }
  }
  const double mean = c.logFeeMean;
  const double phi = c.feePersistence;
  const double feeSigma = c.feeSigma;
  for (int b = pb; b < pe; b += LANES) {
    const vd lf = (mean + phi * (load(&s.logFee[b]) - mean)) + feeSigma * load(normals + n + b);
    store(&s.logFee[b], lf);
    store(&s.fee[b], js_exp8(lf));
  }
}

}  // namespace mullet
