import type { CompiledScenario } from './compile.ts';
import { CF, type ChunkState, CO, irrPathCount, LANES, laneTotal } from './state.ts';

// Record offsets as module constants (imported bindings are getters under the TS loader).
const STRIDE = CF;
const CASH = CO.cash;
const BTC = CO.btc;
const NEW_TH = CO.newTh;
const NEW_WALL_MW = CO.newWallMw;
const OLD_TH = CO.oldTh;
const OLD_WALL_MW = CO.oldWallMw;
const RETIRED_GRID_MW = CO.retiredGridMw;
const NPV_FLOWS = CO.npvFlows;
const BTC_MINED = CO.btcMined;
const EBITDA = CO.ebitda;
const EBITDA_LAST12 = CO.ebitdaLast12;
const MARGIN_LAST12 = CO.miningMarginLast12;
const SHORTFALL = CO.shortfall;
const SOLD_BELOW_COST = CO.soldBelowCost;
const MIN_BTC = CO.minBtc;
const MIN_CASH = CO.minCash;
const HASH_SHARE = CO.hashShare;
const COMPANY_TH = CO.companyTh;
const DEFAULT_MONTH = CO.defaultMonth;

/**
 * Advances variant `v` of every path by month `t`, after stepNetwork and stepMarket (month-end price `P`):
 * 1. mining: the k* cheapest existing tiers (prefix sums) minus those retired for bought machines (the
 *    costliest first), plus bought machines: the current cohort window's and the older pool (merged every
 *    cohortMonths), each on when it covers its power; BTC mined = effective TH/s · BTC per TH/s, valued at P;
 *    conversions that take MW from bought machines take the older pool's first;
 * 2. cash: + firm lease net − overhead − mining opex (opNet) + conversion net (until a tenant default)
 *    − mining power − new machines' opex − interest/principal − conversion capex;
 * 3. treasury (0 hodl, 1 sell-to-cover, 2 never-sell-below-cost, 3 sell-production), selling at P;
 * 4. reinvestment: share × positive EBITDA, within free MW, at the month's USD/TH, paid from cash above the
 *    floor and, where the policy sells at all, from BTC sold for the rest;
 * 5. bookkeeping: the month's net cash flow discounted into the NPV, EBITDA, shortfall (cash < 0), diagnostics.
 * Allocates nothing; one pass over the chunk's paths.
 */
