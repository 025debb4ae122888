/**
 * The LP seam: dispatch builds models as plain typed arrays and hands them to an injected {@link LpSolver}
 * (HiGHS in `src/solvers/highs.ts`), so core stays free of WASM loading and I/O.
 */

/** A linear program `max colCost·x  s.t. rowLower <= A x <= rowUpper, colLower <= x <= colUpper`, A in CSC. */
export interface LpModel {
  numCols: number;
  numRows: number;
  sense: 'maximize' | 'minimize';
  colCost: Float64Array;
  colLower: Float64Array;
  colUpper: Float64Array;
  rowLower: Float64Array;
  rowUpper: Float64Array;
  /** CSC: column j's entries are at positions starts[j] .. starts[j+1]-1 of indices (rows) and values. */
  starts: Int32Array;
  indices: Int32Array;
  values: Float64Array;
}

/** Outcome of one solve; a solver never throws for an infeasible or unbounded model. */
export type LpResult =
  | { status: 'optimal'; colValue: Float64Array; objective: number }
  | { status: 'infeasible' | 'unbounded' | 'limit' | 'error'; message: string };

/** Solves LPs synchronously. */
export interface LpSolver {
  readonly name: string;
  solve(model: LpModel): LpResult;
}
