import { useEffect, useState } from 'preact/hooks';
import { api } from '../api/client.ts';
import type { RunSummary } from '../api/types.ts';
import { formatCount } from '../format/number.ts';
import { routeHash } from '../route.ts';
import { ErrorBanner } from './error-banner.tsx';

/** Starts a simulation of the saved scenario and lists its earlier runs. */
export function RunPanel({
  scenarioId,
  onStarted,
}: {
  scenarioId: string;
  onStarted: (runId: string) => void;
}) {
  const [paths, setPaths] = useState('');
  const [seed, setSeed] = useState('');
  const [months, setMonths] = useState('');
  const [runs, setRuns] = useState<RunSummary[]>([]);
  const [error, setError] = useState<unknown>(undefined);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    let live = true;
    api
      .listRuns(scenarioId)
      .then((list) => live && setRuns(list))
      .catch(() => live && setRuns([]));
    return () => {
      live = false;
    };
  }, [scenarioId]);

  async function start(e: Event) {
    e.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      const options: { paths: number; seed: number; months?: number } = {
        paths: Number(paths),
        seed: Number(seed),
      };
      if (months.trim() !== '') options.months = Number(months);
      const run = await api.startRun(scenarioId, options);
      onStarted(run.id);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }

  return (
    <section class="card run-panel" aria-label="run a simulation">
      <h2>Run a simulation</h2>
      <form class="inline-form" onSubmit={start}>
        <label>
          paths
          <input
            type="number"
            name="paths"
            placeholder="scenario's setting"
            min={1}
            step={1}
            value={paths}
            onInput={(e) => setPaths(e.currentTarget.value)}
          />
        </label>
        <label>
          seed
          <input
            type="number"
            name="seed"
            placeholder="scenario's setting"
            step={1}
            value={seed}
            onInput={(e) => setSeed(e.currentTarget.value)}
          />
        </label>
        <label>
          months
          <input
            placeholder="scenario's setting"
            type="number"
            name="months"
            min={1}
            step={1}
            value={months}
            onInput={(e) => setMonths(e.currentTarget.value)}
          />
        </label>
        <button type="submit" class="button primary" disabled={busy}>
          {busy ? 'Starting…' : 'Run simulation'}
        </button>
      </form>
      <ErrorBanner error={error} />
      {runs.length === 0 ? null : (
        <table class="data-table runs-table">
          <thead>
            <tr>
              <th>started (UTC)</th>
              <th>status</th>
              <th class="num">progress</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {[...runs]
              .sort((a, b) => b.createdAt.localeCompare(a.createdAt))
              .slice(0, 8)
              .map((run) => (
                <tr key={run.id}>
                  <td>{run.createdAt.slice(0, 19).replace('T', ' ')}</td>
                  <td>
                    <span class={`status status-${run.status}`}>{run.status}</span>
                  </td>
                  <td class="num">{formatCount(Math.round(run.progress * 100))}%</td>
                  <td>
                    <a href={routeHash({ page: 'run', runId: run.id })}>open</a>
                  </td>
                </tr>
              ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
