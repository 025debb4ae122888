// The simulator's month loop in C++: the same model, operation for operation, as src/core/simulate/step-*.ts
// and chunk.ts (the JavaScript kernel is the reference; test/native checks the two give the same bits).
// Tables come from the compiled scenario (src/core/simulate/compile.ts); the chunk state is copied into
// padded struct-of-arrays buffers on entry and back on exit, so every loop runs whole 8-lane blocks.
#pragma once
#include <cstdint>
#include <cstdint>
#include <vector>

#include "vec.h"

namespace mullet {

/** A read-only view of a typed array of the compiled scenario or chunk state. */
template <typename T>
struct Span {
  T* data = nullptr;
  size_t length = 0;
  T& operator[](size_t i) const { return data[i]; }
};

struct Variant {
  int treasury;  // 0 hodl, 1 sell-to-cover, 2 never-sell-below-cost, 3 sell-production
  double reinvestShare;
  double reinvestFromMonth;
  double reinvestUntilMonth;  // may be +Infinity
};

/** The fields of CompiledScenario the month loop reads (names as in compile.ts). */
struct Compiled {
  int months;
  bool gbm;
  double gbmDriftPerMonth, gbmSigmaPerMonth, jumpMeanLog;
  Span<double> jumpCdf, jumpSqrtStd, bootstrapPrefix;
  int bootstrapDays, blockDays, blockDrawsPerMonth;
  Span<int32_t> daysInMonth;
  double logFeeMean, feePersistence, feeSigma;

  int netTierCount;
  Span<double> netTierInvCost, netSurvival, supplyTh, frontierInvCost, eraSubsidyBtc, eraCumBtc;
  Span<int32_t> cohortTier;
  int cohortMonths;
  double spreadLow, spreadInvWidth, alwaysOnShare, maxMonthlyDrop, invFullSupplyMargin, revenueFactor;
  bool anyReinvest;
  double asicUsdPerTh0, asicRevenueRef, asicElasticity, asicMinUsdPerTh;
  Span<double> asicDecline, newJPerTh;

  int tierCount;
  Span<double> tierCostPerTh;
  double poolKeep, uptime, companySurvivalPerMonth, newPue, newCostPerWallMw, miningOpexPerGridMw;
  double minCash, btc0, debt0, logPrice0;
  double start0;  // btc0 · e^logPrice0 − debt0: the starting equity the NPV-to-date subtracts
  // the starting state and the terminal value (init and finish of a chunk)
  double logFee0, difficulty0, height0, epochElapsed0S, firstHalvingHeight, hashrate0ThPerS, cash0,
      miningTerminalYears;
  Span<double> netTierTh0, terminalFirm, terminalConversion, terminalProjectDebt;
  Span<double> financingOut, discount, debtAt;
  std::vector<Variant> variants;
  Span<double> cumTh, cumCost, cumGrid, invGridStep, opNet, convNet, capex, miningOpex, freeGridMw;
  Span<int32_t> sampleSlot;  // per variant: its slot in the band sample, or −1 (no sample)
  int sampledVariants;       // variants with a slot
};

/** Company fields per variant, in the order of COMPANY_FIELDS (state.ts). */
enum Field : int {
  CASH, BTC, NEW_TH, NEW_WALL_MW, OLD_TH, OLD_WALL_MW, RETIRED_GRID_MW, NPV_FLOWS, BTC_MINED, EBITDA,
  EBITDA_LAST12, MARGIN_LAST12, SHORTFALL, SOLD_BELOW_COST, MIN_BTC, MIN_CASH, HASH_SHARE, COMPANY_TH,
  DEFAULT_MONTH, FIELD_COUNT
};

constexpr int TRACKED_HALVINGS = 3;
/** Months per batch of random numbers (run_months.cc), and of band values held before their selection. */
constexpr int BATCH_MONTHS = 12;
/** Band series: price, hashrate, hashprice, then per sampled variant cash, BTC, NPV, share, TH (state.ts). */
constexpr int NS = 3, VS = 5;

/**
 * The chunk's state as padded columns (N = n rounded up to LANES); lanes ≥ n are never copied back. Every
 * column lives in one arena at a stride of N + COLUMN_SKEW doubles: with a power-of-two stride (4,096 paths =
 * 32 KB) all columns of one path would share an L1 set and evict each other.
 */
struct Work {
  static constexpr int COLUMN_SKEW = 24;  // 3 cache lines
  int n = 0, N = 0, S = 0, sampleCount = 0, irrPaths = 0;
  uint32_t rng[4];
  // buffers kept from chunk to chunk of a thread (run_months.cc): resized, never cleared, since every value is
  // written before it is read (padded lanes read stale but finite draws and are never copied back)
  std::vector<double> arena, normals, uniforms, netOut;
  // chunk 0: the batch's monthly values of each band series, [(series·BATCH_MONTHS + month in batch)·sampleCount
  // + p], selected into the bands once the batch is done (the whole horizon would be ≈ 80 MB of fresh pages)
  std::vector<double> bandValues;
  std::vector<vd> acc;
  // market and network, one column each
  double *logPrice, *price, *invPrice, *logFee, *fee, *difficulty, *height, *epochElapsedS, *netTotal, *netTh,
      *invNetTh, *nextHalving, *revenueStart, *asicUsdPerTh, *invAsicUsdPerTh, *btcPerThNet, *hashpriceBtcPerPhDay,
      *subsidyTotal, *rewardTotal;
  int64_t* kStar;         // stored in a double column's bytes
  double* netInstalled;   // [k·S + p]
  double* company;        // blocks of LANES paths: [((v·N/LANES + p/LANES)·FIELD_COUNT + f)·LANES + p%LANES]
  // per valid path, updated one at a time (rare): views of the vectors below
  Span<int32_t> halvingsSeen, bsPos, bsLeft;
  Span<double> halvingDay;  // [seen·n + p]
  std::vector<int32_t> pathInts;
  std::vector<double> halvingDays;
  // outputs, straight into the JavaScript arrays; netSample and varSample are empty unless kept (tests)
  Span<double> netSums, varSums, netBands, slotBands, netSample, varSample, flowSample;
  double bandQuantiles[8];
  int bandQuantileCount = 0;
  /** False once a month's values were left to JavaScript's selection (the JS path reruns the chunk). */
  bool bandsSelected = true;

