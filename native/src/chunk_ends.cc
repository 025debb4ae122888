// The two ends of a chunk, as src/core/simulate/chunk.ts has them: the starting state (initChunk) and the end
// values with the terminal value in the NPV (finishChunk), operation for operation.
#include <algorithm>
#include <cmath>
#include <limits>

#include "js_math.h"
#include "kernel.h"

namespace mullet {

void initChunk(const Compiled& c, Work& s, const Span<double>& defaultMonth) {
  const int n = s.n, N = s.N, NT = c.netTierCount;
  const size_t S = s.S;
  const int V = int(c.variants.size());
  const double P0 = js_exp(c.logPrice0);
  const double fee0 = js_exp(c.logFee0);
  double total = 0;
  for (int k = 0; k < NT; k++) total += c.netTierTh0[k];
  const struct {
    double* column;
    double value;
  } start[] = {
      {s.logPrice, c.logPrice0}, {s.price, P0},
      {s.logFee, c.logFee0},     {s.fee, fee0},
      {s.difficulty, c.difficulty0}, {s.height, c.height0},
      {s.epochElapsedS, c.epochElapsed0S}, {s.nextHalving, c.firstHalvingHeight},
      {s.netTotal, total},       {s.netTh, c.hashrate0ThPerS},
      {s.invPrice, 1 / P0},      {s.invNetTh, 0},
      {s.revenueStart, 0},       {s.asicUsdPerTh, 0},
      {s.invAsicUsdPerTh, 0},    {s.btcPerThNet, 0},
      {s.hashpriceBtcPerPhDay, 0}, {s.subsidyTotal, 0},
      {s.rewardTotal, 0},
  };
  for (const auto& column : start) std::fill_n(column.column, N, column.value);
  std::fill_n(s.kStar, N, 0);
  for (int k = 0; k < NT; k++) std::fill_n(s.netInstalled + k * S, N, c.netTierTh0[k]);
  s.pathInts.assign(3 * size_t(n), 0);
  s.halvingsSeen = Span<int32_t>{s.pathInts.data(), size_t(n)};
  s.bsPos = Span<int32_t>{s.pathInts.data() + n, size_t(n)};
  s.bsLeft = Span<int32_t>{s.pathInts.data() + 2 * n, size_t(n)};
  s.halvingDays.assign(TRACKED_HALVINGS * size_t(n), std::numeric_limits<double>::infinity());
  s.halvingDay = Span<double>{s.halvingDays.data(), s.halvingDays.size()};
  const bool defaults = defaultMonth.length > 0;
  for (int v = 0; v < V; v++)
    for (int p0 = 0; p0 < N; p0 += LANES) {
      double* r = s.rec(v, p0);
      std::fill_n(r, FIELD_COUNT * LANES, 0.0);
      for (int l = 0; l < LANES; l++) {
        const int p = p0 + l < n ? p0 + l : 0;  // padded lanes copy path 0
        r[CASH * LANES + l] = c.cash0;
        r[BTC * LANES + l] = c.btc0;
        r[MIN_BTC * LANES + l] = c.btc0;
        r[MIN_CASH * LANES + l] = c.cash0;
        r[DEFAULT_MONTH * LANES + l] =
            defaults ? defaultMonth[size_t(v) * n + p] : std::numeric_limits<double>::infinity();
      }
    }
}

void finishChunk(const Compiled& c, Work& s, double* variantFinals, double* networkFinals, double* flowSample) {
  constexpr int VF = 12;  // VARIANT_FINALS in state.ts
  constexpr int NF = 6;   // NETWORK_FINALS
  const size_t n = s.n;
  const int T = c.months;
  const size_t T1 = T + 1;
  const size_t irrPaths = s.irrPaths;
  const double start0 = c.start0;
  const double discountT = c.discount[T];
  const double debtT = c.debtAt[T];
  const double yearScale = 12.0 / (T < 12 ? T : 12);
  for (size_t v = 0; v < c.variants.size(); v++) {
    const double tvFirm = c.terminalFirm[v];
    const double tvConv = c.terminalConversion[v];
    const double projectDebtT = c.terminalProjectDebt[v];
    const int slot = c.sampleSlot[v];
    for (size_t p = 0; p < n; p++) {
      const double* r = s.rec(int(v), int(p - p % LANES)) + p % LANES;
      const double P = s.price[p];
      const double margin = r[MARGIN_LAST12 * LANES] * yearScale;
      const double marginOrZero = margin != margin ? margin : (margin > 0 ? margin : 0.0);  // Math.max(m, 0)
      const double terminal = ((((r[BTC * LANES] * P - debtT) + tvFirm) +
                                (r[DEFAULT_MONTH * LANES] >= T ? tvConv : 0)) -
                               projectDebtT) +
                              c.miningTerminalYears * marginOrZero;
      const double npv = (r[NPV_FLOWS * LANES] + discountT * terminal) - start0;
      if (p < irrPaths && slot >= 0) {
        const size_t at = size_t(slot) * T1 * irrPaths + p;
        flowSample[at] = -start0;
        flowSample[at + T * irrPaths] += terminal;
      }
      double* out = variantFinals + v * VF * n + p;
      out[0] = npv;
      out[n] = r[BTC_MINED * LANES];
      out[2 * n] = r[BTC * LANES];
      out[3 * n] = r[CASH * LANES];
      out[4 * n] = r[EBITDA * LANES];
      out[5 * n] = r[EBITDA_LAST12 * LANES];
      out[6 * n] = r[HASH_SHARE * LANES];
      out[7 * n] = r[SHORTFALL * LANES];
      out[8 * n] = r[SOLD_BELOW_COST * LANES];
      out[9 * n] = r[MIN_BTC * LANES];
      out[10 * n] = r[COMPANY_TH * LANES] * 1e-6;
      out[11 * n] = r[MIN_CASH * LANES];
    }
  }
  const double* columns[NF] = {s.price, s.netTh, s.height, s.subsidyTotal, s.rewardTotal, s.difficulty};
  for (int m = 0; m < NF; m++) std::copy_n(columns[m], n, networkFinals + m * n);
  for (size_t p = 0; p < n; p++) networkFinals[n + p] *= 1e-6;  // TH/s → EH/s
  std::copy_n(s.halvingDays.data(), TRACKED_HALVINGS * n, networkFinals + NF * n);
}

}  // namespace mullet
