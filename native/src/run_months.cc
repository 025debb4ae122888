// The month loop of simulateChunk (src/core/simulate/chunk.ts): random numbers for the month, then the
// network, the market, the network's bands and every variant, in that order.
#include "kernel.h"
#include "rng.h"

namespace mullet {

void recordNetwork(const Compiled& c, Work& s, int at) {
  const int n = s.n;
  const int T1 = c.months + 1;
  const int sampleCount = s.sampleCount;
  vd sumP = splat(0), sumH = splat(0), sumHp = splat(0);
  for (int p0 = 0; p0 < s.N; p0 += LANES) {
    const vd P = load(&s.price[p0]);
    const vd eh = load(&s.netTh[p0]) * 1e-6;
    const vd hp = load(&s.hashpriceBtcPerPhDay[p0]) * P;
    const vm valid = p0 + LANES <= n ? splatm(-1) : (vm{0, 1, 2, 3, 4, 5, 6, 7} + p0 < n);
    sumP += sel(valid, P, splat(0));
    sumH += sel(valid, eh, splat(0));
    sumHp += sel(valid, hp, splat(0));
    if (p0 < sampleCount) {
      const int lanes = std::min(LANES, sampleCount - p0);
      for (int l = 0; l < lanes; l++) {
        const size_t p = size_t(p0) + l;
        s.netSample[size_t(at) * sampleCount + p] = P[l];
        s.netSample[(size_t(T1) + at) * sampleCount + p] = eh[l];
        s.netSample[(2 * size_t(T1) + at) * sampleCount + p] = hp[l];
      }
    }
  }
  s.netSums[at] += laneTotal(sumP);
  s.netSums[T1 + at] += laneTotal(sumH);
  s.netSums[2 * T1 + at] += laneTotal(sumHp);
}

void runMonths(const Compiled& c, Work& s) {
  const size_t n = s.n;
  const bool jumps = c.gbm && c.jumpCdf.length > 0;
  const size_t uniformCount = c.gbm ? (jumps ? n : 0) : size_t(c.blockDrawsPerMonth) * n;
  const int V = int(c.variants.size());
  for (int t = 0; t < c.months; t++) {
    if (c.gbm)
      fill_normal(s.rng, s.normals.data(), 0, jumps ? 3 * n : 2 * n);
    else
      fill_normal(s.rng, s.normals.data(), n, n);
    if (uniformCount > 0) fill_uniform(s.rng, s.uniforms.data(), 0, uniformCount);
    stepNetwork(c, s, t);
    stepMarket(c, s, t);
    recordNetwork(c, s, t + 1);
    for (int v = 0; v < V; v++) stepCompany(c, s, v, t);
  }
}

}  // namespace mullet
