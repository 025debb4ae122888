// The month loop of simulateChunk (src/core/simulate/chunk.ts), reordered for the cache: the random numbers of
// a batch of months are drawn first, in the JS kernel's order; then each block of paths runs through the
// batch's months (network, market, bands, every variant) while its state stays in L1/L2. A month's sums over
// paths still add path after path into each lane (blocks go in path order), so the bits do not change.
#include <algorithm>

#include "kernel.h"
#include "rng.h"
#include "select.h"

namespace mullet {

namespace {
/** Paths per block: a variant's records of 128 paths are 19 KB, so they stay in L1 through a batch. */
constexpr int BLOCK_PATHS = 128;
// BATCH_MONTHS (kernel.h): 12 × 4 draws × 4,096 paths × 8 bytes ≈ 1.6 MB of random numbers per batch.
}  // namespace

void recordNetwork(const Compiled&, Work& s, int at, int pb, int pe, vd* acc) {
  const int n = s.n;
  const int sampleCount = s.sampleCount;
  double* bands[NS] = {};
  if (sampleCount > 0)
    for (int m = 0; m < NS; m++) bands[m] = s.bandRow(m, at - 1);
  for (int p0 = pb; p0 < pe; p0 += LANES) {
    const vd P = load(&s.price[p0]);
    const vd eh = load(&s.netTh[p0]) * 1e-6;
    const vd hp = load(&s.hashpriceBtcPerPhDay[p0]) * P;
    const vm valid = p0 + LANES <= n ? splatm(-1) : (vm{0, 1, 2, 3, 4, 5, 6, 7} + p0 < n);
    acc[0] += sel(valid, P, splat(0));
    acc[1] += sel(valid, eh, splat(0));
    acc[2] += sel(valid, hp, splat(0));
    if (p0 < sampleCount) {
      const int lanes = std::min(LANES, sampleCount - p0);
      for (int l = 0; l < lanes; l++) {
        const size_t p = size_t(p0) + l;
        bands[0][p] = P[l];
        bands[1][p] = eh[l];
        bands[2][p] = hp[l];
      }
    }
  }
}

namespace {
void grow(std::vector<double>& buffer, size_t size) {
  if (buffer.size() < size) buffer.resize(size);
}
}  // namespace

void selectBands(const Compiled& c, Work& s, int t0, int t1) {
  const size_t T1 = c.months + 1;
  const size_t count = s.sampleCount;
  const int Q = s.bandQuantileCount;
  const int series = NS + VS * c.sampledVariants;
  double q[8];
  for (int r = 0; r < series; r++) {
    const bool net = r < NS;
    const int row = net ? r : r - NS;
    Span<double>& bands = net ? s.netBands : s.slotBands;
    Span<double>& raw = net ? s.netSample : s.varSample;
    for (int t = t0; t < t1; t++) {
      const double* values = s.bandRow(r, t);
      const size_t at = size_t(t) + 1;
      if (raw.length > 0) std::copy_n(values, count, raw.data + (row * T1 + at) * count);
      if (!typeSevenQuantiles(values, count, s.bandQuantiles, size_t(Q), q)) {
        s.bandsSelected = false;
        continue;
      }
      for (int k = 0; k < Q; k++) bands[(size_t(row) * Q + k) * T1 + at] = q[k];
    }
  }
}

void runMonths(const Compiled& c, Work& s) {
  const size_t n = s.n;
  const bool jumps = c.gbm && c.jumpCdf.length > 0;
  const size_t uniformCount = c.gbm ? (jumps ? n : 0) : size_t(c.blockDrawsPerMonth) * n;
  const int V = int(c.variants.size());
  const int T = c.months;
  const int T1 = T + 1;
  // per month of the batch: 3n normals and the uniforms, with room past the end for padded lanes, whose draws
  // (left from earlier months or chunks: finite, never copied back) do not matter
  const size_t normalStride = 3 * n + LANES;
  const size_t uniformStride = std::max<size_t>(uniformCount, 1) + LANES;
  grow(s.normals, BATCH_MONTHS * normalStride);
  grow(s.uniforms, BATCH_MONTHS * uniformStride);
  std::vector<double>& normals = s.normals;
  std::vector<double>& uniforms = s.uniforms;
  // lane sums per month of the batch: network (3), then each variant (5)
  const int sums = 3 + 5 * V;
  if (s.acc.size() < size_t(BATCH_MONTHS) * sums) s.acc.resize(size_t(BATCH_MONTHS) * sums);
  std::vector<vd>& acc = s.acc;
  // per month of the batch, the block's network values the company step reads (NetView), 8 columns
  constexpr int NET_COLUMNS = 8;
  grow(s.netOut, size_t(BATCH_MONTHS) * NET_COLUMNS * BLOCK_PATHS);
  std::vector<double>& netOut = s.netOut;
  if (s.sampleCount > 0) grow(s.bandValues, size_t(NS + VS * c.sampledVariants) * BATCH_MONTHS * s.sampleCount);
  std::vector<NetView> views(BATCH_MONTHS);
  for (int t0 = 0; t0 < T; t0 += BATCH_MONTHS) {
    const int t1 = std::min(T, t0 + BATCH_MONTHS);
    for (int t = t0; t < t1; t++) {
      double* z = &normals[(t - t0) * normalStride];
      if (c.gbm)
        fill_normal(s.rng, z, 0, jumps ? 3 * n : 2 * n);
      else
        fill_normal(s.rng, z, n, n);
      if (uniformCount > 0) fill_uniform(s.rng, &uniforms[(t - t0) * uniformStride], 0, uniformCount);
    }
    std::fill(acc.begin(), acc.end(), splat(0));
    for (int pb = 0; pb < s.N; pb += BLOCK_PATHS) {
      const int pe = std::min(s.N, pb + BLOCK_PATHS);
      const size_t len = size_t(pe - pb);
      // the block through the batch's months: network, market, bands; keep what the company step reads
      for (int t = t0; t < t1; t++) {
        const MonthDraws draws{&normals[(t - t0) * normalStride], &uniforms[(t - t0) * uniformStride]};
        stepNetwork(c, s, t, pb, pe);
        stepMarket(c, s, t, pb, pe, draws);
        recordNetwork(c, s, t + 1, pb, pe, &acc[size_t(t - t0) * sums]);
        double* slot = &netOut[size_t(t - t0) * NET_COLUMNS * BLOCK_PATHS];
        const double* from[NET_COLUMNS] = {s.price + pb,        s.invPrice + pb,     s.btcPerThNet + pb,
                                          s.revenueStart + pb, s.asicUsdPerTh + pb, s.invAsicUsdPerTh + pb,
                                          s.invNetTh + pb,     reinterpret_cast<const double*>(s.kStar + pb)};
        for (int f = 0; f < NET_COLUMNS; f++) std::copy_n(from[f], len, slot + f * BLOCK_PATHS);
        // indexed by path − pb
        NetView& view = views[t - t0];
        view.price = slot;
        view.invPrice = slot + BLOCK_PATHS;
        view.btcPerThNet = slot + 2 * BLOCK_PATHS;
        view.revenueStart = slot + 3 * BLOCK_PATHS;
        view.asicUsdPerTh = slot + 4 * BLOCK_PATHS;
        view.invAsicUsdPerTh = slot + 5 * BLOCK_PATHS;
        view.invNetTh = slot + 6 * BLOCK_PATHS;
        view.kStar = reinterpret_cast<const int64_t*>(slot + 7 * BLOCK_PATHS);
      }
      // then each variant through the same months, its records staying in L1
      for (int v = 0; v < V; v++)
        for (int t = t0; t < t1; t++)
          stepCompany(c, s, v, t, pb, pe, &acc[size_t(t - t0) * sums + 3 + 5 * v], views[t - t0]);
    }
    if (s.sampleCount > 0) selectBands(c, s, t0, t1);
    for (int t = t0; t < t1; t++) {
      const vd* a = &acc[size_t(t - t0) * sums];
      const int at = t + 1;
      for (int m = 0; m < 3; m++) s.netSums[m * T1 + at] += laneTotal(a[m]);
      for (int v = 0; v < V; v++) {
        const size_t base = size_t(v) * 5 * T1 + at;
        for (int m = 0; m < 5; m++) s.varSums[base + m * T1] += laneTotal(a[3 + 5 * v + m]) * (m == 4 ? 1e-6 : 1);
      }
    }
  }
}

}  // namespace mullet