  /** Band series `series`'s values at month `t` (within its batch) for the sampled paths. */
  double* bandRow(int series, int t) {
    return bandValues.data() + (size_t(series) * BATCH_MONTHS + size_t(t % BATCH_MONTHS)) * sampleCount;
  }

  /** Lays out the arena for n paths, netTiers network tiers and variants variants. */
  void allocate(int paths, int netTiers, int variants) {
    n = paths;
    N = (n + LANES - 1) / LANES * LANES;
    S = N + COLUMN_SKEW;
    const int single = 20;  // the 19 network/market columns and kStar
    const size_t need = size_t(single + netTiers) * S + size_t(variants) * FIELD_COUNT * N + LANES;
    if (arena.size() < need) arena.resize(need);
    // 64-byte alignment of column starts (S is a multiple of 8 doubles)
    double* at = arena.data();
    while (reinterpret_cast<uintptr_t>(at) % 64 != 0) at++;
    double** columns[] = {&logPrice, &price, &invPrice, &logFee, &fee, &difficulty, &height, &epochElapsedS,
                          &netTotal, &netTh, &invNetTh, &nextHalving, &revenueStart, &asicUsdPerTh,
                          &invAsicUsdPerTh, &btcPerThNet, &hashpriceBtcPerPhDay, &subsidyTotal, &rewardTotal};
    for (double** column : columns) {
      *column = at;
      at += S;
    }
    kStar = reinterpret_cast<int64_t*>(at);
    at += S;
    netInstalled = at;
    at += size_t(netTiers) * S;
    company = at;
  }
  /** The company record of variant v for the block of paths starting at p0 (a multiple of LANES). */
  double* rec(int v, int p0) const {
    return company + (size_t(v) * (N / LANES) + p0 / LANES) * FIELD_COUNT * LANES;
  }
};

/** The month's random numbers, laid out as the JS kernel draws them (by n: price, fees, jump sizes). */
struct MonthDraws {
  const double* normals;
  const double* uniforms;
};

// Each step advances paths [pb, pe) (multiples of LANES) by month t.
void stepNetwork(const Compiled& c, Work& s, int t, int pb, int pe);
void stepMarket(const Compiled& c, Work& s, int t, int pb, int pe, MonthDraws draws);
/** Bands of the network at index `at`; adds the block's values into the lane sums `acc[3]`. */
void recordNetwork(const Compiled& c, Work& s, int at, int pb, int pe, vd* acc);
/**
 * The month's network values the company step reads for paths [pb, pe), at index path − pb (a copy kept for
 * that month, so that each variant can run several months in a row).
 */
struct NetView {
  const double *price, *invPrice, *btcPerThNet, *revenueStart, *asicUsdPerTh, *invAsicUsdPerTh, *invNetTh;
  const int64_t* kStar;
};
/** Adds the block's values into the lane sums `acc[5]` of (variant v, month t). */
void stepCompany(const Compiled& c, Work& s, int v, int t, int pb, int pe, vd* acc, const NetView& in);
/** Runs months [0, months) on the work state: random numbers, network, market, bands, every variant. */
void runMonths(const Compiled& c, Work& s);
/** Band percentiles of months [t0, t1) from the batch's values (and the raw values, where kept). */
void selectBands(const Compiled& c, Work& s, int t0, int t1);

/** The chunk's state at month 0 (initChunk in chunk.ts); `defaultMonth` [v·n + p], or empty: none. */
void initChunk(const Compiled& c, Work& s, const Span<double>& defaultMonth);
/** End values (finishChunk in chunk.ts) into variantFinals [(v·12 + m)·n + p] and networkFinals [m·n + p]. */
void finishChunk(const Compiled& c, Work& s, double* variantFinals, double* networkFinals, double* flowSample);

/** Pairwise total of 8 lane sums, as laneTotal in state.ts. */
inline double laneTotal(vd a) { return ((a[0] + a[1]) + (a[2] + a[3])) + ((a[4] + a[5]) + (a[6] + a[7])); }

}  // namespace mullet
