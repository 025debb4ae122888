import { createRequire } from 'node:module';
import type { Highs, InitOptions } from 'highs';
import type { LpModel, LpResult, LpSolver } from '../core/dispatch/lp.ts';

// highs is CJS with `export default` typings: the default import is mistyped under NodeNext (STACK.md §7)
const highsLoader = createRequire(import.meta.url)('highs') as (options?: InitOptions) => Promise<Highs>;

/**
 * Loads the HiGHS WASM runtime (≈70-90 ms) and returns an {@link LpSolver} over its structured API.
 * Presolve is off: on the hourly dispatch structure it costs 20+ s and gains nothing (STACK.md §7).
 * Solves are synchronous; servers should run them off the event loop.
 * MILPs (a model with `integrality`) run with presolve off too (a site-year of 6 tiers: 11 s instead of 37 s
 * with it), stop at `mipRelGap` (default 1e-4, HiGHS' own) or
 * after `mipTimeLimitS` (default 60 s), then return the incumbent as 'feasible' with its gap.
 */
export async function createHighsLpSolver(
  options: { timeLimitS?: number; mipTimeLimitS?: number; mipRelGap?: number } = {},
): Promise<LpSolver> {
  const highs = await highsLoader();
  const status = highs.constants.modelStatus;
  return {
    name: 'highs',
    solve(model: LpModel): LpResult {
      return highs.withModel(
        {
          numCols: model.numCols,
          numRows: model.numRows,
          sense:
            model.sense === 'maximize'
              ? highs.constants.objectiveSense.maximize
              : highs.constants.objectiveSense.minimize,
          colCost: model.colCost,
          colLower: model.colLower,
          colUpper: model.colUpper,
          rowLower: model.rowLower,
          rowUpper: model.rowUpper,
          matrix: {
            format: 'csc',
            numRows: model.numRows,
            numCols: model.numCols,
            starts: model.starts,
            indices: model.indices,
            values: model.values,
          },
          ...(model.integrality === undefined ? {} : { integrality: model.integrality }),
        },
        (m): LpResult => {
          const mip = model.integrality !== undefined;
          m.options.set({ presolve: 'off', output_flag: false });
          if (mip) {
            m.options.set('mip_rel_gap', options.mipRelGap ?? 1e-4);
            m.options.set('time_limit', options.mipTimeLimitS ?? 60);
          } else if (options.timeLimitS !== undefined) m.options.set('time_limit', options.timeLimitS);
          m.run();
          const code = m.getModelStatus();
          const gap = (): number => {
            const g = Number(m.info.get('mip_gap'));
            return Number.isFinite(g) ? Math.max(0, g) : Number.POSITIVE_INFINITY;
          };
          if (code === status.optimal)
            return {
              status: 'optimal',
              colValue: m.getSolution().colValue,
              objective: m.getObjectiveValue(),
              ...(mip ? { mipGap: gap() } : {}),
            };
          if (mip && code === status.timeLimit && Number(m.info.get('primal_solution_status')) === 2)
            return {
              status: 'feasible',
              colValue: m.getSolution().colValue,
              objective: m.getObjectiveValue(),
              mipGap: gap(),
            };
          if (code === status.infeasible)
            return { status: 'infeasible', message: 'the constraints cannot all hold' };
          if (code === status.unbounded || code === status.unboundedOrInfeasible)
            return { status: 'unbounded', message: 'the objective is unbounded (or the model infeasible)' };
          if (code === status.timeLimit || code === status.iterationLimit)
            return { status: 'limit', message: `HiGHS stopped at a limit (model status ${code})` };
          return { status: 'error', message: `HiGHS model status ${code}` };
        },
      );
    },
  };
}
