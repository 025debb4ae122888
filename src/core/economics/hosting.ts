import type { AiLease } from '../../schema/ai-lease.ts';
import type { GpuSystem } from '../../schema/gpu-system.ts';
import { findGpuSystem, gpusPerItMw } from '../hardware/gpu.ts';
import { HOURS_PER_MONTH, MONTHS_PER_YEAR } from './periods.ts';

/** Monthly columns of a hosting deal, month 0 = the decision; all USD per month. */
export interface HostingCashFlows {
  /** buildMonths + termMonths. */
  months: number;
  /** GPUs installed (GPU-hour pricing), or null (kW-month pricing). */
  gpus: number | null;
  revenueUsd: Float64Array;
  powerCostUsd: Float64Array;
  opexUsd: Float64Array;
  capexUsd: Float64Array;
  /** revenue − power − opex. */
  ebitdaUsd: Float64Array;
  depreciationUsd: Float64Array;
  /** ebitda − capex: pre-tax, unlevered, no residual value. */
  cashFlowUsd: Float64Array;
}

/**
 * Monthly cash flows of an AI/HPC lease (the landlord's view), a scalar reference in plain loops.
 *
 * - Months 0 … buildMonths−1: capex `capexUsdPerMw · itMw` spread evenly (all in month 0 when buildMonths = 0);
 *   no revenue, no opex.
 * - Lease month k = 0 … termMonths−1 (calendar month buildMonths + k): rent = base · (1 + escalator)^⌊k/12⌋,
 *   base = usdPerKwMonth · 1000 · itMw, or usdPerGpuHour · GPUs · 730.5 h · utilization with
 *   GPUs = itMw · 1000 / (systemPowerKw / gpusPerSystem) from the GPU catalog.
 * - Power: with pass-through the tenant pays it (0 here); otherwise itMw · itLoadFactor · PUE · 730.5 h ·
 *   powerPriceUsdPerMwh a month. Opex: opexUsdPerMwMonth · itMw a month while operating.
 * - Depreciation: capex / (depreciationYears · 12) a month from the lease start, for at most that many months
 *   within the horizon (a P&L line; it is not a cash flow). Taxes and residual value are not modelled.
 * @throws InputError for an unknown GPU system (path `${path}.pricing.gpuSystem`).
 * @example 10 MW at $100/kW-month, 12-month term, no costs → 12 × $1,000,000
 */
export function hostingCashFlows(
  lease: AiLease,
  path = 'lease',
  catalog?: readonly GpuSystem[],
): HostingCashFlows {
  const { itMw, buildMonths, termMonths } = lease;
  const months = buildMonths + termMonths;
  let baseRevenueUsd: number;
  let gpus: number | null = null;
  if (lease.pricing.kind === 'usd-per-kw-month') {
    baseRevenueUsd = lease.pricing.usdPerKwMonth * 1000 * itMw;
  } else {
    const system = findGpuSystem(lease.pricing.gpuSystem, `${path}.pricing.gpuSystem`, catalog);
    gpus = itMw * gpusPerItMw(system);
    baseRevenueUsd = lease.pricing.usdPerGpuHour * gpus * HOURS_PER_MONTH * lease.pricing.utilizationFraction;
  }
  const powerUsdPerMonth = lease.powerPassThrough
    ? 0
    : itMw * lease.itLoadFactor * lease.pue * HOURS_PER_MONTH * lease.powerPriceUsdPerMwh;
  const opexUsdPerMonth = lease.opexUsdPerMwMonth * itMw;
  const capexTotalUsd = lease.capexUsdPerMw * itMw;
  const depreciationMonths = lease.depreciationYears * MONTHS_PER_YEAR;
  const depreciationUsdPerMonth = capexTotalUsd / depreciationMonths;

  const out: HostingCashFlows = {
    months,
    gpus,
    revenueUsd: new Float64Array(months),
    powerCostUsd: new Float64Array(months),
    opexUsd: new Float64Array(months),
    capexUsd: new Float64Array(months),
    ebitdaUsd: new Float64Array(months),
    depreciationUsd: new Float64Array(months),
    cashFlowUsd: new Float64Array(months),
  };
  if (buildMonths === 0) out.capexUsd[0] = capexTotalUsd;
  else for (let m = 0; m < buildMonths; m++) out.capexUsd[m] = capexTotalUsd / buildMonths;
  for (let k = 0; k < termMonths; k++) {
    const m = buildMonths + k;
    out.revenueUsd[m] = baseRevenueUsd * (1 + lease.escalatorPerYear) ** Math.floor(k / MONTHS_PER_YEAR);
    out.powerCostUsd[m] = powerUsdPerMonth;
    out.opexUsd[m] = opexUsdPerMonth;
    // the last, partial month of a fractional life gets the remainder
    out.depreciationUsd[m] = depreciationUsdPerMonth * Math.max(0, Math.min(1, depreciationMonths - k));
  }
  for (let m = 0; m < months; m++) {
    const ebitda = out.revenueUsd[m]! - out.powerCostUsd[m]! - out.opexUsd[m]!;
    out.ebitdaUsd[m] = ebitda;
    out.cashFlowUsd[m] = ebitda - out.capexUsd[m]!;
  }
  return out;
}
