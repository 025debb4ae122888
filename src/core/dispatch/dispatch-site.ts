import type { DispatchResult, DispatchTier } from '../../schema/dispatch-result.ts';
import { InputError, invariant } from '../errors.ts';
import type { LpSolver } from './lp.ts';
import { buildDispatchLp, miningMwFromLp } from './lp-model.ts';
import { meritOrderMiningMw } from './merit-order.ts';
import { priceReportWarnings } from './price-warnings.ts';
import { buildDispatchProblem, couplingOf, type DispatchInput, type DispatchProblem } from './problem.ts';
import { alwaysOnSchedule, type Schedule, scheduleFromMiningMw, splitOverTiers } from './schedule.ts';
import { settle } from './settle.ts';

export type SolverChoice = 'auto' | 'merit-order' | 'lp' | 'milp';

export interface DispatchOptions {
  /**
   * 'auto' (default): merit order when nothing couples the hours, the MILP with minimum run or down times, else
   * the LP.
   */
  solver?: SolverChoice | undefined;
  /** The LP solver (e.g. `createHighsLpSolver()`); required when the LP or the MILP runs. */
  lp?: LpSolver | undefined;
  /** Include the per-interval series (default true); portfolios skip them. */
  hourly?: boolean | undefined;
}

/**
 * Dispatches one site over a price series: AI first, mining tiers by merit order or, when ramps, monthly
 * budgets or 4CP windows couple the hours, by LP (by MILP with minimum run or down times); settles the schedule
 * and an always-on baseline.
 * Pure and synchronous; the LP solver is injected. Shells usually call `runDispatch` (src/solvers), which
 * loads HiGHS when needed.
 * @throws InputError for unusable input (naming the field), for `solver: 'merit-order'` on a coupled site (and
 *   'lp' on one with minimum times, 'milp' on one without), and
 *   when the coupled constraints cannot all hold.
 */
export function dispatchSite(input: DispatchInput, options: DispatchOptions = {}): DispatchResult {
  const { problem, warnings } = buildDispatchProblem(input);
  const solverPath = input.paths?.solver ?? 'solver';
  const coupled = couplingOf(problem);
  const choice = options.solver ?? 'auto';
  const integer = coupled.filter((c) => c === 'site.mining.minRunHours' || c === 'site.mining.minDownHours');
  if (choice === 'merit-order' && coupled.length > 0)
    throw new InputError({
      path: solverPath,
      message: `merit order cannot honour ${coupled.join(', ')}; use ${integer.length > 0 ? 'milp' : 'lp'} or auto`,
      value: choice,
    });
  if (choice === 'lp' && integer.length > 0)
    throw new InputError({
      path: solverPath,
      message: `the LP cannot honour ${integer.join(', ')} (on/off decisions); use milp or auto`,
      value: choice,
    });
  if (choice === 'milp' && problem.coupling.commitment === null)
    throw new InputError({
      path: solverPath,
      message: 'milp needs site.mining.minRunHours or minDownHours; use lp, merit-order or auto',
      value: choice,
    });
  const solver =
    choice === 'auto' ? (integer.length > 0 ? 'milp' : coupled.length > 0 ? 'lp' : 'merit-order') : choice;
  const miningMw = new Float64Array(problem.n);
  let lpInfo: DispatchResult['lp'] = null;
  if (solver === 'merit-order') meritOrderMiningMw(problem, miningMw);
  else {
    invariant(options.lp !== undefined, 'dispatchSite needs an LP solver for the LP and MILP paths');
    checkBudgetsFeasible(problem);
    const lp = buildDispatchLp(problem);
    const result = options.lp.solve(lp.model);
    if (!('colValue' in result))
      throw new InputError({
        path: coupled[0]?.split(' ')[0] ?? solverPath,
        message: `the ${solver === 'milp' ? 'MILP' : 'LP'} is ${result.status}: ${result.message} (${coupled.join(', ') || 'no coupling'})`,
      });
    miningMwFromLp(problem, lp, result.colValue, miningMw);
    let integers = 0;
    for (const v of lp.model.integrality ?? []) integers += v;
    lpInfo = {
      status: result.status,
      columns: lp.model.numCols,
      rows: lp.model.numRows,
      objectiveUsd: result.objective,
      ...(solver === 'milp' ? { integers, mipGap: result.mipGap ?? null } : {}),
    };
    if (result.status === 'feasible')
      warnings.push(
        `milp: stopped at the time limit with a relative gap of ${((result.mipGap ?? Number.NaN) * 100).toFixed(3)} % to the best bound; the schedule is feasible, not proved optimal`,
      );
  }

  const schedule = scheduleFromMiningMw(problem, miningMw);
  const baselineSchedule = alwaysOnSchedule(problem);
  const flex = settle(problem, schedule);
  const base = settle(problem, baselineSchedule);
  warnings.unshift(...priceReportWarnings(input.prices));
  for (const b of problem.coupling.budgets)
    if (b.maxMwh !== null) {
      let mwh = 0;
      for (let h = b.first; h <= b.last; h++) mwh += problem.capMw[h]! * problem.dtH;
      if (mwh > b.maxMwh * (1 + 1e-9))
        warnings.push(
          `baseline: always-on mining would use ${Math.round(mwh)} MWh in ${b.month}, above the ${Math.round(b.maxMwh)} MWh budget`,
        );
    }

  let hpSum = 0;
  for (let h = 0; h < problem.n; h++) hpSum += problem.hashpriceUsdPerPhDay[h]!;
  const meanHp = hpSum / problem.n;
  const tiers: DispatchTier[] = problem.tiers.map((t, i) => ({
    name: t.name,
    thPerS: t.thPerS,
    jPerTh: t.jPerTh,
    meterMw: t.meterMw,
    breakevenUsdPerMwh: meanHp * t.revenueFactor,
    miningMwh: flex.tierMwh[i]!,
  }));
  const step = problem.dtH * 3_600_000;
  return {
    solver,
    node: input.prices.node,
    from: iso(problem.timeMs[0]!),
    to: iso(problem.timeMs[problem.n - 1]! + step),
    intervalMinutes: Math.round(problem.dtH * 60),
    totals: flex.totals,
    baseline: base.totals,
    upliftUsd: flex.totals.totalMarginUsd - base.totals.totalMarginUsd,
    tiers,
    hourly: options.hourly === false ? emptyHourly() : hourlySeries(problem, schedule, flex.marginUsd),
    lp: lpInfo,
    warnings,
  };
}

