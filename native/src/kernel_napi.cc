// runMonths(compiled, state): the JS entry of the native month loop. Reads the compiled scenario's tables and
// the chunk state (src/core/simulate/{compile,state}.ts) by property name, copies the state into padded
// columns, runs every month, copies it back. The caller (chunk.ts) has initialized the chunk and finishes it.
#include <stdexcept>
#include <string>

#include "js_math.h"
#include "kernel.h"
#include "kernel_napi.h"
#include "napi_util.h"

namespace mullet {

namespace {

using napi::check;

napi_value prop(napi_env env, napi_value object, const char* key) {
  napi_value value;
  check(env, napi_get_named_property(env, object, key, &value));
  return value;
}
double num(napi_env env, napi_value object, const char* key) {
  return napi::number(env, prop(env, object, key), std::string(".") + key);
}
bool flag(napi_env env, napi_value object, const char* key) {
  bool result = false;
  if (napi_get_value_bool(env, prop(env, object, key), &result) != napi_ok)
    napi::throwTypeError(env, std::string(".") + key + ": expected a boolean");
  return result;
}
template <typename T>
Span<T> arr(napi_env env, napi_value object, const char* key) {
  auto s = napi::typedArray<T>(env, prop(env, object, key), std::string(".") + key);
  return Span<T>{s.data, s.length};
}

/** The tables' lengths against the counts they are indexed by: a wrong one would read out of bounds. */
void checkSizes(const Compiled& c) {
  const size_t T = c.months, K1 = c.tierCount + 1, V = c.variants.size(), NT = c.netTierCount;
  const struct {
    const char* name;
    size_t length, atLeast;
  } tables[] = {
      {"cumTh", c.cumTh.length, V * T * K1},           {"cumCost", c.cumCost.length, V * T * K1},
      {"cumGrid", c.cumGrid.length, V * T * K1},       {"invGridStep", c.invGridStep.length, V * T * K1},
      {"opNet", c.opNet.length, V * T},                {"convNet", c.convNet.length, V * T},
      {"capex", c.capex.length, V * T},                {"miningOpex", c.miningOpex.length, V * T},
      {"freeGridMw", c.freeGridMw.length, V * T},      {"financingOut", c.financingOut.length, T},
      {"discount", c.discount.length, T + 1},          {"debtAt", c.debtAt.length, T + 1},
      {"netSurvival", c.netSurvival.length, T + 1},    {"supplyTh", c.supplyTh.length, T},
      {"frontierInvCost", c.frontierInvCost.length, T}, {"cohortTier", c.cohortTier.length, T},
      {"asicDecline", c.asicDecline.length, T},        {"newJPerTh", c.newJPerTh.length, T},
      {"netTierInvCost", c.netTierInvCost.length, NT}, {"tierCostPerTh", c.tierCostPerTh.length, K1 - 1},
      {"daysInMonth", c.gbm ? T : c.daysInMonth.length, T},
      {"sampleSlot", c.sampleSlot.length, V},
  };
  for (const auto& t : tables)
    if (t.length < t.atLeast)
      throw std::runtime_error(std::string("runMonths: compiled.") + t.name + " has " + std::to_string(t.length) +
                               " entries, expected at least " + std::to_string(t.atLeast));
  for (size_t t = 0; t < T; t++)
    if (size_t(c.cohortTier[t]) >= NT) throw std::runtime_error("runMonths: compiled.cohortTier out of range");
  if (c.cohortMonths <= 0) throw std::runtime_error("runMonths: compiled.cohortMonths must be positive");
}

Compiled readCompiled(napi_env env, napi_value o) {
  Compiled c;
  c.months = int(num(env, o, "months"));
  char model[16] = {};
  size_t length = 0;
  check(env, napi_get_value_string_utf8(env, prop(env, o, "priceModel"), model, sizeof model, &length));
  c.gbm = std::string(model) == "gbm";
  c.gbmDriftPerMonth = num(env, o, "gbmDriftPerMonth");
  c.gbmSigmaPerMonth = num(env, o, "gbmSigmaPerMonth");
  c.jumpMeanLog = num(env, o, "jumpMeanLog");
  c.jumpCdf = arr<double>(env, o, "jumpCdf");
  c.jumpSqrtStd = arr<double>(env, o, "jumpSqrtStd");
  c.bootstrapPrefix = arr<double>(env, o, "bootstrapPrefix");
  c.bootstrapDays = int(num(env, o, "bootstrapDays"));
  c.blockDays = int(num(env, o, "blockDays"));
  c.blockDrawsPerMonth = int(num(env, o, "blockDrawsPerMonth"));
  c.daysInMonth = arr<int32_t>(env, o, "daysInMonth");
  c.logFeeMean = num(env, o, "logFeeMean");
  c.feePersistence = num(env, o, "feePersistence");
  c.feeSigma = num(env, o, "feeSigma");
  c.netTierCount = int(num(env, o, "netTierCount"));
  c.netTierInvCost = arr<double>(env, o, "netTierInvCost");
  c.netSurvival = arr<double>(env, o, "netSurvival");
  c.supplyTh = arr<double>(env, o, "supplyTh");
  c.frontierInvCost = arr<double>(env, o, "frontierInvCost");
  c.eraSubsidyBtc = arr<double>(env, o, "eraSubsidyBtc");
  c.eraCumBtc = arr<double>(env, o, "eraCumBtc");
  c.cohortTier = arr<int32_t>(env, o, "cohortTier");
  c.cohortMonths = int(num(env, o, "cohortMonths"));
  c.spreadLow = num(env, o, "spreadLow");
  c.spreadInvWidth = num(env, o, "spreadInvWidth");
  c.alwaysOnShare = num(env, o, "alwaysOnShare");
  c.maxMonthlyDrop = num(env, o, "maxMonthlyDrop");
  c.invFullSupplyMargin = num(env, o, "invFullSupplyMargin");
  c.revenueFactor = num(env, o, "revenueFactor");
  c.anyReinvest = flag(env, o, "anyReinvest");
  c.asicUsdPerTh0 = num(env, o, "asicUsdPerTh0");
  c.asicRevenueRef = num(env, o, "asicRevenueRef");
  c.asicElasticity = num(env, o, "asicElasticity");
  c.asicMinUsdPerTh = num(env, o, "asicMinUsdPerTh");
  c.asicDecline = arr<double>(env, o, "asicDecline");
  c.newJPerTh = arr<double>(env, o, "newJPerTh");
  c.tierCount = int(num(env, o, "tierCount"));
  c.tierCostPerTh = arr<double>(env, o, "tierCostPerTh");
  c.poolKeep = num(env, o, "poolKeep");
  c.uptime = num(env, o, "uptime");
  c.companySurvivalPerMonth = num(env, o, "companySurvivalPerMonth");
  c.newPue = num(env, o, "newPue");
  c.newCostPerWallMw = num(env, o, "newCostPerWallMw");
  c.miningOpexPerGridMw = num(env, o, "miningOpexPerGridMw");
  c.minCash = num(env, o, "minCash");
  c.btc0 = num(env, o, "btc0");
  c.debt0 = num(env, o, "debt0");
  c.logPrice0 = num(env, o, "logPrice0");
  c.start0 = c.btc0 * js_exp(c.logPrice0) - c.debt0;
  c.financingOut = arr<double>(env, o, "financingOut");
  c.discount = arr<double>(env, o, "discount");
  c.debtAt = arr<double>(env, o, "debtAt");
  c.cumTh = arr<double>(env, o, "cumTh");
  c.cumCost = arr<double>(env, o, "cumCost");
  c.cumGrid = arr<double>(env, o, "cumGrid");
  c.invGridStep = arr<double>(env, o, "invGridStep");
  c.opNet = arr<double>(env, o, "opNet");
  c.convNet = arr<double>(env, o, "convNet");
  c.capex = arr<double>(env, o, "capex");
  c.miningOpex = arr<double>(env, o, "miningOpex");
  c.freeGridMw = arr<double>(env, o, "freeGridMw");
  c.sampleSlot = arr<int32_t>(env, o, "sampleSlot");
  napi_value variants = prop(env, o, "variants");
  uint32_t count = 0;
  check(env, napi_get_array_length(env, variants, &count));
  for (uint32_t i = 0; i < count; i++) {
    napi_value v;
    check(env, napi_get_element(env, variants, i, &v));
    c.variants.push_back(Variant{int(num(env, v, "treasury")), num(env, v, "reinvestShare"),
                                 num(env, v, "reinvestFromMonth"), num(env, v, "reinvestUntilMonth")});
  }
  checkSizes(c);
  return c;
}

/** A JS Float64Array column of n paths and its padded work column. */
struct Column {
  Span<double> js;
  double* work;
};

napi_value RunMonths(const napi::Args& args) {
  napi_env env = args.env;
  const Compiled c = readCompiled(env, args[0]);
  napi_value o = args[1];
  // one Work per thread, reused: fresh multi-megabyte buffers per chunk would cost page faults and zeroing
  thread_local Work s;
  const int NT = c.netTierCount;
  const size_t V = c.variants.size();
  s.allocate(int(num(env, o, "n")), NT, int(V));
  s.sampleCount = int(num(env, o, "sampleCount"));
  const size_t n = s.n;
  const size_t N = s.N;
  const size_t S = s.S;
  auto rng = arr<uint32_t>(env, o, "rng");
  for (int i = 0; i < 4; i++) s.rng[i] = rng[i];
  // random numbers are laid out by n (price, fees, jump sizes); padded lanes read past them into zeros
  const Column columns[] = {
      {arr<double>(env, o, "logPrice"), s.logPrice},
      {arr<double>(env, o, "price"), s.price},
      {arr<double>(env, o, "invPrice"), s.invPrice},
      {arr<double>(env, o, "logFee"), s.logFee},
      {arr<double>(env, o, "fee"), s.fee},
      {arr<double>(env, o, "difficulty"), s.difficulty},
      {arr<double>(env, o, "height"), s.height},
      {arr<double>(env, o, "epochElapsedS"), s.epochElapsedS},
      {arr<double>(env, o, "netTotal"), s.netTotal},
      {arr<double>(env, o, "netTh"), s.netTh},
      {arr<double>(env, o, "invNetTh"), s.invNetTh},
      {arr<double>(env, o, "nextHalving"), s.nextHalving},
      {arr<double>(env, o, "revenueStart"), s.revenueStart},
      {arr<double>(env, o, "asicUsdPerTh"), s.asicUsdPerTh},
      {arr<double>(env, o, "invAsicUsdPerTh"), s.invAsicUsdPerTh},
      {arr<double>(env, o, "btcPerThNet"), s.btcPerThNet},
      {arr<double>(env, o, "hashpriceBtcPerPhDay"), s.hashpriceBtcPerPhDay},
      {arr<double>(env, o, "subsidyTotal"), s.subsidyTotal},
      {arr<double>(env, o, "rewardTotal"), s.rewardTotal},
  };
  // padded lanes copy lane 0: finite values that follow a path of their own and are never copied back
  for (const Column& col : columns) {
    if (col.js.length < n) throw std::runtime_error("runMonths: a state column is shorter than n");
    for (size_t p = 0; p < N; p++) col.work[p] = col.js[p < n ? p : 0];
  }
  auto installed = arr<double>(env, o, "netInstalled");  // JS: [p·NT + k]
  for (int k = 0; k < NT; k++)
    for (size_t p = 0; p < N; p++) s.netInstalled[k * S + p] = installed[(p < n ? p : 0) * NT + k];
  s.halvingsSeen = arr<int32_t>(env, o, "halvingsSeen");
  s.bsPos = arr<int32_t>(env, o, "bsPos");
  s.bsLeft = arr<int32_t>(env, o, "bsLeft");
  s.halvingDay = arr<double>(env, o, "halvingDay");
  auto company = arr<double>(env, o, "company");  // JS: [(v·n + p)·FIELD_COUNT + f]
  if (company.length != V * n * FIELD_COUNT) throw std::runtime_error("runMonths: company state size");
  for (size_t v = 0; v < V; v++)
    for (size_t p = 0; p < N; p++) {
      double* r = s.rec(int(v), int(p - p % LANES)) + p % LANES;
      const double* js = &company[(v * n + (p < n ? p : 0)) * FIELD_COUNT];
      for (int f = 0; f < FIELD_COUNT; f++) r[f * LANES] = js[f];
    }
  s.netSums = arr<double>(env, o, "netSums");
  s.varSums = arr<double>(env, o, "varSums");
  s.netSample = arr<double>(env, o, "netSample");
  s.varSample = arr<double>(env, o, "varSample");
  s.flowSample = arr<double>(env, o, "flowSample");

  runMonths(c, s);

  for (const Column& col : columns)
    for (size_t p = 0; p < n; p++) col.js[p] = col.work[p];
  auto kStar = arr<int32_t>(env, o, "kStar");
  for (size_t p = 0; p < n; p++) kStar[p] = int32_t(s.kStar[p]);
  for (int k = 0; k < NT; k++)
    for (size_t p = 0; p < n; p++) installed[p * NT + k] = s.netInstalled[k * S + p];
  for (size_t v = 0; v < V; v++)
    for (size_t p = 0; p < n; p++) {
      const double* r = s.rec(int(v), int(p - p % LANES)) + p % LANES;
      double* js = &company[(v * n + p) * FIELD_COUNT];
      for (int f = 0; f < FIELD_COUNT; f++) js[f] = r[f * LANES];
    }
  for (int i = 0; i < 4; i++) rng[i] = s.rng[i];
  return nullptr;
}

}  // namespace

napi_value runMonthsEntry(const napi::Args& args) { return RunMonths(args); }

}  // namespace mullet
