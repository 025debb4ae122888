import type { Scenario } from '../../schema/scenario.ts';
import type { TreasuryPolicy } from '../../schema/treasury-policy.ts';
import {
  HALVING_INTERVAL_BLOCKS,
  HASHES_PER_DIFFICULTY,
  INITIAL_SUBSIDY_SAT,
  SAT_PER_BTC,
} from '../bitcoin/constants.ts';
import { InputError, type InputIssue, invariant } from '../errors.ts';
import { CALIBRATION } from './calibration.ts';
import {
  existingAiGridMw,
  type PlannedConversion,
  planConversions,
  planFleet,
  scaleConversions,
} from './company-plan.ts';
import { scenarioIssues } from './scenario-issues.ts';

/** Fixed month: a Julian year / 12 = 30.4375 days. */
export const DAYS_PER_MONTH = 365.25 / 12;
export const SECONDS_PER_MONTH = DAYS_PER_MONTH * 86_400;
export const HOURS_PER_MONTH = DAYS_PER_MONTH * 24;
/** Halvings after the start whose dates are tracked. */
export const TRACKED_HALVINGS = 3;
/** Subsidy eras tabulated (the subsidy is 0 from era 33 on). */
const ERAS = 34;
/** Largest number of price jumps in one month tabulated by the Poisson inverse CDF. */
const MAX_JUMPS_PER_MONTH = 60;

export const TREASURY_CODES: Record<TreasuryPolicy, number> = {
  hodl: 0,
  'sell-to-cover': 1,
  'never-sell-below-cost': 2,
  'sell-production': 3,
};

/** One simulated course of action: a scenario strategy or a frontier point (deduplicated). */
export interface Variant {
  name: string;
  /** Critical IT MW converted by the end of the plan (conversions only, not signed leases). */
  aiMw: number;
  treasury: number;
  reinvestShare: number;
  reinvestFromMonth: number;
  reinvestUntilMonth: number;
  /** Monthly probability that the conversions' tenant defaults. */
  defaultHazardPerMonth: number;
}

/**
 * A scenario turned into numbers and typed-array columns, once, before any path is simulated. Plain data
 * (structured-clone safe), so it can be posted to worker threads. Months are fixed-length (30.4375 days).
 * Column layouts: `[v*T + t]` per variant and month; company tiers `[(v*T + t)*(K+1) + k]` as prefix sums
 * over tiers sorted by cost, so "the k cheapest tiers are on" is one lookup.
 */
export interface CompiledScenario {
  months: number;
  paths: number;
  seed: number;
  /** Discount factor at the end of month t−1 (index t = 0 … T): (1 + r)^(−t/12). */
  discount: Float64Array;
  discountRatePerMonth: number;

  // BTC price
  priceModel: 'gbm' | 'bootstrap';
  logPrice0: number;
  gbmDriftPerMonth: number;
  gbmSigmaPerMonth: number;
  jumpMeanLog: number;
  jumpStdLog: number;
  /** Poisson CDF of jumps per month, index n = P(N ≤ n); empty without jumps. */
  jumpCdf: Float64Array;
  /** √n · jump std, n = 0 … max: the std of the sum of n jumps. */
  jumpSqrtStd: Float64Array;
  /** Prefix sums of the shifted daily log-returns laid out twice (length 2N+1), bootstrap only. */
  bootstrapPrefix: Float64Array;
  /** N: days of returns; block starts are uniform on 0 … N−1. */
  bootstrapDays: number;
  blockDays: number;
  daysInMonth: Int32Array;
  /** Uniforms drawn per path per month by the bootstrap (enough for the longest month). */
  blockDrawsPerMonth: number;

  // fees
  logFee0: number;
  logFeeMean: number;
  feePersistence: number;
  feeSigma: number;

