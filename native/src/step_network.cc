// stepNetwork of src/core/simulate/step-network.ts on 8 paths at a time. Branches become lane selects; the
// block/retarget loop runs until every lane has finished its month, two blocks side by side; halvings (rare)
// are handled lane by lane.
#include "kernel.h"

namespace mullet {

namespace {
constexpr double HALVING_BLOCKS = 210000;
constexpr double RETARGET_BLOCKS = 2016;
constexpr double MONTH_S = (365.25 / 12) * 86400;
constexpr double BLOCK_RATE_FACTOR = 1e12 / 4294967296.0;
constexpr double TARGET_TIMESPAN_S = 2016 * 600;
constexpr double INV_HALVING = 1 / HALVING_BLOCKS;
constexpr double INV_RETARGET = 1 / RETARGET_BLOCKS;
}  // namespace

/**
 * Blocks, retargets and halvings of the month for B consecutive 8-path blocks from p0, after pass 1 set their
 * online hashrate: blocks at rate H·1e12/(D·2^32) per second, retargeting at every multiple of 2016 (the epoch
 * span counts across months), the subsidy integrated over the halving schedule. The B blocks' chains of
 * divisions are independent, so running them side by side keeps the divider busy.
 */
template <int B>
void advanceBlocks(const Compiled& c, Work& s, int t, int p0) {
  const double monthStartS = t * MONTH_S;
  const double poolKeep = c.poolKeep;
  const double perPhDay = 1000 / (MONTH_S / 86400);
  vd H[B], D[B], h[B], h0[B], ep[B], rate[B], remaining[B], nextRetarget[B], halving[B];
  vm active[B];
  for (int i = 0; i < B; i++) {
    const int p = p0 + i * LANES;
    H[i] = load(&s.netTh[p]);
    D[i] = load(&s.difficulty[p]);
    h[i] = load(&s.height[p]);
    h0[i] = h[i];
    ep[i] = load(&s.epochElapsedS[p]);
    rate[i] = (H[i] * BLOCK_RATE_FACTOR) / D[i];
    remaining[i] = splat(MONTH_S);
    nextRetarget[i] = (vfloor(h[i] * INV_RETARGET) + 1.0) * RETARGET_BLOCKS;
    halving[i] = load(&s.nextHalving[p]);
    active[i] = splatm(-1);
  }
  for (;;) {
    bool more = false;
    for (int i = 0; i < B; i++) {
      // decided on heights, so a retarget that rounding puts a hair inside the month is never skipped
      const vd hFull = h[i] + rate[i] * remaining[i];
      const vm last = ~(hFull >= nextRetarget[i]);  // NaN-safe: a NaN lane finishes
      const vd hEnd = sel(last, hFull, nextRetarget[i]);
      const vm hit = active[i] & (hEnd >= halving[i]);
      if (any(hit)) {
        for (int l = 0; l < LANES; l++) {
          if (!hit[l]) continue;
          const int p = p0 + i * LANES + l;
          if (p < s.n) {
            const int seen = s.halvingsSeen[p];
            if (seen < TRACKED_HALVINGS)
              s.halvingDay[size_t(seen) * s.n + p] =
                  ((monthStartS + (MONTH_S - remaining[i][l])) + (halving[i][l] - h[i][l]) / rate[i][l]) / 86400;
            s.halvingsSeen[p] = seen + 1;
          }
          halving[i][l] += HALVING_BLOCKS;
        }
      }
      const vm finish = active[i] & last;
      const vm cont = active[i] & ~last;
      vd need = (nextRetarget[i] - h[i]) / rate[i];
      need = sel(need > remaining[i], remaining[i], need);
      h[i] = sel(active[i], hEnd, h[i]);
      const vd epCont = ep[i] + need;
      vd factor = TARGET_TIMESPAN_S / epCont;
      factor = sel(factor < 0.25, splat(0.25), vmin(factor, splat(4)));
      ep[i] = sel(finish, ep[i] + remaining[i], sel(cont, splat(0), ep[i]));
      remaining[i] = sel(cont, remaining[i] - need, remaining[i]);
      D[i] = sel(cont, D[i] * factor, D[i]);
      nextRetarget[i] = sel(cont, nextRetarget[i] + RETARGET_BLOCKS, nextRetarget[i]);
      rate[i] = sel(cont, (H[i] * BLOCK_RATE_FACTOR) / D[i], rate[i]);
      active[i] = cont;
      more |= any(cont);
    }
    if (!more) break;
  }
  for (int i = 0; i < B; i++) {
    const int p = p0 + i * LANES;
    const vd f = load(&s.fee[p]);
    const vd era0f = vfloor(h0[i] * INV_HALVING);
    const vm era0 = vtoint(era0f);
    const vd era1f = vfloor(h[i] * INV_HALVING);
    const vm era1 = vtoint(era1f);
    const vd sub0 = gather(c.eraSubsidyBtc.data, era0);
    const vd sub1 = gather(c.eraSubsidyBtc.data, era1);
    const vd subsidy = (((gather(c.eraCumBtc.data, era1) + (h[i] - era1f * HALVING_BLOCKS) * sub1) -
                         gather(c.eraCumBtc.data, era0)) -
                        (h0[i] - era0f * HALVING_BLOCKS) * sub0);
    const vd reward = subsidy + (h[i] - h0[i]) * f;
    const vd invH = load(&s.invNetTh[p]);
    store(&s.difficulty[p], D[i]);
    store(&s.height[p], h[i]);
    store(&s.epochElapsedS[p], ep[i]);
    store(&s.nextHalving[p], halving[i]);
    store(&s.subsidyTotal[p], load(&s.subsidyTotal[p]) + subsidy);
    store(&s.rewardTotal[p], load(&s.rewardTotal[p]) + reward);
    store(&s.btcPerThNet[p], (reward * poolKeep) * invH);
    store(&s.hashpriceBtcPerPhDay[p], (reward * invH) * perPhDay);
  }
}

void stepNetwork(const Compiled& c, Work& s, int t, int pb, int pe) {
  const size_t S = s.S;
  const int NT = c.netTierCount;
  const int K = c.tierCount;
  const vd low = splat(c.spreadLow), invWidth = splat(c.spreadInvWidth), alwaysOn = splat(c.alwaysOnShare);
  const vd keepAtLeast = splat(1 - c.maxMonthlyDrop);
  const double survival = c.netSurvival[t];
  const double addScale = c.supplyTh[t] / c.netSurvival[t + 1];
  const double frontierInvCost = c.frontierInvCost[t];
  const double invFull = c.invFullSupplyMargin;
  const int cohort = c.cohortTier[t];
  const double revenueFactor = c.revenueFactor;
  const double poolKeep = c.poolKeep;
  const double asic0 = c.asicUsdPerTh0 * c.asicDecline[t];
  const double asicInvRef = 1 / c.asicRevenueRef;
  const double elasticity = c.asicElasticity;
  const double asicMin = c.asicMinUsdPerTh;
  // pass 1: revenue, online hashrate, new supply, the company's tiers on, the ASIC price
  for (int p0 = pb; p0 < pe; p0 += LANES) {
    const vd P = load(&s.price[p0]);
    const vd f = load(&s.fee[p0]);
    const vd D = load(&s.difficulty[p0]);
    const vd h = load(&s.height[p0]);
    const vd era0f = vfloor(h * INV_HALVING);
    const vm era0 = vtoint(era0f);
    const vd sub0 = gather(c.eraSubsidyBtc.data, era0);
    const vd R = ((P * (sub0 + f)) * revenueFactor) / D;
    store(&s.revenueStart[p0], R);

    // online hashrate: tiers from least to most efficient; once one is fully on, all the rest are
    const vd installed = load(&s.netTotal[p0]);
    vd H = splat(0);
    vd below = splat(0);
    vm done = splatm(0);
    for (int k = 0; k < NT && !all(done); k++) {
      const vd on = ((R * c.netTierInvCost[k]) - low) * invWidth;
      const vm full = ~done & (on >= 1.0);
      const vd inst = load(&s.netInstalled[k * S + p0]);
      const vd partial = H + inst * vmax(on, alwaysOn);
      H = sel(full, H + (installed - below), sel(done, H, partial));
      below = sel(done | full, below, below + inst);
      done |= full;
    }
    H = H * survival;
    const vd floor = load(&s.netTh[p0]) * keepAtLeast;
    H = sel(H < floor, floor, H);
    store(&s.netTh[p0], H);
    const vd invH = 1.0 / H;
    store(&s.invNetTh[p0], invH);

    // new supply, online next month
    vd add = (1.0 - 1.0 / (R * frontierInvCost)) * invFull;
    add = sel(add < 0.0, splat(0), vmin(add, splat(1)));
    double* cohortCol = &s.netInstalled[cohort * S + p0];
    store(cohortCol, load(cohortCol) + add * addScale);
    store(&s.netTotal[p0], installed + add * addScale);

    // company tiers on (the costs are sorted: k* counts those covered), ASIC price
    const vd rNet = R * poolKeep;
    vm kStar = splatm(0);
    for (int k = 0; k < K; k++) kStar -= (splat(c.tierCostPerTh[k]) <= rNet);
    std::memcpy(&s.kStar[p0], &kStar, sizeof kStar);
    if (c.anyReinvest) {
      const vd x = asic0 * (1.0 + elasticity * ((R * asicInvRef) - 1.0));
      const vd a = vmax(x, splat(asicMin));
      store(&s.asicUsdPerTh[p0], a);
      store(&s.invAsicUsdPerTh[p0], 1.0 / a);
    }
  }

  // pass 2: blocks, retargets, halvings, two 8-path blocks at a time
  int p0 = pb;
  for (; p0 + 2 * LANES <= pe; p0 += 2 * LANES) advanceBlocks<2>(c, s, t, p0);
  if (p0 < pe) advanceBlocks<1>(c, s, t, p0);
}

}  // namespace mullet
