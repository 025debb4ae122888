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

type Pick = (t: DispatchTotals) => number;

// Lines shown even when zero: what every mullet site has. The others appear only when they carry money.
const ALWAYS: Array<[string, Pick]> = [
  ['mining revenue', (t) => t.miningRevenueUsd],
  ['mining power cost', (t) => -Math.abs(t.miningPowerCostUsd)],
];
const WHEN_NONZERO: Array<[string, Pick]> = [
  ['power sold back', (t) => t.sellBackUsd],
  ['unused PPA energy', (t) => -Math.abs(t.ppaUnusedCostUsd)],
  ['demand response', (t) => t.demandResponseUsd],
];
const AI_REVENUE: [string, Pick] = ['AI/HPC revenue', (t) => t.aiRevenueUsd];

/**
 * The lines of the revenue breakdown. Costs are negative cash flows; the lines above the total always
 * add up to it: whatever the total holds beyond the listed flows (AI power the operator pays) gets its own line.
 */
export function breakdownRows(optimized: DispatchTotals, alwaysOn: DispatchTotals): BreakdownRow[] {
  const line = (label: string, pick: Pick, total = false): BreakdownRow => {
    const a = pick(optimized);
    const b = pick(alwaysOn);
    return { label, optimizedUsd: a, alwaysOnUsd: b, deltaUsd: a - b, total };
  };
  const shown: Array<[string, Pick]> = [
    ...ALWAYS,
    ...WHEN_NONZERO.filter(([, pick]) => pick(optimized) !== 0 || pick(alwaysOn) !== 0),
    AI_REVENUE,
  ];
  const rows = shown.map(([label, pick]) => line(label, pick));
  const rest: Pick = (t) => t.totalMarginUsd - shown.reduce((sum, [, pick]) => sum + pick(t), 0);
  if (Math.abs(rest(optimized)) > 0.5 || Math.abs(rest(alwaysOn)) > 0.5)
    rows.push(line('AI power and other', rest));
  rows.push(line('total margin', (t) => t.totalMarginUsd, true));
  return rows;
}

/** Largest absolute value in the rows: the bars' full width. */
export function breakdownScaleUsd(rows: BreakdownRow[]): number {
  let max = 0;
  for (const r of rows) max = Math.max(max, Math.abs(r.optimizedUsd), Math.abs(r.alwaysOnUsd));
  return max === 0 ? 1 : max;
}
