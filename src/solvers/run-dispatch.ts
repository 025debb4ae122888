import { type DispatchOptions, dispatchSite } from '../core/dispatch/dispatch-site.ts';
import { type DispatchInput, siteCouplesHours } from '../core/dispatch/problem.ts';
import type { DispatchResult } from '../schema/dispatch-result.ts';
import { createHighsLpSolver } from './highs.ts';

/**
 * What shells call (CLI, server, jobs): {@link dispatchSite} with HiGHS loaded on demand when the LP runs
 * (solver 'lp' or 'milp', or 'auto' on a site whose hours are coupled). Pass `options.lp` to reuse a loaded solver.
 * The LP solve is synchronous; a server should run this in a worker.
 */
export async function runDispatch(
  input: DispatchInput,
  options: DispatchOptions = {},
): Promise<DispatchResult> {
  let lp = options.lp;
  if (lp === undefined && options.solver !== 'merit-order') {
    if (options.solver === 'lp' || options.solver === 'milp' || siteCouplesHours(input.site))
      lp = await createHighsLpSolver();
  }
  return dispatchSite(input, { ...options, lp });
}
