import type { DispatchTotals } from '../../schema/dispatch-result.ts';
import type { DispatchProblem } from './problem.ts';
import type { Schedule } from './schedule.ts';

/** Money and energy of one schedule: the totals and the per-interval pieces reports need. */
export interface Settlement {
  totals: DispatchTotals;
  /** Mining margin per interval (revenue − power cost), USD. */
  marginUsd: Float64Array;
  /** Energy per tier over the period, MWh. */
  tierMwh: Float64Array;
}

/**
 * Settles a schedule against the site's contracts. Power: the PPA block (if any) serves AI first, then mining;
 * unused block MWh cost the contract price and, with sell-back, earn the node price; energy above the block
 * costs node price + adder. 4CP: the avoided charge is valued against always-on mining (`capMw`), at the
 * known 4CP intervals ('known') or at each month's window peak ('window'). Money sums are blockwise compensated (Neumaier).
 */
export function settle(problem: DispatchProblem, schedule: Schedule): Settlement {
  const { n, dtH: dt, terms } = problem;
  const tiers = problem.tierMw.length;
  const { miningMw, offerMw } = schedule;
  const caps = problem.tierMw;
  const hpBtc = problem.hashpriceBtcPerPhDay;
  const marginUsd = new Float64Array(n);
  const tierMwh = new Float64Array(tiers);
  // money: plain sums over blocks of BLOCK intervals, flushed into compensated (Neumaier) sums; energies plain
  const acc = new Float64Array(2 * SLOTS);
  const block = new Float64Array(SLOTS);
  let aiMwh = 0;
  let miningMwh = 0;
  let curtailedMwh = 0;
  let curtailedHours = 0;
  let offeredMwh = 0;
  const ppa = terms.ppa;
  const adder = terms.adderUsdPerMwh;
  for (let h = 0; h < n; h++) {
    const p = problem.priceUsdPerMwh[h]!;
    const ai = problem.aiMw[h]!;
    const m = miningMw[h]!;
    const hp = problem.hashpriceUsdPerPhDay[h]!;
    // tiers fill most efficient first (as splitOverTiers): revenue per hour = Σ x_i · factor_i · hashprice
    let perMwh = 0;
    let left = m;
    for (let i = 0; i < tiers && left > 0; i++) {
      const x = Math.min(left, caps[i]!);
      perMwh += x * problem.tierRevenueFactor[i]!;
      tierMwh[i]! += x * dt;
      left -= x;
    }
    const revenuePerH = perMwh * hp;
    const btcPerH = hpBtc === null ? 0 : perMwh * hpBtc[h]!;
    let miningCost: number;
    let aiCost: number;
    if (ppa !== null) {
      const aiWithin = Math.min(ai, ppa.mw);
      const miningWithin = Math.min(ai + m, ppa.mw) - aiWithin;
      const unused = ppa.mw - aiWithin - miningWithin;
      miningCost = (miningWithin * ppa.usdPerMwh + (m - miningWithin) * (p + adder)) * dt;
      aiCost = (aiWithin * ppa.usdPerMwh + (ai - aiWithin) * (p + adder)) * dt;
      if (ppa.sellBack) block[SELL_BACK]! += unused * p * dt;
      block[UNUSED]! += unused * ppa.usdPerMwh * dt;
    } else {
      miningCost = m * (p + adder) * dt;
      aiCost = ai * (p + adder) * dt;
    }
    const revenue = revenuePerH * dt;
    marginUsd[h] = revenue - miningCost;
    block[REVENUE]! += revenue;
    block[BTC]! += btcPerH * dt;
    block[MINING_COST]! += miningCost;
    block[AI_COST]! += aiCost;
    aiMwh += ai * dt;
    miningMwh += m * dt;
    const cut = problem.capMw[h]! - m;
    if (cut > 1e-9 * Math.max(1, problem.capMw[h]!)) {
      curtailedMwh += cut * dt;
      curtailedHours += dt;
    }
    block[ANCILLARY]! += offerMw[h]! * problem.offerUsdPerMwH[h]! * dt;
    offeredMwh += offerMw[h]! * dt;
    if ((h + 1) % BLOCK === 0 || h === n - 1) flush(acc, block);
  }
  const fourCpAvoidedUsd = fourCpAvoided(problem, miningMw);
  const ancillaryUsd = total(acc, ANCILLARY);
  const miningRevenueUsd = total(acc, REVENUE);
  const miningPowerCostUsd = total(acc, MINING_COST);
  const miningMarginUsd = miningRevenueUsd - miningPowerCostUsd;
  const sellBackUsd = total(acc, SELL_BACK);
  const ppaUnusedCostUsd = total(acc, UNUSED);
  const demandResponseUsd = fourCpAvoidedUsd + ancillaryUsd;
  const aiRevenueUsd = terms.aiLeaseUsdPerHour * dt * n;
  const aiPowerCostUsd = total(acc, AI_COST);
  const totalMarginUsd =
    miningMarginUsd +
    sellBackUsd -
    ppaUnusedCostUsd +
    demandResponseUsd +
    aiRevenueUsd -
    (terms.aiPassThrough ? 0 : aiPowerCostUsd);
  return {
    totals: {
      hours: n * dt,
      aiMwh: aiMwh,
      miningMwh: miningMwh,
      curtailedMwh: curtailedMwh,
      curtailedHours: curtailedHours,
      btcMined: hpBtc === null ? null : total(acc, BTC),
      miningRevenueUsd,
      miningPowerCostUsd,
      miningMarginUsd,
      sellBackUsd,
      ppaUnusedCostUsd,
      fourCpAvoidedUsd,
      ancillaryUsd,
      ancillaryOfferedMwh: offeredMwh,
      demandResponseUsd,
      aiRevenueUsd,
      aiPowerCostUsd,
      totalMarginUsd,
    },
    marginUsd,
    tierMwh,
  };
}

