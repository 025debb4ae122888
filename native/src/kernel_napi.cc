// runChunk(compiled, io): the JS entry of the native kernel. Reads the compiled scenario's tables
// (src/core/simulate/compile.ts) by property name and a chunk's inputs and output arrays (ChunkIO in chunk.ts),
// then initializes, runs and finishes the chunk in this thread's padded columns.
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
      {"sampleSlot", c.sampleSlot.length, V},          {"netTierTh0", c.netTierTh0.length, NT},
      {"terminalFirm", c.terminalFirm.length, V},       {"terminalConversion", c.terminalConversion.length, V},
      {"terminalProjectDebt", c.terminalProjectDebt.length, V},
  };
  for (const auto& t : tables)
    if (t.length < t.atLeast)
      throw std::runtime_error(std::string("runChunk: compiled.") + t.name + " has " + std::to_string(t.length) +
                               " entries, expected at least " + std::to_string(t.atLeast));
  for (size_t t = 0; t < T; t++)
    if (size_t(c.cohortTier[t]) >= NT) throw std::runtime_error("runChunk: compiled.cohortTier out of range");
  int slots = 0;
  for (size_t v = 0; v < V; v++) {
    const int slot = c.sampleSlot[v];
    if (slot >= c.sampledVariants) throw std::runtime_error("runChunk: compiled.sampleSlot out of range");
    slots += slot >= 0;
  }
  if (slots != c.sampledVariants) throw std::runtime_error("runChunk: compiled.sampledVariants ≠ the slots");
  if (c.cohortMonths <= 0) throw std::runtime_error("runChunk: compiled.cohortMonths must be positive");
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
  c.logFee0 = num(env, o, "logFee0");
  c.difficulty0 = num(env, o, "difficulty0");
  c.height0 = num(env, o, "height0");
  c.epochElapsed0S = num(env, o, "epochElapsed0S");
  c.firstHalvingHeight = num(env, o, "firstHalvingHeight");
  c.hashrate0ThPerS = num(env, o, "hashrate0ThPerS");
  c.cash0 = num(env, o, "cash0");
  c.miningTerminalYears = num(env, o, "miningTerminalYears");
  c.netTierTh0 = arr<double>(env, o, "netTierTh0");
  c.terminalFirm = arr<double>(env, o, "terminalFirm");
  c.terminalConversion = arr<double>(env, o, "terminalConversion");
  c.terminalProjectDebt = arr<double>(env, o, "terminalProjectDebt");
  c.sampleSlot = arr<int32_t>(env, o, "sampleSlot");
  c.sampledVariants = int(num(env, o, "sampledVariants"));
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

napi_value RunChunk(const napi::Args& args) {
  napi_env env = args.env;
  const Compiled c = readCompiled(env, args[0]);
  napi_value io = args[1];
  // one Work per thread, reused: fresh multi-megabyte buffers per chunk would cost page faults and zeroing
  thread_local Work s;
  const size_t V = c.variants.size();
  const int n = int(num(env, io, "n"));
  if (n < 0) throw std::runtime_error("runChunk: io.n must be ≥ 0");
  s.allocate(n, c.netTierCount, int(V));
  s.sampleCount = int(num(env, io, "sampleCount"));
  auto rng = arr<uint32_t>(env, io, "rng");
  if (rng.length != 4) throw std::runtime_error("runChunk: io.rng must hold 4 words");
  for (int i = 0; i < 4; i++) s.rng[i] = rng[i];
  const auto defaultMonth = arr<double>(env, io, "defaultMonth");
  if (defaultMonth.length != 0 && defaultMonth.length != V * n)
    throw std::runtime_error("runChunk: io.defaultMonth must be empty or hold variants × n");
  if (s.sampleCount < 0 || s.sampleCount > n) throw std::runtime_error("runChunk: io.sampleCount out of range");
  const auto qs = arr<double>(env, io, "bandQuantiles");
  if (qs.length == 0 || qs.length > 8) throw std::runtime_error("runChunk: io.bandQuantiles must hold 1 to 8");
  s.bandQuantileCount = int(qs.length);
  for (size_t k = 0; k < qs.length; k++) s.bandQuantiles[k] = qs[k];
  const size_t T1 = c.months + 1;
  const size_t V5 = size_t(c.sampledVariants) * VS;
  const bool sampled = s.sampleCount > 0;
  s.netSums = arr<double>(env, io, "netSums");
  s.varSums = arr<double>(env, io, "varSums");
  s.netBands = arr<double>(env, io, "netBands");
  s.slotBands = arr<double>(env, io, "slotBands");
  s.netSample = arr<double>(env, io, "netSample");
  s.varSample = arr<double>(env, io, "varSample");
  s.flowSample = arr<double>(env, io, "flowSample");
  const auto variantFinals = arr<double>(env, io, "variantFinals");
  const auto networkFinals = arr<double>(env, io, "networkFinals");
  // the flows of the first irrPaths sampled paths, [(slot·T1 + t)·irrPaths + p]: their count from the array's
  // length, so that the stride is the one JavaScript allocated (irrPathCount in state.ts)
  const size_t flowRow = size_t(c.sampledVariants) * T1;
  if (flowRow == 0 || s.flowSample.length % flowRow != 0 || s.flowSample.length / flowRow > size_t(s.sampleCount))
    throw std::runtime_error("runChunk: io.flowSample must hold sampled variants × (months + 1) × k ≤ sampleCount");
  s.irrPaths = int(s.flowSample.length / flowRow);
  const size_t kept = s.netSample.length > 0 ? size_t(s.sampleCount) * T1 : 0;
  const size_t Q = qs.length;
  if (s.netSums.length < NS * T1 || s.varSums.length < V * VS * T1 ||
      s.netBands.length < (sampled ? NS * Q * T1 : 0) || s.slotBands.length < (sampled ? V5 * Q * T1 : 0) ||
      s.netSample.length < NS * kept || s.varSample.length < V5 * kept ||
      variantFinals.length < V * 12 * size_t(n) || networkFinals.length < (6 + TRACKED_HALVINGS) * size_t(n))
    throw std::runtime_error("runChunk: an output array of io is too short");
  s.bandsSelected = true;

  initChunk(c, s, defaultMonth);
  runMonths(c, s);
  finishChunk(c, s, variantFinals.data, networkFinals.data, s.flowSample.data);
  for (int i = 0; i < 4; i++) rng[i] = s.rng[i];
  napi_value selected;
  check(env, napi_get_boolean(env, s.bandsSelected, &selected));
  return selected;
}

}  // namespace

napi_value runChunkEntry(const napi::Args& args) { return RunChunk(args); }

}  // namespace mullet
