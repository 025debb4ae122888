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
 *
 * With `coupling.commitment` (minimum run/down times) the model is a MILP: per tier i and interval h a binary u,
 * start-up s and shut-down w in [0, 1], x_{i,h} = the tier's pieces, W = their width (what fits of the tier):
 * f·W·u <= x <= W·u; x_{i−1} >= W_{i−1}·u_i (merit order: a tier runs only while the more efficient ones run at
 * what fits of them); s_h − w_h = u_h − u_{h−1} (none at h = 0: the past is free); Σ s over the last minRunH
 * hours <= u_h; Σ w over the last minDownH hours <= 1 − u_h (Rajan–Takriti).
 */
export function buildDispatchLp(problem: DispatchProblem): DispatchLp {
  const { n, dtH, timeMs, coupling } = problem;
  const size = maxPieces(problem);
  const slopes = new Float64Array(n * size);
  const widths = new Float64Array(n * size);
  const pieceTier = new Int32Array(n * size);
  const pieceStart = new Int32Array(n + 1);
  const tmpS = new Float64Array(size);
  const tmpW = new Float64Array(size);
  const tmpT = new Int32Array(size);
  let cols = 0;
  for (let h = 0; h < n; h++) {
    pieceStart[h] = cols;
    const k = valueCurve(problem, h, tmpS, tmpW, tmpT);
    for (let j = 0; j < k; j++) {
      slopes[cols] = tmpS[j]!;
      widths[cols] = tmpW[j]!;
      pieceTier[cols] = tmpT[j]!;
      cols++;
    }
  }
  pieceStart[n] = cols;
  const pieceCols = cols;
  const windows = coupling.windows.length;
  const commit = coupling.commitment;
  const tiers = problem.tierMw.length;
  // commitment columns per tier i: u (n, binary), then s and w (n each; index 0 unused, fixed at 0)
  const commitBase = pieceCols + windows;
  const numCols = commitBase + (commit === null ? 0 : 3 * n * tiers);

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
  const baseRows = rampRows + windowRows + budgets.length;
  // commitment rows per tier i, n each: UP x − W·u <= 0, LO x − f·W·u >= 0, STACK x_{i−1} − W_{i−1}·u_i >= 0,
  // TRANS s − w − u_h + u_{h−1} = 0, then MINUP Σ s − u_h <= 0 and/or MINDOWN Σ w + u_h <= 1
  const minUp = commit !== null && commit.minRunH !== null;
  const minDown = commit !== null && commit.minDownH !== null;
  const blocks = commit === null ? 0 : 4 + (minUp ? 1 : 0) + (minDown ? 1 : 0);
  const numRows = baseRows + blocks * n * tiers;
  const UP = 0;
  const LO = n;
  const STACK = 2 * n;
  const TRANS = 3 * n;
  const MINUP = 4 * n;
  const MINDOWN = minUp ? 5 * n : 4 * n;
  const rowOf = (i: number) => baseRows + i * blocks * n;

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

  // width of each tier in each interval (its pieces), MW
  const tierWidth = new Float64Array(commit === null ? 0 : tiers * n);
  if (commit !== null) {
    for (let h = 0; h < n; h++)
      for (let c = pieceStart[h]!; c < pieceStart[h + 1]!; c++)
        tierWidth[pieceTier[c]! * n + h]! += widths[c]!;
    for (let i = 0; i < tiers; i++) {
      const r = rowOf(i);
      for (let h = 0; h < n; h++) {
        rowLower[r + UP + h] = Number.NEGATIVE_INFINITY;
        rowUpper[r + LO + h] = Number.POSITIVE_INFINITY;
        rowUpper[r + STACK + h] = Number.POSITIVE_INFINITY;
        if (minUp) rowLower[r + MINUP + h] = Number.NEGATIVE_INFINITY;
        if (minDown) {
          rowLower[r + MINDOWN + h] = Number.NEGATIVE_INFINITY;
          rowUpper[r + MINDOWN + h] = 1;
        }
      }
    }
  }
  // intervals within a minimum time of h (k = h .. last with timeMs[k] < timeMs[h] + hours): where s_h / w_h count
  const windowEnd = (h: number, hours: number): number => {
    const end = timeMs[h]! + hours * 3_600_000 - 1;
    let k = h;
    while (k + 1 < n && timeMs[k + 1]! <= end) k++;
    return k;
  };

  // nonzeros: each piece column has up to 4 (+3 with commitment) entries; each z column one per window interval
  let commitNnz = 0;
  if (commit !== null) {
    let spanUp = 0;
    let spanDown = 0;
    for (let h = 1; h < n; h++) {
      if (minUp) spanUp += windowEnd(h, commit.minRunH!) - h + 1;
      if (minDown) spanDown += windowEnd(h, commit.minDownH!) - h + 1;
    }
    commitNnz = tiers * (n * 8 + 2 * n + spanUp + spanDown);
  }
  const maxNnz = pieceCols * (commit === null ? 4 : 7) + windowRows + commitNnz;
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
      if (commit !== null) {
        const i = pieceTier[c]!;
        indices[nnz] = rowOf(i) + UP + h;
        values[nnz++] = 1;
        indices[nnz] = rowOf(i) + LO + h;
        values[nnz++] = 1;
        if (i + 1 < tiers) {
          indices[nnz] = rowOf(i + 1) + STACK + h;
          values[nnz++] = 1;
        }
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
  let integrality: Int32Array | undefined;
  if (commit !== null) {
    integrality = new Int32Array(numCols);
    for (let i = 0; i < tiers; i++) {
      const r = rowOf(i);
      const u0 = commitBase + 3 * n * i;
      for (let h = 0; h < n; h++) {
        // u_{i,h}: UP, LO, STACK (of tier i), TRANS of h and h+1, MINUP / MINDOWN of h (rows sorted ascending)
        const c = u0 + h;
        starts[c] = nnz;
        integrality[c] = 1;
        const width = tierWidth[i * n + h]!;
        colUpper[c] = width > 1e-9 ? 1 : 0;
        indices[nnz] = r + UP + h;
        values[nnz++] = -width;
        indices[nnz] = r + LO + h;
        values[nnz++] = -commit.minLoadFraction * width;
        if (i > 0) {
          indices[nnz] = r + STACK + h;
          values[nnz++] = -tierWidth[(i - 1) * n + h]!;
        }
        if (h >= 1) {
          indices[nnz] = r + TRANS + h;
          values[nnz++] = -1;
        }
        if (h + 1 < n) {
          indices[nnz] = r + TRANS + h + 1;
          values[nnz++] = 1;
        }
        if (minUp && h >= 1) {
          indices[nnz] = r + MINUP + h;
          values[nnz++] = -1;
        }
        if (minDown && h >= 1) {
          indices[nnz] = r + MINDOWN + h;
          values[nnz++] = 1;
        }
      }
      for (const [offset, sign, hours, block] of [
        [n, 1, commit.minRunH, MINUP],
        [2 * n, -1, commit.minDownH, MINDOWN],
      ] as const) {
        // s_{i,h} (start-up) and w_{i,h} (shut-down) in [0, 1]; none at the first interval (its past is free)
        for (let h = 0; h < n; h++) {
          const c = u0 + offset + h;
          starts[c] = nnz;
          colUpper[c] = h === 0 ? 0 : 1;
          if (h === 0) continue;
          indices[nnz] = r + TRANS + h;
          values[nnz++] = sign;
          if (hours === null) continue;
          const last = windowEnd(h, hours);
          for (let t = h; t <= last; t++) {
            indices[nnz] = r + block + t;
            values[nnz++] = 1;
          }
        }
      }
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
      integrality,
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
