import { maxPieces, valueCurve } from './curve.ts';
import type { LpModel } from './lp.ts';
import type { DispatchProblem } from './problem.ts';

/** An LP built from a dispatch problem, with what is needed to read mining MW back from its solution. */
export interface DispatchLp {
  model: LpModel;
  /** First column of each interval's pieces; interval h owns columns pieceStart[h] .. pieceStart[h+1]-1. */
  pieceStart: Int32Array;
}

/**
 * The coupled dispatch as an LP. Columns: one per piece of each interval's concave value curve (bounds
 * [0, width], objective its slope), plus one 4CP peak variable z per window month (objective −charge per MW).
 * Rows (only those the site asks for):
 * - ramp, for consecutive intervals: −R·Δt <= M_h − M_{h−1} <= R·Δt (Δt in hours between their starts);
 * - 4CP window, for each interval in a window: M_h − z_w <= 0;
 * - monthly budget: minMwh <= Σ_{h in month} dtH·M_h <= maxMwh.
 * Here M_h is the sum of interval h's pieces. Because each curve is concave, filling the pieces in order is
 * optimal for any M_h, so the coupled optimum only chooses M_h; intervals without coupling rows decouple.
 */
export function buildDispatchLp(problem: DispatchProblem): DispatchLp {
  const { n, dtH, timeMs, coupling } = problem;
  const size = maxPieces(problem);
  const slopes = new Float64Array(n * size);
  const widths = new Float64Array(n * size);
  const pieceStart = new Int32Array(n + 1);
  const tmpS = new Float64Array(size);
  const tmpW = new Float64Array(size);
  let cols = 0;
  for (let h = 0; h < n; h++) {
    pieceStart[h] = cols;
    const k = valueCurve(problem, h, tmpS, tmpW);
    for (let j = 0; j < k; j++) {
      slopes[cols] = tmpS[j]!;
      widths[cols] = tmpW[j]!;
      cols++;
    }
  }
  pieceStart[n] = cols;
  const pieceCols = cols;
  const windows = coupling.windows.length;
  const numCols = pieceCols + windows;

  const ramp = coupling.rampMwPerHour;
  const rampRows = ramp === null ? 0 : Math.max(0, n - 1);
  const windowRowOf = new Int32Array(n).fill(-1);
  let windowRows = 0;
  for (let h = 0; h < n; h++) if (coupling.windowOf[h]! >= 0) windowRowOf[h] = rampRows + windowRows++;
  const budgetRowOf = new Int32Array(n).fill(-1);
  const budgets = coupling.budgets.filter((b) => b.minMwh !== null || b.maxMwh !== null);
  budgets.forEach((b, i) => {
    for (let h = b.first; h <= b.last; h++) budgetRowOf[h] = rampRows + windowRows + i;
  });
  const numRows = rampRows + windowRows + budgets.length;

  const rowLower = new Float64Array(numRows);
  const rowUpper = new Float64Array(numRows);
  for (let r = 0; r < rampRows; r++) {
    const gapH = (timeMs[r + 1]! - timeMs[r]!) / 3_600_000;
    rowLower[r] = -ramp! * gapH;
    rowUpper[r] = ramp! * gapH;
  }
  for (let r = rampRows; r < rampRows + windowRows; r++) {
    rowLower[r] = Number.NEGATIVE_INFINITY;
    rowUpper[r] = 0;
  }
  budgets.forEach((b, i) => {
    const r = rampRows + windowRows + i;
    rowLower[r] = b.minMwh ?? Number.NEGATIVE_INFINITY;
    rowUpper[r] = b.maxMwh ?? Number.POSITIVE_INFINITY;
  });

  // nonzeros: each piece column has up to 4 entries; each z column one per window interval
  const maxNnz = pieceCols * 4 + windowRows;
  const starts = new Int32Array(numCols + 1);
  const indices = new Int32Array(maxNnz);
  const values = new Float64Array(maxNnz);
  const colCost = new Float64Array(numCols);
  const colLower = new Float64Array(numCols);
  const colUpper = new Float64Array(numCols);
  let nnz = 0;
  for (let h = 0; h < n; h++) {
    for (let c = pieceStart[h]!; c < pieceStart[h + 1]!; c++) {
      starts[c] = nnz;
      colCost[c] = slopes[c]!;
      colUpper[c] = widths[c]!;
      if (rampRows > 0) {
        if (h >= 1) {
          indices[nnz] = h - 1;
          values[nnz++] = 1;
        }
        if (h < n - 1) {
          indices[nnz] = h;
          values[nnz++] = -1;
        }
      }
      if (windowRowOf[h]! >= 0) {
        indices[nnz] = windowRowOf[h]!;
        values[nnz++] = 1;
      }
      if (budgetRowOf[h]! >= 0) {
        indices[nnz] = budgetRowOf[h]!;
        values[nnz++] = dtH;
      }
    }
  }
  for (let w = 0; w < windows; w++) {
    const c = pieceCols + w;
    starts[c] = nnz;
    colCost[c] = -coupling.windows[w]!.usdPerMw;
    colUpper[c] = Number.POSITIVE_INFINITY;
    for (let h = 0; h < n; h++) {
      if (coupling.windowOf[h] !== w) continue;
      indices[nnz] = windowRowOf[h]!;
      values[nnz++] = -1;
    }
  }
  starts[numCols] = nnz;
  return {
    model: {
      numCols,
      numRows,
      sense: 'maximize',
      colCost,
      colLower,
      colUpper,
      rowLower,
      rowUpper,
      starts,
      indices: indices.subarray(0, nnz),
      values: values.subarray(0, nnz),
    },
    pieceStart,
  };
}

/** Mining MW per interval from an LP solution: the sum of the interval's pieces, clipped to [0, cap]. */
export function miningMwFromLp(
  problem: DispatchProblem,
  lp: DispatchLp,
  colValue: Float64Array,
  out: Float64Array,
): void {
  for (let h = 0; h < problem.n; h++) {
    let m = 0;
    for (let c = lp.pieceStart[h]!; c < lp.pieceStart[h + 1]!; c++) m += colValue[c]!;
    out[h] = Math.max(0, Math.min(problem.capMw[h]!, m));
  }
}
