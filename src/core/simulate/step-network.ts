import {
  HALVING_INTERVAL_BLOCKS,
  HASHES_PER_DIFFICULTY,
  RETARGET_INTERVAL_BLOCKS,
} from '../bitcoin/constants.ts';
import type { CompiledScenario } from './compile.ts';
import { SECONDS_PER_MONTH, TRACKED_HALVINGS } from './compile.ts';
import type { ChunkState } from './state.ts';

// Imported bindings copied into module constants: the TS loader turns imports into getters, which hot loops
// would call on every use.
const HALVING_BLOCKS = HALVING_INTERVAL_BLOCKS;
const RETARGET_BLOCKS = RETARGET_INTERVAL_BLOCKS;
const MONTH_S = SECONDS_PER_MONTH;
const HALVINGS_TRACKED = TRACKED_HALVINGS;

/** Expected blocks per second per (TH/s / difficulty): 1e12 / 2^32. */
const BLOCK_RATE_FACTOR = 1e12 / HASHES_PER_DIFFICULTY;
/** 2016 blocks × 600 s: the retarget's target timespan. */
const TARGET_TIMESPAN_S = RETARGET_INTERVAL_BLOCKS * 600;
const INV_HALVING = 1 / HALVING_BLOCKS;
const INV_RETARGET = 1 / RETARGET_BLOCKS;

/**
 * The network's month `t` for every path, at start-of-month price, fees and difficulty:
 * 1. expected revenue of one TH/s for the month, `R = P · (subsidy + fees) · (S·1e12/2^32) / D` (USD);
 * 2. online hashrate: each tier k is on in the share of miners whose power cost is below R (costs uniform over
 *    ±spread around the network's level), never below the always-on share; H = survival · Σ installed · on,
 *    but never below (1 − maxMonthlyDrop) of last month's H (shutting down takes time; without this limit a
 *    monthly step lets most of the network leave before a retarget and difficulty could never catch up);
 * 3. new machines: shipped ∝ the frontier machine's gross margin (1 − cost/R) / fullSupplyMargin, capped at
 *    the month's capacity; they join the month's cohort and count from next month;
 * 4. the company's cheapest tiers that cover their power cost (k*), and the month's ASIC price;
 * 5. blocks at rate H·1e12/(D·2^32) per second through the month, retargeting at every multiple of 2016:
 *    D' = D · clamp(2016·600 s / epoch span, 1/4, 4); the subsidy integrates the halving schedule exactly
 *    (halvings at multiples of 210,000); the day a halving height is reached is recorded;
 * 6. BTC per effective TH/s of the month after the pool fee: (subsidy + fees) · (1 − fee) / H.
 */