/** 4CP transmission charge avoided against always-on mining, USD. */
function fourCpAvoided(problem: DispatchProblem, miningMw: Float64Array): number {
  const f = problem.terms.fourCp;
  if (f === null) return 0;
  if (f.mode === 'known') {
    let avoided = 0;
    for (const h of f.knownIndex) avoided += (problem.capMw[h]! - miningMw[h]!) * f.usdPerMw;
    return avoided;
  }
  const { windowOf, windows } = problem.coupling;
  const capPeak = new Float64Array(windows.length);
  const peak = new Float64Array(windows.length);
  for (let h = 0; h < problem.n; h++) {
    const w = windowOf[h]!;
    if (w < 0) continue;
    if (problem.capMw[h]! > capPeak[w]!) capPeak[w] = problem.capMw[h]!;
    if (miningMw[h]! > peak[w]!) peak[w] = miningMw[h]!;
  }
  let avoided = 0;
  for (let w = 0; w < windows.length; w++) avoided += (capPeak[w]! - peak[w]!) * windows[w]!.usdPerMw;
  return avoided;
}

// Neumaier compensated sums kept in one typed array (sum at 2k, compensation at 2k+1): no boxing, no objects
const [BTC, REVENUE, MINING_COST, SELL_BACK, UNUSED, ANCILLARY, AI_COST] = [0, 1, 2, 3, 4, 5, 6] as const;
const SLOTS = 7;
/** Intervals summed plainly before a compensated add: 32 terms lose at most ~32 ulp, then nothing grows. */
const BLOCK = 32;

/** Adds each block sum into its Neumaier sum (sum at 2k, compensation at 2k+1) and clears the block. */
function flush(acc: Float64Array, block: Float64Array): void {
  for (let k = 0; k < SLOTS; k++) {
    const x = block[k]!;
    const s = acc[2 * k]!;
    const t = s + x;
    acc[2 * k + 1]! += Math.abs(s) >= Math.abs(x) ? s - t + x : x - t + s;
    acc[2 * k] = t;
    block[k] = 0;
  }
}

function total(acc: Float64Array, k: number): number {
  return acc[2 * k]! + acc[2 * k + 1]!;
}