  // network
  height0: number;
  difficulty0: number;
  /** Online network hashrate at the start, TH/s. */
  hashrate0ThPerS: number;
  /** Expected revenue of one TH/s in month 0 at the start state, USD. */
  revenue0: number;
  epochElapsed0S: number;
  /** Revenue per TH/s-month = price · reward per block · revenueFactor / difficulty. */
  revenueFactor: number;
  netTierCount: number;
  /** 1 / (power cost of one TH/s for a month) per network tier, USD⁻¹. */
  netTierInvCost: Float64Array;
  /** Installed TH/s per tier at the start, in attrition-free units (divide by survival to add). */
  netTierTh0: Float64Array;
  /** Tier that month t's new machines join. */
  cohortTier: Int32Array;
  /** Months per cohort window (network tiers and the company's bought machines). */
  cohortMonths: number;
  spreadLow: number;
  spreadInvWidth: number;
  alwaysOnShare: number;
  /** Largest share of last month's online hashrate that can switch off in one month. */
  maxMonthlyDrop: number;
  /** Most TH/s shipped in month t (at full margin). */
  supplyTh: Float64Array;
  /** 1 / power cost of a month-t frontier TH/s for a month. */
  frontierInvCost: Float64Array;
  invFullSupplyMargin: number;
  /** Network survival (1 − attrition)^(t/12), t = 0 … T. */
  netSurvival: Float64Array;
  eraSubsidyBtc: Float64Array;
  eraCumBtc: Float64Array;
  firstHalvingHeight: number;

  // ASIC price
  anyReinvest: boolean;
  asicUsdPerTh0: number;
  asicRevenueRef: number;
  asicElasticity: number;
  asicMinUsdPerTh: number;
  asicDecline: Float64Array;
  /** Efficiency of new machines bought in month t, J/TH. */
  newJPerTh: Float64Array;

  // company
  tierCount: number;
  tierNames: string[];
  /** Power cost of one effective TH/s for a month per tier, ascending (tier on when revenue ≥ cost). */
  tierCostPerTh: Float64Array;
  poolKeep: number;
  uptime: number;
  companySurvivalPerMonth: number;
  /** Grid MW per wall MW of new machines (MW-weighted mean PUE). */
  newPue: number;
  /** USD per wall MW-month of new machines when on (mean power price · PUE · hours · uptime). */
  newCostPerWallMw: number;
  miningOpexPerGridMw: number;
  cash0: number;
  btc0: number;
  minCash: number;
  sharesOutstanding: number;
  debt0: number;
  /** Interest and principal paid in month t. */
  financingOut: Float64Array;
  /** Debt outstanding at the end of month t−1 (index t = 0 … T). */
  debtAt: Float64Array;
  miningTerminalYears: number;

  // variants
  variants: Variant[];
  cumTh: Float64Array;
  cumCost: Float64Array;
  /** Grid MW of the existing tiers, prefix sums in the same (cost) order. */
  cumGrid: Float64Array;
  /** 1 / (cumGrid[k+1] − cumGrid[k]) (0 for an empty tier): interpolation inside tier k without dividing. */
  invGridStep: Float64Array;
  opNet: Float64Array;
  convNet: Float64Array;
  capex: Float64Array;
  miningOpex: Float64Array;
  freeGridMw: Float64Array;
  /** Value at month T of deterministic lease flows after the horizon, firm and conversion parts. */
  terminalFirm: Float64Array;
  terminalConversion: Float64Array;
  /** Project debt drawn before T and still owed at T (owed whether or not the tenant defaults). */
  terminalProjectDebt: Float64Array;
  /** Variant index per scenario strategy, and per frontier point. */
  strategyVariant: number[];
  strategyNames: string[];
  frontierVariant: number[];
  frontierAiMw: number[];
  baselineVariant: number;
  /**
   * Per variant, its slot in the band sample (`varSample`, `flowSample`), or −1: only strategies report bands
   * and IRRs, so a frontier point that is no strategy keeps no monthly sample.
   */
  sampleSlot: Int32Array;
  /** Variants with a sample slot. */
  sampledVariants: number;
}

export interface CompileOptions {
  months?: number;
  paths?: number;
  seed?: number;
  /** Daily log-returns for `market.price.model: bootstrap` (the shell reads the CSV). */
  dailyLogReturns?: Float64Array;
}

