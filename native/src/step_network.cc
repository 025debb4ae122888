// stepNetwork of src/core/simulate/step-network.ts on 8 paths at a time. Branches become lane selects; the
// block/retarget loop runs until every lane has finished its month; halvings (rare) are handled lane by lane.
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
  const double monthStartS = t * MONTH_S;
  const double perPhDay = 1000 / (MONTH_S / 86400);

  for (int p0 = pb; p0 < pe; p0 += LANES) {
    const vd P = load(&s.price[p0]);
    const vd f = load(&s.fee[p0]);
    vd D = load(&s.difficulty[p0]);
    vd h = load(&s.height[p0]);
    const vd h0 = h;
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

    // blocks, retargets, halvings
    vd ep = load(&s.epochElapsedS[p0]);
    vd rate = (H * BLOCK_RATE_FACTOR) / D;
    vd remaining = splat(MONTH_S);
    vd nextRetarget = (vfloor(h * INV_RETARGET) + 1.0) * RETARGET_BLOCKS;
    vd halving = load(&s.nextHalving[p0]);
    vm active = splatm(-1);
    for (;;) {
      // decided on heights, so a retarget that rounding puts a hair inside the month is never skipped
      const vd hFull = h + rate * remaining;
      const vm last = ~(hFull >= nextRetarget);  // NaN-safe: a NaN lane finishes
      const vd hEnd = sel(last, hFull, nextRetarget);
      const vm hit = active & (hEnd >= halving);
      if (any(hit)) {
        for (int l = 0; l < LANES; l++) {
          if (!hit[l]) continue;
          const int p = p0 + l;
          if (p < s.n) {
            const int seen = s.halvingsSeen[p];
            if (seen < TRACKED_HALVINGS)
              s.halvingDay[size_t(seen) * s.n + p] =
                  ((monthStartS + (MONTH_S - remaining[l])) + (halving[l] - h[l]) / rate[l]) / 86400;
            s.halvingsSeen[p] = seen + 1;
          }
          halving[l] += HALVING_BLOCKS;
        }
      }
      const vm finish = active & last;
      const vm cont = active & ~last;
      vd need = (nextRetarget - h) / rate;
      need = sel(need > remaining, remaining, need);
      h = sel(active, hEnd, h);
      const vd epCont = ep + need;
      vd factor = TARGET_TIMESPAN_S / epCont;
      factor = sel(factor < 0.25, splat(0.25), vmin(factor, splat(4)));
      ep = sel(finish, ep + remaining, sel(cont, splat(0), ep));
      remaining = sel(cont, remaining - need, remaining);
      D = sel(cont, D * factor, D);
      nextRetarget = sel(cont, nextRetarget + RETARGET_BLOCKS, nextRetarget);
      rate = sel(cont, (H * BLOCK_RATE_FACTOR) / D, rate);
      active = cont;
      if (!any(active)) break;
    }
    const vd era1f = vfloor(h * INV_HALVING);
    const vm era1 = vtoint(era1f);
    const vd sub1 = gather(c.eraSubsidyBtc.data, era1);
    const vd subsidy = (((gather(c.eraCumBtc.data, era1) + (h - era1f * HALVING_BLOCKS) * sub1) -
                         gather(c.eraCumBtc.data, era0)) -
                        (h0 - era0f * HALVING_BLOCKS) * sub0);
    const vd reward = subsidy + (h - h0) * f;
    store(&s.difficulty[p0], D);
    store(&s.height[p0], h);
    store(&s.epochElapsedS[p0], ep);
    store(&s.nextHalving[p0], halving);
    store(&s.subsidyTotal[p0], load(&s.subsidyTotal[p0]) + subsidy);
    store(&s.rewardTotal[p0], load(&s.rewardTotal[p0]) + reward);
    store(&s.btcPerThNet[p0], (reward * poolKeep) * invH);
    store(&s.hashpriceBtcPerPhDay[p0], (reward * invH) * perPhDay);
  }
}

}  // namespace mullet