export function stepNetwork(c: CompiledScenario, s: ChunkState, t: number): void {
  const n = s.n;
  const NT = c.netTierCount;
  const { price, fee, difficulty, height, epochElapsedS, netInstalled, netTh, nextHalving, halvingsSeen } = s;
  const { revenueStart, kStar, asicUsdPerTh, btcPerThNet, hashpriceBtcPerPhDay, subsidyTotal, rewardTotal } =
    s;
  const { halvingDay, invNetTh, netTotal, invAsicUsdPerTh } = s;
  const invCost = c.netTierInvCost;
  const low = c.spreadLow;
  const invWidth = c.spreadInvWidth;
  const alwaysOn = c.alwaysOnShare;
  const keepAtLeast = 1 - c.maxMonthlyDrop;
  const survival = c.netSurvival[t]!;
  const addScale = c.supplyTh[t]! / c.netSurvival[t + 1]!;
  const frontierInvCost = c.frontierInvCost[t]!;
  const invFull = c.invFullSupplyMargin;
  const cohort = c.cohortTier[t]!;
  const revenueFactor = c.revenueFactor;
  const eraSubsidy = c.eraSubsidyBtc;
  const eraCum = c.eraCumBtc;
  const tierCost = c.tierCostPerTh;
  const K = c.tierCount;
  const poolKeep = c.poolKeep;
  const anyReinvest = c.anyReinvest;
  const asic0 = c.asicUsdPerTh0 * c.asicDecline[t]!;
  const asicInvRef = 1 / c.asicRevenueRef;
  const elasticity = c.asicElasticity;
  const asicMin = c.asicMinUsdPerTh;
  const monthStartS = t * MONTH_S;
  const perPhDay = 1000 / (MONTH_S / 86_400);

  for (let p = 0; p < n; p++) {
    const P = price[p]!;
    const f = fee[p]!;
    let D = difficulty[p]!;
    let h = height[p]!;
    const h0 = h;
    const era0 = Math.floor(h * INV_HALVING);
    const R = (P * (eraSubsidy[era0]! + f) * revenueFactor) / D;
    revenueStart[p] = R;

    // online hashrate; tiers run from least to most efficient, so once one is fully on all the rest are
    const base = p * NT;
    const installed = netTotal[p]!;
    let H = 0;
    let below = 0;
    for (let k = 0; k < NT; k++) {
      const on = (R * invCost[k]! - low) * invWidth;
      if (on >= 1) {
        H += installed - below;
        break;
      }
      const inst = netInstalled[base + k]!;
      H += inst * Math.max(on, alwaysOn);
      below += inst;
    }
    H *= survival;
    // switching off takes time: at most maxDrop of last month's online hashrate leaves in a month
    const floor = netTh[p]! * keepAtLeast;
    if (H < floor) H = floor;
    netTh[p] = H;
    const invH = 1 / H;
    invNetTh[p] = invH;

    // new supply, online next month
    let add = (1 - 1 / (R * frontierInvCost)) * invFull;
    add = add < 0 ? 0 : Math.min(add, 1);
    netInstalled[base + cohort]! += add * addScale;
    netTotal[p] = installed + add * addScale;

    // company tiers on, ASIC price
    const rNet = R * poolKeep;
    let k = K;
    if (K > 0 && tierCost[K - 1]! > rNet) {
      k = 0;
      while (tierCost[k]! <= rNet) k++;
    }
    kStar[p] = k;
    if (anyReinvest) {
      const a = Math.max(asic0 * (1 + elasticity * (R * asicInvRef - 1)), asicMin);
      asicUsdPerTh[p] = a;
      invAsicUsdPerTh[p] = 1 / a;
    }

    // blocks, retargets, halvings
    let ep = epochElapsedS[p]!;
    let rate = (H * BLOCK_RATE_FACTOR) / D;
    let remaining = MONTH_S;
    let nextRetarget = (Math.floor(h * INV_RETARGET) + 1) * RETARGET_BLOCKS;
    let halving = nextHalving[p]!;
    for (;;) {
      // decided on heights, so a retarget that rounding puts a hair inside the month is never skipped
      const hFull = h + rate * remaining;
      const last = !(hFull >= nextRetarget); // NaN-safe: never loops forever
      const hEnd = last ? hFull : nextRetarget;
      if (hEnd >= halving) {
        const seen = halvingsSeen[p]!;
        if (seen < HALVINGS_TRACKED)
          halvingDay[seen * n + p] = (monthStartS + (MONTH_S - remaining) + (halving - h) / rate) / 86_400;
        halvingsSeen[p] = seen + 1;
        halving += HALVING_BLOCKS;
      }
      if (last) {
        ep += remaining;
        h = hEnd;
        break;
      }
      let need = (nextRetarget - h) / rate;
      if (need > remaining) need = remaining;
      h = hEnd;
      ep += need;
      remaining -= need;
      let factor = TARGET_TIMESPAN_S / ep;
      factor = factor < 0.25 ? 0.25 : Math.min(factor, 4);
      D *= factor;
      ep = 0;
      nextRetarget += RETARGET_BLOCKS;
      rate = (H * BLOCK_RATE_FACTOR) / D;
    }
    const era1 = Math.floor(h * INV_HALVING);
    const subsidy =
      eraCum[era1]! +
      (h - era1 * HALVING_BLOCKS) * eraSubsidy[era1]! -
      eraCum[era0]! -
      (h0 - era0 * HALVING_BLOCKS) * eraSubsidy[era0]!;
    const reward = subsidy + (h - h0) * f;
    difficulty[p] = D;
    height[p] = h;
    epochElapsedS[p] = ep;
    nextHalving[p] = halving;
    subsidyTotal[p]! += subsidy;
    rewardTotal[p]! += reward;
    btcPerThNet[p] = reward * poolKeep * invH;
    // in BTC; valued at the month-end price when recorded
    hashpriceBtcPerPhDay[p] = reward * invH * perPhDay;
  }
}