/**
 * Turns a parsed scenario into a {@link CompiledScenario}. Pure and deterministic.
 * @throws InputError when the scenario is inconsistent (see scenarioIssues) or bootstrap returns are missing.
 */
export function compileScenario(scenario: Scenario, options: CompileOptions = {}): CompiledScenario {
  const issues = scenarioIssues(scenario);
  if (issues.length > 0) throw new InputError(issues);
  const T = options.months ?? scenario.months;
  const paths = options.paths ?? scenario.paths;
  const seed = options.seed ?? scenario.seed;
  const { market, company } = scenario;

  const discountRatePerMonth = (1 + scenario.discountRatePerYear) ** (1 / 12) - 1;
  const discount = new Float64Array(T + 1);
  for (let t = 0; t <= T; t++) discount[t] = (1 + scenario.discountRatePerYear) ** (-t / 12);

  // --- price
  const price = market.price;
  const daysInMonth = new Int32Array(T);
  for (let t = 0; t < T; t++)
    daysInMonth[t] = Math.floor((t + 1) * DAYS_PER_MONTH) - Math.floor(t * DAYS_PER_MONTH);
  let gbmDriftPerMonth = 0;
  let gbmSigmaPerMonth = 0;
  let jumpMeanLog = 0;
  let jumpStdLog = 0;
  let jumpCdf: Float64Array = new Float64Array(0);
  let bootstrapPrefix: Float64Array = new Float64Array(0);
  let blockDays = 0;
  let blockDrawsPerMonth = 0;
  let bootstrapDays = 0;
  if (price.model === 'gbm') {
    const { perYear, meanLog, stdLog } = price.jumps;
    const sigma = price.volatilityPerYear;
    const kappa = Math.exp(meanLog + 0.5 * stdLog * stdLog) - 1;
    // E[P_t] = P_0 e^{μt}: the log drift gives back the diffusion's σ²/2 and the jumps' mean relative size.
    gbmDriftPerMonth = (price.driftPerYear - 0.5 * sigma * sigma - perYear * kappa) / 12;
    gbmSigmaPerMonth = sigma / Math.sqrt(12);
    jumpMeanLog = meanLog;
    jumpStdLog = stdLog;
    if (perYear > 0) jumpCdf = poissonCdf(perYear / 12, MAX_JUMPS_PER_MONTH);
  } else {
    const returns = options.dailyLogReturns;
    if (!returns)
      throw new InputError({
        path: 'scenario.market.price.coinMetricsCsv',
        message: 'expected daily returns to be loaded',
      });
    if (returns.length < price.blockDays + 31)
      throw new InputError({
        path: 'scenario.market.price.coinMetricsCsv',
        message: `expected at least ${price.blockDays + 31} daily returns for blocks of ${price.blockDays} days, got ${returns.length}`,
      });
    let mean = 0;
    for (let i = 0; i < returns.length; i++) mean += returns[i]!;
    mean /= returns.length;
    let variance = 0;
    for (let i = 0; i < returns.length; i++) variance += (returns[i]! - mean) ** 2;
    variance /= returns.length - 1;
    // Demean, then shift so that E[e^{sum}] ≈ e^{μ·days/365.25} (lognormal approximation).
    const shift = price.driftPerYear / 365.25 - 0.5 * variance - mean;
    // Circular blocks (Politis & Romano 1992): the series is laid out twice so a block may wrap around,
    // which gives every day the same chance and keeps the shifted mean exact.
    const N = returns.length;
    bootstrapPrefix = new Float64Array(2 * N + 1);
    for (let i = 0; i < 2 * N; i++) bootstrapPrefix[i + 1] = bootstrapPrefix[i]! + returns[i % N]! + shift;
    bootstrapDays = N;
    blockDays = price.blockDays;
    blockDrawsPerMonth = Math.ceil(31 / blockDays) + 1;
  }

  // --- network
  const net = market.network;
  const h0ThPerS = net.hashrateEhPerS * 1e6;
  const difficulty0 = net.difficulty ?? (h0ThPerS * 1e12 * 600) / HASHES_PER_DIFFICULTY;
  const revenueFactor = (SECONDS_PER_MONTH * 1e12) / HASHES_PER_DIFFICULTY;
  const eraSubsidyBtc = new Float64Array(ERAS);
  const eraCumBtc = new Float64Array(ERAS + 1);
  for (let e = 0; e < ERAS; e++) {
    eraSubsidyBtc[e] = Math.floor(INITIAL_SUBSIDY_SAT / 2 ** e) / SAT_PER_BTC;
    eraCumBtc[e + 1] = eraCumBtc[e]! + HALVING_INTERVAL_BLOCKS * eraSubsidyBtc[e]!;
  }
  const height0 = net.height;
  const era0 = Math.floor(height0 / HALVING_INTERVAL_BLOCKS);
  const reward0 = eraSubsidyBtc[era0]! + market.fees.startBtcPerBlock;
  const revenue0 = (price.startUsd * reward0 * revenueFactor) / difficulty0;

  const costPerThPerJ = (HOURS_PER_MONTH * net.powerCostUsdPerMwh) / 1e6;
  const cohortMonths = CALIBRATION.network.cohortMonths;
  const cohorts = Math.ceil(T / cohortMonths);
  const netTierCount = net.fleet.length + cohorts;
  const w = net.powerCostSpread;
  const spreadLow = 1 - w;
  const spreadInvWidth = w > 0 ? 1 / (2 * w) : 1e12;
  const alwaysOnShare = CALIBRATION.network.alwaysOnShare;
  const gain = 1 - net.efficiencyGainPerYear;
  // Tiers: the installed classes, then one per cohort of new machines; sorted least efficient first so the
  // kernel can stop at the first tier that is fully on.
  const rawTiers = [
    ...net.fleet.map((c) => ({ jPerTh: c.jPerTh, share: c.share, cohort: -1 })),
    ...Array.from({ length: cohorts }, (_, c) => ({
      jPerTh: net.frontierJPerTh * gain ** ((c * cohortMonths + cohortMonths / 2) / 12),
      share: 0,
      cohort: c,
    })),
  ].sort((a, b) => b.jPerTh - a.jPerTh || a.cohort - b.cohort);
  const netTierInvCost = new Float64Array(rawTiers.map((r) => 1 / (r.jPerTh * costPerThPerJ)));
  let onlineShare = 0;
  rawTiers.forEach((r, k) => {
    const on = Math.max(
      alwaysOnShare,
      Math.min(1, (revenue0 * netTierInvCost[k]! - spreadLow) * spreadInvWidth),
    );
    onlineShare += r.share * on;
  });
  // The stated hashrate is what is online at the start; the installed base is larger if some classes are off.
  const netTierTh0 = new Float64Array(rawTiers.map((r) => (r.share * h0ThPerS) / onlineShare));
  const tierOfCohort = Array.from({ length: cohorts }, (_, c) => rawTiers.findIndex((r) => r.cohort === c));
  const cohortTier = new Int32Array(T);
  const supplyTh = new Float64Array(T);
  const frontierInvCost = new Float64Array(T);
  const newJPerTh = new Float64Array(T);
  const asicDecline = new Float64Array(T);
  for (let t = 0; t < T; t++) {
    cohortTier[t] = tierOfCohort[Math.floor(t / cohortMonths)]!;
    supplyTh[t] = net.newSupplyEhPerSPerMonth * 1e6 * (1 + net.supplyGrowthPerYear) ** (t / 12);
    newJPerTh[t] = net.frontierJPerTh * gain ** (t / 12);
    frontierInvCost[t] = 1 / (newJPerTh[t]! * costPerThPerJ);
    asicDecline[t] = (1 - market.asicPrice.declinePerYear) ** (t / 12);
  }
  const netSurvival = new Float64Array(T + 1);
  for (let t = 0; t <= T; t++) netSurvival[t] = (1 - net.attritionPerYear) ** (t / 12);

  // --- company
  const fleetIssues: InputIssue[] = [];
  const planned = planFleet(company, 'scenario', fleetIssues);
  invariant(fleetIssues.length === 0, 'fleet issues are reported by scenarioIssues');
  const sites = company.sites;
  const tierCost = planned.map((p) => {
    const site = sites[p.siteIndex]!;
    return (p.jPerTh * site.miningPue * site.powerUsdPerMwh * HOURS_PER_MONTH) / 1e6;
  });
  const order = planned.map((_, i) => i).sort((a, b) => tierCost[a]! - tierCost[b]! || a - b);
  const tiers = order.map((i) => planned[i]!);
  const K = tiers.length;
  const tierCostPerTh = new Float64Array(order.map((i) => tierCost[i]!));
  const uptime = company.uptimeShare;
  const companySurvivalPerMonth = (1 - company.asicAttritionPerYear) ** (1 / 12);
  const totalInterconnect = sites.reduce((s, x) => s + x.interconnectMw, 0);
  const meanPue = sites.reduce((s, x) => s + x.miningPue * x.interconnectMw, 0) / totalInterconnect;
  const meanPrice = sites.reduce((s, x) => s + x.powerUsdPerMwh * x.interconnectMw, 0) / totalInterconnect;
  const newCostPerWallMw = meanPue * meanPrice * HOURS_PER_MONTH * uptime;
  const aiGrid = existingAiGridMw(company);

  const financingOut = new Float64Array(T);
  const debtAt = new Float64Array(T + 1);
  const debt = company.debt;
  for (let t = 0; t <= T; t++) debtAt[t] = debt && t < debt.maturityMonth ? debt.principalUsd : 0;
  if (debt)
    for (let t = 0; t < T; t++) {
      if (t < debt.maturityMonth) financingOut[t] = (debt.principalUsd * debt.interestRatePerYear) / 12;
      if (t === debt.maturityMonth - 1) financingOut[t]! += debt.principalUsd;
    }

  // --- variants: strategies, then frontier points that differ from every variant so far
  const variants: Variant[] = [];
  const keys: string[] = [];
  const plans: PlannedConversion[][] = [];
  const addVariant = (v: Variant, conversions: PlannedConversion[]): number => {
    const key = JSON.stringify({ ...v, name: '', conversions });
    const found = keys.indexOf(key);
    if (found >= 0) return found;
    keys.push(key);
    variants.push(v);
    plans.push(conversions);
    return variants.length - 1;
  };
  const variantOf = (
    name: string,
    strategy: Scenario['strategies'][number],
    conversions: PlannedConversion[],
  ) => {
    const aiMw = conversions.reduce((s, c) => s + c.itMw, 0);
    const hazardYear =
      aiMw > 0 ? conversions.reduce((s, c) => s + c.itMw * c.lease.tenantDefaultPerYear, 0) / aiMw : 0;
    const r = strategy.reinvest;
    return {
      name,
      aiMw,
      treasury: TREASURY_CODES[strategy.treasury],
      reinvestShare: r?.shareOfCashFlow ?? 0,
      reinvestFromMonth: r?.fromMonth ?? 0,
      reinvestUntilMonth: r?.untilMonth ?? Number.POSITIVE_INFINITY,
      defaultHazardPerMonth: 1 - (1 - hazardYear) ** (1 / 12),
    };
  };
  const strategyVariant = scenario.strategies.map((s) => {
    const conversions = planConversions(s, company);
    return addVariant(variantOf(s.name, s, conversions), conversions);
  });
  const frontierVariant: number[] = [];
  const frontierAiMw: number[] = [];
  if (scenario.frontier) {
    const template = scenario.strategies.find((s) => s.name === scenario.frontier!.strategy)!;
    const base = planConversions(template, company);
    for (const aiMw of scenario.frontier.aiMw) {
      const { conversions } = scaleConversions(base, company, aiMw);
      frontierVariant.push(
        addVariant(variantOf(`${template.name} @ ${aiMw} MW`, template, conversions), conversions),
      );
      frontierAiMw.push(aiMw);
    }
  }
  const baselineName = scenario.baseline ?? scenario.strategies[0]!.name;
  const baselineVariant = strategyVariant[scenario.strategies.findIndex((s) => s.name === baselineName)]!;

  const V = variants.length;
  const cumTh = new Float64Array(V * T * (K + 1));
  const cumCost = new Float64Array(V * T * (K + 1));
  const cumGrid = new Float64Array(V * T * (K + 1));
  const opNet = new Float64Array(V * T);
  const convNet = new Float64Array(V * T);
  const capex = new Float64Array(V * T);
  const miningOpex = new Float64Array(V * T);
  const freeGridMw = new Float64Array(V * T);
  const terminalFirm = new Float64Array(V);
  const terminalConversion = new Float64Array(V);
  const terminalProjectDebt = new Float64Array(V);

  // Existing leases are the same for every variant.
  const leaseFlow = (t: number): number => {
    let net = 0;
    for (const lease of company.aiLeases) {
      if (t >= lease.remainingMonths) continue;
      const site = sites.find((s) => s.name === lease.site)!;
      net += lease.itMw * 1000 * lease.usdPerKwMonth * (1 + lease.escalatorPerYear) ** Math.floor(t / 12);
      net -= lease.itMw * lease.opexUsdPerMwMonth;
      if (!lease.powerPassThrough) net -= lease.itMw * lease.pue * site.powerUsdPerMwh * HOURS_PER_MONTH;
    }
    return net;
  };
  const capexAt = (c: PlannedConversion, t: number): number => {
    const energized = c.startMonth + c.buildMonths;
    if (c.buildMonths === 0 ? t === c.startMonth : t >= c.startMonth && t < energized)
      return (c.capexUsdPerMw * c.itMw) / Math.max(1, c.buildMonths);
    return 0;
  };
  // Equity's side of the capex in month t: capex − debt drawn + payments on earlier draws; and the debt left at T.
  const projectDebt = (c: PlannedConversion, t: number): { equityOut: number; balance: number } => {
    const fin = c.financing;
    if (!fin) return { equityOut: capexAt(c, t), balance: 0 };
    const r = (1 + fin.interestRatePerYear) ** (1 / 12) - 1;
    const n = fin.termMonths;
    const growth = (1 + r) ** n;
    let equityOut = capexAt(c, t) * (1 - fin.debtShare);
    let balance = 0;
    for (let tau = c.startMonth; tau < t && tau < c.startMonth + Math.max(1, c.buildMonths); tau++) {
      const draw = capexAt(c, tau) * fin.debtShare;
      const paid = t - tau - 1; // payments made before month t
      if (paid < n) equityOut += r > 0 ? (draw * r * growth) / (growth - 1) : draw / n;
      const k = Math.min(n, t - tau - 1); // the balance after those payments (the next one falls in month t)
      balance += r > 0 ? (draw * (growth - (1 + r) ** k)) / (growth - 1) : draw * (1 - k / n);
    }
    return { equityOut, balance };
  };
  const conversionFlow = (c: PlannedConversion, t: number): { net: number; capex: number } => {
    const site = sites[c.siteIndex]!;
    const energized = c.startMonth + c.buildMonths;
    const capexUsd = projectDebt(c, t).equityOut;
    let net = 0;
    if (t >= energized && t < energized + c.lease.termMonths) {
      net +=
        c.itMw *
        1000 *
        c.lease.usdPerKwMonth *
        (1 + c.lease.escalatorPerYear) ** Math.floor((t - energized) / 12);
      net -= c.itMw * c.opexUsdPerMwMonth;
      if (!c.powerPassThrough) net -= c.gridMw * site.powerUsdPerMwh * HOURS_PER_MONTH;
    }
    return { net, capex: capexUsd };
  };
  let leaseEnd = 0;
  for (const lease of company.aiLeases) leaseEnd = Math.max(leaseEnd, lease.remainingMonths);

  const byEfficiency = tiers.map((_, k) => k).sort((a, b) => tiers[a]!.jPerTh - tiers[b]!.jPerTh || a - b);
  for (let v = 0; v < V; v++) {
    const conversions = plans[v]!;
    const keep = new Float64Array(K).fill(1);
    for (let t = 0; t < T; t++) {
      const row = v * T + t;
      const survival = companySurvivalPerMonth ** t;
      // Mining capacity per site this month: interconnect − signed AI − converted MW that have left mining.
      const cap = sites.map((s, i) => s.interconnectMw - aiGrid[i]!);
      for (const c of conversions) {
        const leaves = c.miningStops === 'build-start' ? c.startMonth : c.startMonth + c.buildMonths;
        if (t >= leaves) cap[c.siteIndex]! -= c.gridMw;
      }
      // Fit each site's machines, most efficient first; removed machines never come back.
      const used = sites.map(() => 0);
      for (const k of byEfficiency) {
        const tier = tiers[k]!;
        const gridPerUnit = tier.wallMw * survival * sites[tier.siteIndex]!.miningPue;
        const room = Math.max(0, cap[tier.siteIndex]! - used[tier.siteIndex]!);
        const fit = gridPerUnit > 0 ? Math.min(1, room / gridPerUnit) : 1;
        keep[k] = Math.min(keep[k]!, fit);
        used[tier.siteIndex]! += gridPerUnit * keep[k]!;
      }
      let th = 0;
      let cost = 0;
      let gridInUse = 0;
      const base = row * (K + 1);
      for (let k = 0; k < K; k++) {
        const tier = tiers[k]!;
        const site = sites[tier.siteIndex]!;
        const share = keep[k]! * survival;
        th += tier.thPerS * share * uptime;
        cost += tier.wallMw * share * uptime * site.miningPue * site.powerUsdPerMwh * HOURS_PER_MONTH;
        gridInUse += tier.wallMw * share * site.miningPue;
        cumTh[base + k + 1] = th;
        cumCost[base + k + 1] = cost;
        cumGrid[base + k + 1] = gridInUse;
      }
      const capTotal = cap.reduce((s, x) => s + Math.max(0, x), 0);
      freeGridMw[row] = Math.max(0, capTotal - gridInUse);
      miningOpex[row] = gridInUse * company.miningOpexUsdPerMwMonth;
      opNet[row] = leaseFlow(t) - company.overheadUsdPerMonth - miningOpex[row]!;
      let conv = 0;
      let cap0 = 0;
      for (const c of conversions) {
        const f = conversionFlow(c, t);
        conv += f.net;
        cap0 += f.capex;
      }
      convNet[row] = conv;
      capex[row] = cap0;
    }
    // Contracted flows after the horizon, valued at month T.
    let firm = 0;
    for (let t = T; t < leaseEnd; t++) firm += leaseFlow(t) * (1 + discountRatePerMonth) ** -(t + 1 - T);
    let conv = 0;
    let convEnd = 0;
    for (const c of conversions)
      convEnd = Math.max(convEnd, c.startMonth + c.buildMonths + c.lease.termMonths);
    for (let t = T; t < convEnd; t++) {
      let f = 0;
      for (const c of conversions) {
        // after T: gross capex (draws after the horizon are not financed here); earlier debt: balance below
        f += conversionFlow(c, t).net - capexAt(c, t);
      }
      conv += f * (1 + discountRatePerMonth) ** -(t + 1 - T);
    }
    // Project debt drawn before T and still owed at T: owed even after a tenant default (kept apart).
    let owed = 0;
    for (const c of conversions) owed += projectDebt(c, T).balance;
    terminalFirm[v] = firm;
    terminalConversion[v] = conv;
    terminalProjectDebt[v] = owed;
  }

  const asic = market.asicPrice;
  return {
    months: T,
    paths,
    seed,
    discount,
    discountRatePerMonth,
    priceModel: price.model,
    logPrice0: Math.log(price.startUsd),
    gbmDriftPerMonth,
    gbmSigmaPerMonth,
    jumpMeanLog,
    jumpStdLog,
    jumpCdf,
    jumpSqrtStd: Float64Array.from({ length: MAX_JUMPS_PER_MONTH + 1 }, (_, k) => Math.sqrt(k) * jumpStdLog),
    bootstrapPrefix,
    bootstrapDays,
    blockDays,
    daysInMonth,
    blockDrawsPerMonth,
    logFee0: Math.log(market.fees.startBtcPerBlock),
    logFeeMean: Math.log(market.fees.meanBtcPerBlock),
    feePersistence: 1 - market.fees.reversionPerMonth,
    feeSigma: market.fees.volatilityPerMonth,
    height0,
    difficulty0,
    hashrate0ThPerS: h0ThPerS,
    revenue0,
    epochElapsed0S: (height0 % 2016) * 600,
    revenueFactor,
    netTierCount,
    netTierInvCost,
    netTierTh0,
    cohortTier,
    cohortMonths,
    spreadLow,
    spreadInvWidth,
    alwaysOnShare,
    maxMonthlyDrop: CALIBRATION.network.maxMonthlyDrop,
    supplyTh,
    frontierInvCost,
    invFullSupplyMargin: 1 / net.fullSupplyMargin,
    netSurvival,
    eraSubsidyBtc,
    eraCumBtc,
    firstHalvingHeight: (era0 + 1) * HALVING_INTERVAL_BLOCKS,
    anyReinvest: variants.some((v) => v.reinvestShare > 0),
    asicUsdPerTh0: asic.usdPerTh,
    asicRevenueRef: revenue0,
    asicElasticity: asic.hashpriceElasticity,
    asicMinUsdPerTh: asic.minUsdPerTh,
    asicDecline,
    newJPerTh,
    tierCount: K,
    tierNames: tiers.map((t) => t.name),
    tierCostPerTh,
    poolKeep: 1 - company.poolFeeShare,
    uptime,
    companySurvivalPerMonth,
    newPue: meanPue,
    newCostPerWallMw,
    miningOpexPerGridMw: company.miningOpexUsdPerMwMonth,
    cash0: company.cashUsd,
    btc0: company.btcHeld,
    minCash: company.minCashUsd,
    sharesOutstanding: company.sharesOutstanding,
    debt0: debtAt[0]!,
    financingOut,
    debtAt,
    miningTerminalYears: scenario.terminalValue.miningMarginYears,
    variants,
    cumTh,
    cumCost,
    cumGrid,
    invGridStep: cumGrid.map((g, i) => {
      const step = (i + 1) % (K + 1) === 0 ? 0 : cumGrid[i + 1]! - g;
      return step > 0 ? 1 / step : 0;
    }),
    opNet,
    convNet,
    capex,
    miningOpex,
    freeGridMw,
    terminalFirm,
    terminalConversion,
    terminalProjectDebt,
    strategyVariant,
    strategyNames: scenario.strategies.map((s) => s.name),
    frontierVariant,
    frontierAiMw,
    baselineVariant,
    ...sampleSlots(variants.length, strategyVariant),
  };
}

/** P(N ≤ n) for N ~ Poisson(mean), n = 0 … max. */
function poissonCdf(mean: number, max: number): Float64Array {
  const cdf = new Float64Array(max + 1);
  let p = Math.exp(-mean);
  let sum = p;
  cdf[0] = sum;
  for (let n = 1; n <= max; n++) {
    p *= mean / n;
    sum += p;
    cdf[n] = sum;
  }
  return cdf;
}

/** Sample slots: the strategies' variants in variant order, 0, 1, …; −1 for the others. */
function sampleSlots(variants: number, strategyVariant: readonly number[]) {
  const sampleSlot = new Int32Array(variants).fill(-1);
  let sampledVariants = 0;
  for (let v = 0; v < variants; v++) if (strategyVariant.includes(v)) sampleSlot[v] = sampledVariants++;
  return { sampleSlot, sampledVariants };
}
