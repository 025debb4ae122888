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
 * known 4CP intervals ('known') or at each month's window peak ('window'). Sums are compensated (Neumaier).
 */
export function settle(problem: DispatchProblem, schedule: Schedule): Settlement {
  const { n, dtH: dt, terms } = problem;
  const tiers = problem.tierMw.length;
  const { miningMw, tierMw, offerMw } = schedule;
  const hpBtc = problem.hashpriceBtcPerPhDay;
  const marginUsd = new Float64Array(n);
  const tierMwh = new Float64Array(tiers);
  const acc = new Float64Array(2 * SLOTS);
  const ppa = terms.ppa;
  const adder = terms.adderUsdPerMwh;
  for (let h = 0; h < n; h++) {
    const p = problem.priceUsdPerMwh[h]!;
    const ai = problem.aiMw[h]!;
    const m = miningMw[h]!;
    const hp = problem.hashpriceUsdPerPhDay[h]!;
    let revenuePerH = 0;
    let btcPerH = 0;
    for (let i = 0; i < tiers; i++) {
      const x = tierMw[h * tiers + i]!;
      if (x === 0) continue;
      const perMwh = x * problem.tierRevenueFactor[i]!;
      revenuePerH += perMwh * hp;
      if (hpBtc !== null) btcPerH += perMwh * hpBtc[h]!;
      tierMwh[i]! += x * dt;
    }
    let miningCost: number;
    let aiCost: number;
    if (ppa !== null) {
      const aiWithin = Math.min(ai, ppa.mw);
      const miningWithin = Math.min(ai + m, ppa.mw) - aiWithin;
      const unused = ppa.mw - aiWithin - miningWithin;
      miningCost = (miningWithin * ppa.usdPerMwh + (m - miningWithin) * (p + adder)) * dt;
      aiCost = (aiWithin * ppa.usdPerMwh + (ai - aiWithin) * (p + adder)) * dt;
      if (ppa.sellBack) add(acc, SELL_BACK, unused * p * dt);
      add(acc, UNUSED, unused * ppa.usdPerMwh * dt);
    } else {
      miningCost = m * (p + adder) * dt;
      aiCost = ai * (p + adder) * dt;
    }
    const revenue = revenuePerH * dt;
    marginUsd[h] = revenue - miningCost;
    add(acc, REVENUE, revenue);
    add(acc, BTC, btcPerH * dt);
    add(acc, MINING_COST, miningCost);
    add(acc, AI_COST, aiCost);
    add(acc, AI, ai * dt);
    add(acc, MINING, m * dt);
    const cut = problem.capMw[h]! - m;
    if (cut > 1e-9 * Math.max(1, problem.capMw[h]!)) {
      add(acc, CURTAILED, cut * dt);
      add(acc, CURTAILED_HOURS, dt);
    }
    add(acc, ANCILLARY, offerMw[h]! * problem.offerUsdPerMwH[h]! * dt);
    add(acc, OFFERED, offerMw[h]! * dt);
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
      aiMwh: total(acc, AI),
      miningMwh: total(acc, MINING),
      curtailedMwh: total(acc, CURTAILED),
      curtailedHours: total(acc, CURTAILED_HOURS),
      btcMined: hpBtc === null ? null : total(acc, BTC),
      miningRevenueUsd,
      miningPowerCostUsd,
      miningMarginUsd,
      sellBackUsd,
      ppaUnusedCostUsd,
      fourCpAvoidedUsd,
      ancillaryUsd,
      ancillaryOfferedMwh: total(acc, OFFERED),
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
const [
  AI,
  MINING,
  CURTAILED,
  CURTAILED_HOURS,
  BTC,
  REVENUE,
  MINING_COST,
  SELL_BACK,
  UNUSED,
  ANCILLARY,
  OFFERED,
  AI_COST,
] = [0, 2, 4, 6, 8, 10, 12, 14, 16, 18, 20, 22] as const;
const SLOTS = 12;

function add(acc: Float64Array, k: number, x: number): void {
  const s = acc[k]!;
  const t = s + x;
  acc[k + 1]! += Math.abs(s) >= Math.abs(x) ? s - t + x : x - t + s;
  acc[k] = t;
}

function total(acc: Float64Array, k: number): number {
  return acc[k]! + acc[k + 1]!;
}
