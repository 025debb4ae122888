import { ErrorBanner } from '../components/error-banner.tsx';
import { ProgressBar } from '../components/progress-bar.tsx';
import { StrategyComparison } from '../components/strategy-comparison.tsx';
import { formatCount } from '../format/number.ts';
import { routeHash } from '../route.ts';
import { isActive, useRunPolling } from '../runs/use-run-polling.ts';

/** #/runs/ID: live progress of a simulation, then its strategy comparison. */
export function RunPage({ runId }: { runId: string }) {
  const { run, error } = useRunPolling(runId);
  return (
    <div class="page run-page">
      <div class="page-head">
        <div>
          <a
            class="back"
            href={
              run === undefined ? '#/scenarios' : routeHash({ page: 'scenarios', scenarioId: run.scenarioId })
            }
          >
            ← scenario
          </a>
          <h1>{run?.result?.scenarioName ?? 'Simulation run'}</h1>
          <p class="hint">
            run <code>{runId}</code>
            {run === undefined ? null : <> · started {run.createdAt.slice(0, 19).replace('T', ' ')} UTC</>}
            {run?.result !== undefined ? (
              <>
                {' '}
                · {formatCount(run.result.paths)} paths · seed {run.result.seed} · {run.result.months} months
                from {run.result.startDate.slice(0, 10)}
              </>
            ) : run?.params !== undefined ? (
              <>
                {' '}
                · {formatCount(run.params.paths)} paths · seed {run.params.seed}
                {run.params.months === undefined ? null : <> · {run.params.months} months</>}
              </>
            ) : null}
          </p>
        </div>
        {run === undefined ? null : <span class={`status status-${run.status}`}>{run.status}</span>}
      </div>
      <ErrorBanner error={error} />
      {run !== undefined && isActive(run) ? (
        <section class="card">
          <ProgressBar
            progress={run.progress}
            label={run.status === 'queued' ? 'queued' : 'simulating paths'}
          />
        </section>
      ) : null}
      {run?.status === 'failed' || run?.status === 'interrupted' ? (
        <div class="error-banner" role="alert">
          The run {run.status === 'failed' ? 'failed' : 'was interrupted'}
          {run.error === undefined ? '.' : `: ${run.error}`} Start it again from its scenario.
        </div>
      ) : null}
      {run?.result === undefined ? null : <StrategyComparison result={run.result} />}
    </div>
  );
}
