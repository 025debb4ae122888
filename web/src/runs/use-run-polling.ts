import { useEffect, useState } from 'preact/hooks';
import { api } from '../api/client.ts';
import type { Run } from '../api/types.ts';

/** Whether a run may still change: the dashboard keeps polling these. */
export function isActive(run: Pick<Run, 'status'>): boolean {
  return run.status === 'queued' || run.status === 'running';
}

/** GET /api/runs/{id} every `intervalMs` until the run is done, failed or interrupted. */
export function useRunPolling(runId: string, intervalMs = 400): { run: Run | undefined; error: unknown } {
  const [run, setRun] = useState<Run | undefined>(undefined);
  const [error, setError] = useState<unknown>(undefined);
  useEffect(() => {
    let live = true;
    let timer: ReturnType<typeof setTimeout> | undefined;
    setRun(undefined);
    setError(undefined);
    const poll = async () => {
      try {
        const next = await api.getRun(runId);
        if (!live) return;
        setRun(next);
        setError(undefined);
        if (isActive(next)) timer = setTimeout(poll, intervalMs);
      } catch (e) {
        if (!live) return;
        setError(e);
        timer = setTimeout(poll, intervalMs * 5);
      }
    };
    void poll();
    return () => {
      live = false;
      if (timer !== undefined) clearTimeout(timer);
    };
  }, [runId, intervalMs]);
  return { run, error };
}
