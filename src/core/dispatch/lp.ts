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
  /** 1 for an integer column, 0 for a continuous one; omitted for an LP. */
  integrality?: Int32Array | undefined;
}

/** Outcome of one solve; a solver never throws for an infeasible or unbounded model. */
export type LpResult =
  | {
      /** 'feasible': a MIP stopped at its time limit with an incumbent (see mipGap). */
      status: 'optimal' | 'feasible';
      colValue: Float64Array;
      objective: number;
      /** MIPs only: relative gap between the incumbent and the best bound (0 when proved optimal). */
      mipGap?: number | undefined;
    }
  | { status: 'infeasible' | 'unbounded' | 'limit' | 'error'; message: string };

/** Solves LPs synchronously. */
export interface LpSolver {
  readonly name: string;
  solve(model: LpModel): LpResult;
}
