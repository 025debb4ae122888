import { createRequire } from 'node:module';
import type { Highs, InitOptions } from 'highs';
import type { LpModel, LpResult, LpSolver } from '../core/dispatch/lp.ts';

// highs is CJS with `export default` typings: the default import is mistyped under NodeNext (STACK.md §7)
const highsLoader = createRequire(import.meta.url)('highs') as (options?: InitOptions) => Promise<Highs>;

/**
 * Loads the HiGHS WASM runtime (≈70-90 ms) and returns an {@link LpSolver} over its structured API.
 * Presolve is off: on the hourly dispatch structure it costs 20+ s and gains nothing (STACK.md §7).
 * Solves are synchronous; servers should run them off the event loop.
 */
export async function createHighsLpSolver(options: { timeLimitS?: number } = {}): Promise<LpSolver> {
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
        },
        (m): LpResult => {
          m.options.set({ presolve: 'off', output_flag: false });
          if (options.timeLimitS !== undefined) m.options.set('time_limit', options.timeLimitS);
          m.run();
          const code = m.getModelStatus();
          if (code === status.optimal)
            return {
              status: 'optimal',
              colValue: m.getSolution().colValue,
              objective: m.getObjectiveValue(),
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
