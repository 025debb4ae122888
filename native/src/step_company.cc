// stepCompany of src/core/simulate/step-company.ts for one variant, 8 paths at a time: the month's mining,
// cash, treasury sales, reinvestment and bookkeeping. Data-dependent branches become lane selects; the two
// rare ones (a retirement scan over the cost order, conversions cutting bought machines) run lane by lane.
#include "js_math.h"
#include "kernel.h"

namespace mullet {

void stepCompany(const Compiled& c, Work& s, int v, int t, int pb, int pe, vd* acc, const NetView& in) {
  const int n = s.n;
  const int T = c.months;
  const int K = c.tierCount;
  const int K1 = K + 1;
  const size_t row = size_t(v) * T + t;
  const size_t base = row * K1;
  const Variant& variant = c.variants[v];
  const int policy = variant.treasury;
  const double reinvestShare =
      t >= variant.reinvestFromMonth && t < variant.reinvestUntilMonth ? variant.reinvestShare : 0;
  const double* cumGrid = c.cumGrid.data + base;
  // this (variant, month)'s tier tables, K + 1 entries each, for lane lookups
  const SmallTable cumThT = smallTable(c.cumTh.data + base, K1);
  const SmallTable cumCostT = smallTable(c.cumCost.data + base, K1);
  const SmallTable cumGridT = smallTable(cumGrid, K1);
  const SmallTable invGridStepT = smallTable(c.invGridStep.data + base, K1);
  const double opNet = c.opNet[row];
  const double convNet = c.convNet[row];
  const double capex = c.capex[row];
  const double miningOpexRow = c.miningOpex[row];
  const double free = c.freeGridMw[row];
  const double financing = c.financingOut[t];
  const double discount = c.discount[t + 1];
  const double uptime = c.uptime;
  const double newPue = c.newPue;
  const double newCostPerWallMw = c.newCostPerWallMw;
  const double opexPerGridMw = c.miningOpexPerGridMw;
  const double existingGrid = cumGrid[c.tierCount];
  const double poolKeep = c.poolKeep;
  const double minCashFloor = c.minCash;
  const double survival = c.companySurvivalPerMonth;
  const double jNew = c.newJPerTh[t];
  const double thPerGridMw = 1e6 / (jNew * newPue);
  const double wallMwPerTh = jNew * 1e-6;
  const bool rollover = t > 0 && t % c.cohortMonths == 0;
  const bool lastYear = t >= T - 12;
  const bool lastMonth = t == T - 1;
  const double debtEnd = c.debtAt[t + 1];
  const double start0 = c.start0;
  const int T1 = T + 1;
  // band values (strategies only): slot −1 keeps none; flows of the first irrPaths paths
  const int slot = c.sampleSlot[v];
  const int sampleCount = slot < 0 ? 0 : s.sampleCount;
  double* bands[VS] = {};
  if (sampleCount > 0)
    for (int m = 0; m < VS; m++) bands[m] = s.bandRow(NS + slot * VS + m, t);
  const int irrPaths = slot < 0 ? 0 : s.irrPaths;
  const size_t flowBase = (size_t(slot < 0 ? 0 : slot) * T1 + t + 1) * irrPaths;
  const bool sells = policy == 1 || policy == 2;


  vd sumCash = acc[0], sumBtc = acc[1], sumNpv = acc[2], sumShare = acc[3], sumTh = acc[4];

  for (int p0 = pb; p0 < pe; p0 += LANES) {
    // this block's company record: field f of its 8 paths at r + f·LANES
    double* r = s.rec(v, p0);
    const vm k = load(&in.kStar[p0 - pb]);
    vd th = lookup(cumThT, k);
    vd power = lookup(cumCostT, k);
    vd nTh = load(r + NEW_TH * LANES), nMw = load(r + NEW_WALL_MW * LANES), oTh = load(r + OLD_TH * LANES), oMw = load(r + OLD_WALL_MW * LANES);
    if (rollover) {
      // the recent cohort joins the older pool when a new cohort window starts
      oTh = oTh + nTh;
      oMw = oMw + nMw;
      nTh = splat(0);
      nMw = splat(0);
    }
    vd retired = load(r + RETIRED_GRID_MW * LANES);
    vd newOpex = splat(0);
    const vm has = (nTh > 0.0) | (oTh > 0.0);
    if (any(has)) {
      // retired machines: the costliest existing ones, so the kept fleet is a prefix of the cost order
      retired = sel(has & (retired > existingGrid), splat(existingGrid), retired);
      const vd keptGrid = existingGrid - retired;
      const vm scan = has & (keptGrid < lookup(cumGridT, k));
      if (any(scan)) {
        // JS walks j down from k−1 while cumGrid[j] > keptGrid; cumGrid is a prefix sum (non-decreasing), so
        // that is the last j ≤ k−1 whose cumGrid ≤ keptGrid (but never below 0): count them instead
        vm below = splatm(0);
        for (int j = 0; j <= K; j++) below -= (splat(cumGrid[j]) <= keptGrid);
        vm j = below - 1;
        const vm kMinus1 = k - 1;
        j = j < kMinus1 ? j : kMinus1;
        j = j > 0 ? j : splatm(0);
        const vm jn = j + 1;
        const vd g0 = lookup(cumGridT, j);
        const vd frac = (keptGrid - g0) * lookup(invGridStepT, j);
        const vd th0 = lookup(cumThT, j), th1 = lookup(cumThT, jn);
        const vd c0 = lookup(cumCostT, j), c1 = lookup(cumCostT, jn);
        th = sel(scan, th0 + frac * (th1 - th0), th);
        power = sel(scan, c0 + frac * (c1 - c0), power);
      }
      // conversions may take MW from bought machines: the older pool leaves first
      const vd room = free + retired;
      const vd over0 = (oMw + nMw) * newPue - room;
      const vm cut = has & (over0 > 0.0);
      if (any(cut)) {
        for (int l = 0; l < LANES; l++) {
          if (!cut[l]) continue;
          double over = over0[l];
          const double oldGrid = oMw[l] * newPue;
          const double taken = std::min(over, oldGrid);
          const double keepOld = oldGrid > 0 ? 1 - taken / oldGrid : 0;
          oTh[l] *= keepOld;
          oMw[l] *= keepOld;
          over -= taken;
          if (over > 0 && nMw[l] > 0) {
            const double x = 1 - over / (nMw[l] * newPue);
            const double keepNew = x >= 0 ? x : 0;
            nTh[l] *= keepNew;
            nMw[l] *= keepNew;
          }
        }
      }
      // each group runs when its revenue covers its power
      const vd revenuePerTh = (load(&in.revenueStart[p0 - pb]) * poolKeep) * uptime;
      const vd newCost = nMw * newCostPerWallMw;
      const vm newOn = has & (revenuePerTh * nTh >= newCost);
      th = sel(newOn, th + nTh * uptime, th);
      power = sel(newOn, power + newCost, power);
      const vd oldCost = oMw * newCostPerWallMw;
      const vm oldOn = has & (revenuePerTh * oTh >= oldCost);
      th = sel(oldOn, th + oTh * uptime, th);
      power = sel(oldOn, power + oldCost, power);
      newOpex = sel(has, ((nMw + oMw) * newPue - retired) * opexPerGridMw, newOpex);
    }
    const vd P = load(&in.price[p0 - pb]);
    const vd invP = load(&in.invPrice[p0 - pb]);
    const vd mined = th * load(&in.btcPerThNet[p0 - pb]);
    const vd miningRevenue = mined * P;
    const vd miningCost = (power + miningOpexRow) + newOpex;
    const vm covered = miningRevenue >= miningCost;
    vd ai = splat(convNet);
    if (convNet != 0) ai = sel(t >= load(r + DEFAULT_MONTH * LANES), splat(0), ai);
    const vd monthEbitda = (((miningRevenue - power) - newOpex) + opNet) + ai;
    // cash costs not covered by lease income (negative: a surplus)
    const vd need = (((power + newOpex) + financing) - opNet) - ai;
    const vd cash0 = load(r + CASH * LANES);
    vd cashNow = (cash0 - need) - capex;
    vd held = load(r + BTC * LANES) + mined;
    vd belowCost = load(r + SOLD_BELOW_COST * LANES);
    vd minBtc = load(r + MIN_BTC * LANES);

    vd sold = splat(0);
    if (policy == 3) {
      sold = mined;
    } else if (sells) {
      vd usd = vmax(need, splat(0));
      const vd after = cashNow + usd;
      usd = sel(after < minCashFloor, usd + (minCashFloor - after), usd);
      vd x = usd * invP;
      x = sel(x > held, held, x);
      sold = policy == 1 ? x : sel(covered, x, splat(0));
    }
    const vm sale = sold > 0.0;
    if (any(sale)) {
      held = sel(sale, held - sold, held);
      cashNow = sel(sale, cashNow + sold * P, cashNow);
      belowCost = sel(sale & ~covered, belowCost + sold, belowCost);
      minBtc = sel(sale & (held < minBtc), held, minBtc);
    }

    if (reinvestShare > 0) {
      const vm invest = monthEbitda > 0.0;
      if (any(invest)) {
        const vd unitPrice = load(&in.asicUsdPerTh[p0 - pb]);
        const vd invUnit = load(&in.invAsicUsdPerTh[p0 - pb]);
        // room: free MW, then MW of existing machines (retired as the new ones arrive)
        const vd room = ((free + existingGrid) - (nMw + oMw) * newPue) * thPerGridMw;
        vd spend = reinvestShare * monthEbitda;
        spend = sel(spend > room * unitPrice, sel(room > 0.0, room * unitPrice, splat(0)), spend);
        vd spendable = cashNow - minCashFloor;
        // cash flow is the budget: BTC is sold for what cash above the floor does not cover
        vm sell = invest & (spend > spendable);
        if (policy == 0) sell = splatm(0);
        if (policy == 2) sell &= covered;
        if (any(sell)) {
          vd usd = spend - vmax(spendable, splat(0));
          const vd available = held * P;
          usd = sel(usd > available, available, usd);
          vd h2 = held - usd * invP;
          h2 = sel(h2 < 0.0, splat(0), h2);
          held = sel(sell, h2, held);
          cashNow = sel(sell, cashNow + usd, cashNow);
          spendable = sel(sell, spendable + usd, spendable);
          belowCost = sel(sell & ~covered, belowCost + usd * invP, belowCost);
          minBtc = sel(sell & (held < minBtc), held, minBtc);
        }
        spend = sel(spend > spendable, vmax(spendable, splat(0)), spend);
        const vd buy = spend * invUnit;
        const vd nTh2 = nTh + buy;
        const vd nMw2 = nMw + buy * wallMwPerTh;
        nTh = sel(invest, nTh2, nTh);
        nMw = sel(invest, nMw2, nMw);
        cashNow = sel(invest, cashNow - spend, cashNow);
        const vd over = (((nMw + oMw) * newPue) - free) - retired;
        retired = sel(invest & (over > 0.0), retired + over, retired);
      }
    }
    store(r + RETIRED_GRID_MW * LANES, retired);
    store(r + NEW_TH * LANES, nTh * survival);
    store(r + NEW_WALL_MW * LANES, nMw * survival);
    store(r + OLD_TH * LANES, oTh * survival);
    store(r + OLD_WALL_MW * LANES, oMw * survival);
    store(r + SOLD_BELOW_COST * LANES, belowCost);
    store(r + MIN_BTC * LANES, minBtc);

    const vd flow = cashNow - cash0;
    const vd npvFlow = load(r + NPV_FLOWS * LANES) + discount * flow;
    store(r + NPV_FLOWS * LANES, npvFlow);
    store(r + CASH * LANES, cashNow);
    store(r + BTC * LANES, held);
    store(r + SHORTFALL * LANES, sel(cashNow < 0.0, splat(1), load(r + SHORTFALL * LANES)));
    const vd minCash = load(r + MIN_CASH * LANES);
    store(r + MIN_CASH * LANES, sel(cashNow < minCash, cashNow, minCash));
    store(r + BTC_MINED * LANES, load(r + BTC_MINED * LANES) + mined);
    store(r + EBITDA * LANES, load(r + EBITDA * LANES) + monthEbitda);
    if (lastYear) {
      store(r + EBITDA_LAST12 * LANES, load(r + EBITDA_LAST12 * LANES) + monthEbitda);
      store(r + MARGIN_LAST12 * LANES, load(r + MARGIN_LAST12 * LANES) + (miningRevenue - miningCost));
    }
    const vd share = th * load(&in.invNetTh[p0 - pb]);
    if (lastMonth) {
      // only the end values are reported
      store(r + HASH_SHARE * LANES, share);
      store(r + COMPANY_TH * LANES, th);
    }

    const vd npvToDate = (npvFlow + discount * (held * P - debtEnd)) - start0;
    // padded lanes add nothing (x + 0 is x)
    const vm valid = p0 + LANES <= n ? splatm(-1) : (vm{0, 1, 2, 3, 4, 5, 6, 7} + p0 < n);
    sumCash += sel(valid, cashNow, splat(0));
    sumBtc += sel(valid, held, splat(0));
    sumNpv += sel(valid, npvToDate, splat(0));
    sumShare += sel(valid, share, splat(0));
    sumTh += sel(valid, th, splat(0));
    if (p0 < sampleCount) {
      const int lanes = std::min(LANES, sampleCount - p0);
      for (int l = 0; l < lanes; l++) {
        const size_t p = size_t(p0) + l;
        bands[0][p] = cashNow[l];
        bands[1][p] = held[l];
        bands[2][p] = npvToDate[l];
        bands[3][p] = share[l];
        bands[4][p] = th[l] * 1e-6;
        if (p < size_t(irrPaths)) s.flowSample[flowBase + p] = flow[l];
      }
    }
  }
  acc[0] = sumCash;
  acc[1] = sumBtc;
  acc[2] = sumNpv;
  acc[3] = sumShare;
  acc[4] = sumTh;
}

}  // namespace mullet
