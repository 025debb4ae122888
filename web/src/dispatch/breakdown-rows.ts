import type { DispatchTotals } from '../api/types.ts';

/** One line of the revenue breakdown: optimized dispatch vs always-on mining, signed as cash flows. */
export interface BreakdownRow {
  label: string;
  optimizedUsd: number;
  alwaysOnUsd: number;
  deltaUsd: number;
  /** The bottom line (total margin) is drawn apart. */
  total: boolean;
}

/**
 * The lines of the revenue breakdown. Power cost is shown as a negative cash flow; the lines above the
 * total always add up to it (an "other" line takes any difference).
 */
export function breakdownRows(optimized: DispatchTotals, alwaysOn: DispatchTotals): BreakdownRow[] {
  const line = (label: string, pick: (t: DispatchTotals) => number, total = false): BreakdownRow => {
    const a = pick(optimized);
    const b = pick(alwaysOn);
    return { label, optimizedUsd: a, alwaysOnUsd: b, deltaUsd: a - b, total };
  };
  const parts = [
    line('mining revenue', (t) => t.miningRevenueUsd),
    line('mining power cost', (t) => -Math.abs(t.miningPowerCostUsd)),
    line('power sold back', (t) => t.sellBackUsd),
    line('demand response', (t) => t.demandResponseUsd),
    line('AI/HPC revenue', (t) => t.aiRevenueUsd),
  ];
  const rest = (t: DispatchTotals) => t.totalMarginUsd - sumParts(t);
  // whatever the server counts in the total beyond these lines (AI power, fees) gets its own line
  if (Math.abs(rest(optimized)) > 0.5 || Math.abs(rest(alwaysOn)) > 0.5)
    parts.push(line('other (AI power, fees)', rest));
  return [...parts, line('total margin', (t) => t.totalMarginUsd, true)];
}

function sumParts(t: DispatchTotals): number {
  return (
    t.miningRevenueUsd - Math.abs(t.miningPowerCostUsd) + t.sellBackUsd + t.demandResponseUsd + t.aiRevenueUsd
  );
}

/** Largest absolute value in the rows: the bars' full width. */
export function breakdownScaleUsd(rows: BreakdownRow[]): number {
  let max = 0;
  for (const r of rows) max = Math.max(max, Math.abs(r.optimizedUsd), Math.abs(r.alwaysOnUsd));
  return max === 0 ? 1 : max;
}