/** A take-or-pay minimum above what the cap allows in a month is an input error, named before the LP runs. */
function checkBudgetsFeasible(problem: DispatchProblem): void {
  for (const b of problem.coupling.budgets) {
    if (b.minMwh === null) continue;
    let most = 0;
    for (let h = b.first; h <= b.last; h++) most += problem.capMw[h]! * problem.dtH;
    if (b.minMwh > most + 1e-6)
      throw new InputError({
        path: 'site.mining.monthlyEnergyBudgetMwh.minMwh',
        message: `expected at most ${Math.floor(most)} MWh in ${b.month} (all mining at its cap)`,
        value: b.minMwh,
      });
  }
}

function hourlySeries(problem: DispatchProblem, schedule: Schedule, margin: Float64Array) {
  const { n } = problem;
  const tiers = problem.tierMw.length;
  const timeUtc: string[] = new Array(n);
  const priceUsdPerMwh: number[] = new Array(n);
  const aiMw: number[] = new Array(n);
  const miningMw: number[] = new Array(n);
  const curtailedMw: number[] = new Array(n);
  const marginUsd: number[] = new Array(n);
  const ancillaryOfferMw: number[] = new Array(n);
  const tierMw: number[][] = Array.from({ length: tiers }, () => new Array<number>(n));
  const split = new Float64Array(tiers);
  for (let h = 0; h < n; h++) {
    timeUtc[h] = iso(problem.timeMs[h]!);
    priceUsdPerMwh[h] = problem.priceUsdPerMwh[h]!;
    aiMw[h] = round6(problem.aiMw[h]!);
    miningMw[h] = round6(schedule.miningMw[h]!);
    curtailedMw[h] = round6(problem.capMw[h]! - schedule.miningMw[h]!);
    marginUsd[h] = Math.round(margin[h]! * 100) / 100;
    ancillaryOfferMw[h] = round6(schedule.offerMw[h]!);
    splitOverTiers(problem, schedule.miningMw[h]!, split);
    for (let i = 0; i < tiers; i++) tierMw[i]![h] = round6(split[i]!);
  }
  return { timeUtc, priceUsdPerMwh, aiMw, miningMw, curtailedMw, marginUsd, tierMw, ancillaryOfferMw };
}

function emptyHourly(): DispatchResult['hourly'] {
  return {
    timeUtc: [],
    priceUsdPerMwh: [],
    aiMw: [],
    miningMw: [],
    curtailedMw: [],
    marginUsd: [],
    tierMw: [],
    ancillaryOfferMw: [],
  };
}

function round6(x: number): number {
  return Math.round(x * 1e6) / 1e6;
}

function iso(ms: number): string {
  return new Date(ms).toISOString().replace('.000Z', 'Z');
}