export function stepCompany(c: CompiledScenario, s: ChunkState, v: number, t: number): void {
  const n = s.n;
  const T = c.months;
  const K1 = c.tierCount + 1;
  const row = v * T + t;
  const base = row * K1;
  const variant = c.variants[v]!;
  const policy = variant.treasury;
  const reinvestShare =
    t >= variant.reinvestFromMonth && t < variant.reinvestUntilMonth ? variant.reinvestShare : 0;
  const { cumTh, cumCost } = c;
  const opNet = c.opNet[row]!;
  const convNet = c.convNet[row]!;
  const capex = c.capex[row]!;
  const miningOpexRow = c.miningOpex[row]!;
  const free = c.freeGridMw[row]!;
  const financing = c.financingOut[t]!;
  const discount = c.discount[t + 1]!;
  const uptime = c.uptime;
  const newPue = c.newPue;
  const newCostPerWallMw = c.newCostPerWallMw;
  const opexPerGridMw = c.miningOpexPerGridMw;
  const existingGrid = c.cumGrid[base + c.tierCount]!;
  const { cumGrid } = c;
  const poolKeep = c.poolKeep;
  const minCashFloor = c.minCash;
  const survival = c.companySurvivalPerMonth;
  const jNew = c.newJPerTh[t]!;
  const thPerGridMw = 1e6 / (jNew * newPue);
  const wallMwPerTh = jNew * 1e-6;
  const invGridStep = c.invGridStep;
  const rollover = t > 0 && t % c.cohortMonths === 0;
  const lastYear = t >= T - 12;
  const lastMonth = t === T - 1;
  const debtEnd = c.debtAt[t + 1]!;
  const start0 = c.btc0 * Math.exp(c.logPrice0) - c.debt0;
  const T1 = T + 1;
  // band sample (strategies only), month-major: [((slot·VS + m)·(T+1) + t+1)·sampleCount + p]; the flows of
  // the first irrPaths paths: [(slot·(T+1) + t+1)·irrPaths + p]
  const slot = c.sampleSlot[v]!;
  const sampleCount = slot < 0 ? 0 : s.sampleCount;
  const irrPaths = irrPathCount(sampleCount);
  const { varSample, flowSample } = s;
  const sampleBase = (slot * 5 * T1 + t + 1) * sampleCount;
  const seriesStride = T1 * sampleCount;
  const flowBase = (slot * T1 + t + 1) * irrPaths;
  // band means: one partial sum per lane p mod 8, so a SIMD kernel can add the same numbers in the same order
  const acc = s.laneSums;
  acc.fill(0, 0, LANES * 5);
  const { price, invPrice, kStar, btcPerThNet, revenueStart, invNetTh, asicUsdPerTh, invAsicUsdPerTh } = s;
  const co = s.company;
  let b = v * n * STRIDE;

  for (let p = 0; p < n; p++, b += STRIDE) {
    const k = kStar[p]!;
    let th = cumTh[base + k]!;
    let power = cumCost[base + k]!;
    let nTh = co[b + NEW_TH]!;
    let nMw = co[b + NEW_WALL_MW]!;
    let oTh = co[b + OLD_TH]!;
    let oMw = co[b + OLD_WALL_MW]!;
    if (rollover) {
      // the recent cohort joins the older pool when a new cohort window starts
      oTh += nTh;
      oMw += nMw;
      nTh = 0;
      nMw = 0;
    }
    let retired = co[b + RETIRED_GRID_MW]!;
    let newOpex = 0;
    if (nTh > 0 || oTh > 0) {
      // retired machines: the costliest existing ones, so the kept fleet is a prefix of the cost order
      if (retired > existingGrid) retired = existingGrid;
      const keptGrid = existingGrid - retired;
      if (keptGrid < cumGrid[base + k]!) {
        let j = k - 1;
        while (j > 0 && cumGrid[base + j]! > keptGrid) j--;
        const g0 = cumGrid[base + j]!;
        const frac = (keptGrid - g0) * invGridStep[base + j]!;
        th = cumTh[base + j]! + frac * (cumTh[base + j + 1]! - cumTh[base + j]!);
        power = cumCost[base + j]! + frac * (cumCost[base + j + 1]! - cumCost[base + j]!);
      }
      // conversions may take MW from bought machines: the older pool leaves first
      const room = free + retired;
      let over = (oMw + nMw) * newPue - room;
      if (over > 0) {
        const oldGrid = oMw * newPue;
        const cut = Math.min(over, oldGrid);
        const keepOld = oldGrid > 0 ? 1 - cut / oldGrid : 0;
        oTh *= keepOld;
        oMw *= keepOld;
        over -= cut;
        if (over > 0 && nMw > 0) {
          const keepNew = Math.max(0, 1 - over / (nMw * newPue));
          nTh *= keepNew;
          nMw *= keepNew;
        }
      }
      // each group runs when its revenue covers its power
      const revenuePerTh = revenueStart[p]! * poolKeep * uptime;
      const newCost = nMw * newCostPerWallMw;
      if (revenuePerTh * nTh >= newCost) {
        th += nTh * uptime;
        power += newCost;
      }
      const oldCost = oMw * newCostPerWallMw;
      if (revenuePerTh * oTh >= oldCost) {
        th += oTh * uptime;
        power += oldCost;
      }
      newOpex = ((nMw + oMw) * newPue - retired) * opexPerGridMw;
    }
    const P = price[p]!;
    const mined = th * btcPerThNet[p]!;
    const miningRevenue = mined * P;
    const miningCost = power + miningOpexRow + newOpex;
    const ai = convNet !== 0 && t >= co[b + DEFAULT_MONTH]! ? 0 : convNet;
    const monthEbitda = miningRevenue - power - newOpex + opNet + ai;
    // cash costs not covered by lease income (negative: a surplus)
    const need = power + newOpex + financing - opNet - ai;
    const cash0 = co[b + CASH]!;
    let cashNow = cash0 - need - capex;
    let held = co[b + BTC]! + mined;

    let sold = 0;
    if (policy === 3) sold = mined;
    else if (policy !== 0 && (policy === 1 || miningRevenue >= miningCost)) {
      let usd = Math.max(need, 0);
      const after = cashNow + usd;
      if (after < minCashFloor) usd += minCashFloor - after;
      sold = usd * invPrice[p]!;
      if (sold > held) sold = held;
    }
    if (sold > 0) {
      held -= sold;
      cashNow += sold * P;
      if (miningRevenue < miningCost) co[b + SOLD_BELOW_COST]! += sold;
      if (held < co[b + MIN_BTC]!) co[b + MIN_BTC] = held;
    }

    if (reinvestShare > 0 && monthEbitda > 0) {
      const unitPrice = asicUsdPerTh[p]!;
      // room: free MW, then MW of existing machines (retired as the new ones arrive)
      const room = (free + existingGrid - (nMw + oMw) * newPue) * thPerGridMw;
      let spend = reinvestShare * monthEbitda;
      if (spend > room * unitPrice) spend = room > 0 ? room * unitPrice : 0;
      let spendable = cashNow - minCashFloor;
      // the budget is cash flow: BTC is sold for what cash above the floor does not cover (not under hodl,
      // and not below production cost under never-sell-below-cost)
      if (spend > spendable && policy !== 0 && (policy !== 2 || miningRevenue >= miningCost)) {
        let usd = spend - Math.max(spendable, 0);
        const available = held * P;
        if (usd > available) usd = available;
        held -= usd * invPrice[p]!;
        if (held < 0) held = 0;
        cashNow += usd;
        spendable += usd;
        if (miningRevenue < miningCost) co[b + SOLD_BELOW_COST]! += usd * invPrice[p]!;
        if (held < co[b + MIN_BTC]!) co[b + MIN_BTC] = held;
      }
      if (spend > spendable) spend = Math.max(spendable, 0);
      const buy = spend * invAsicUsdPerTh[p]!;
      nTh += buy;
      nMw += buy * wallMwPerTh;
      cashNow -= spend;
      const over = (nMw + oMw) * newPue - free - retired;
      if (over > 0) retired += over;
    }
    co[b + RETIRED_GRID_MW] = retired;
    co[b + NEW_TH] = nTh * survival;
    co[b + NEW_WALL_MW] = nMw * survival;
    co[b + OLD_TH] = oTh * survival;
    co[b + OLD_WALL_MW] = oMw * survival;

    const flow = cashNow - cash0;
    const npvFlow = co[b + NPV_FLOWS]! + discount * flow;
    co[b + NPV_FLOWS] = npvFlow;
    co[b + CASH] = cashNow;
    co[b + BTC] = held;
    if (cashNow < 0) co[b + SHORTFALL] = 1;
    if (cashNow < co[b + MIN_CASH]!) co[b + MIN_CASH] = cashNow;
    co[b + BTC_MINED]! += mined;
    co[b + EBITDA]! += monthEbitda;
    if (lastYear) {
      co[b + EBITDA_LAST12]! += monthEbitda;
      co[b + MARGIN_LAST12]! += miningRevenue - miningCost;
    }
    const share = th * invNetTh[p]!;
    if (lastMonth) {
      // only the end values are reported
      co[b + HASH_SHARE] = share;
      co[b + COMPANY_TH] = th;
    }

    const npvToDate = npvFlow + discount * (held * P - debtEnd) - start0;
    const lane = (p & (LANES - 1)) * 5;
    acc[lane]! += cashNow;
    acc[lane + 1]! += held;
    acc[lane + 2]! += npvToDate;
    acc[lane + 3]! += share;
    acc[lane + 4]! += th;
    if (p < sampleCount) {
      const at = sampleBase + p;
      varSample[at] = cashNow;
      varSample[at + seriesStride] = held;
      varSample[at + 2 * seriesStride] = npvToDate;
      varSample[at + 3 * seriesStride] = share;
      varSample[at + 4 * seriesStride] = th * 1e-6;
      if (p < irrPaths) flowSample[flowBase + p] = flow;
    }
  }
  const sums = s.varSums;
  const at = v * 5 * T1 + t + 1;
  sums[at]! += laneTotal(acc, 5, 0);
  sums[at + T1]! += laneTotal(acc, 5, 1);
  sums[at + 2 * T1]! += laneTotal(acc, 5, 2);
  sums[at + 3 * T1]! += laneTotal(acc, 5, 3);
  sums[at + 4 * T1]! += laneTotal(acc, 5, 4) * 1e-6;
}
