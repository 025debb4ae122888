import type { RunParams } from '../store/records.ts';
import type { RunCollection } from '../store/store.ts';

/** One simulation, as the run manager sees it: the engine behind it is the composition root's choice. */
export type SimulateRun = (job: {
  /** The saved scenario document (already validated when it was saved). */
  document: unknown;
  params: RunParams;
  /** Share of the work done, 0..1; call as often as you like, writes are throttled. */
  onProgress: (fraction: number) => void;
  signal: AbortSignal;
}) => Promise<unknown>;

export interface RunManagerOptions {
  runs: RunCollection;
  simulate: SimulateRun;
  /** Minimum time between two progress writes of one run (default 250 ms). */
  progressIntervalMs?: number;
  /** Runs executed at once (default 1: a run already uses every core through its worker threads). */
  concurrency?: number;
  /** Monotonic milliseconds (tests pin it). */
  nowMs?: () => number;
  /** Where failures that cannot reach a client are reported (a database outage while finishing a run). */
  log?: (line: string) => void;
}

export interface RunManager {
  /** Queues a run that exists in the store with status `queued`. Returns at once. */
  submit(run: { id: string; scenarioId: string; document: unknown; params: RunParams }): void;
  /** Aborts the runs of a scenario (it was deleted). */
  abortScenario(scenarioId: string): void;
  /** Resolves when nothing is queued or running. */
  idle(): Promise<void>;
  /** Aborts everything, marks unfinished runs `interrupted`, and waits for them to settle. */
  close(): Promise<void>;
}

interface Job {
  id: string;
  scenarioId: string;
  document: unknown;
  params: RunParams;
  controller: AbortController;
}

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * Executes queued runs in the background, FIFO, `concurrency` at a time, writing each state change to the
 * store: queued → running → done (with result) | failed (with message) | interrupted (aborted, server stopped).
 * Progress reaches the store at most every `progressIntervalMs`, one write in flight per run, and never after
 * the run's final write.
 */
export function createRunManager(options: RunManagerOptions): RunManager {
  const { runs, simulate } = options;
  const intervalMs = options.progressIntervalMs ?? 250;
  const concurrency = options.concurrency ?? 1;
  const nowMs = options.nowMs ?? (() => performance.now());
  const log = options.log ?? ((line: string) => process.stderr.write(`${line}\n`));
  const queue: Job[] = [];
  const active = new Map<string, { job: Job; done: Promise<void> }>();
  let closed = false;
  let idleWaiters: (() => void)[] = [];

  const settleIdle = () => {
    if (queue.length > 0 || active.size > 0) return;
    const waiters = idleWaiters;
    idleWaiters = [];
    for (const w of waiters) w();
  };

  const guard = async (what: string, write: () => Promise<unknown>) => {
    try {
      await write();
    } catch (error) {
      log(`mullet serve: could not ${what}: ${message(error)}`);
    }
  };

  async function execute(job: Job): Promise<void> {
    if (!(await runs.markRunning(job.id).catch(() => false))) return; // deleted or stopped meanwhile
    let latest = 0;
    let written = 0;
    let lastWriteMs = Number.NEGATIVE_INFINITY;
    let inFlight: Promise<void> | undefined;
    let timer: NodeJS.Timeout | undefined;
    let final = false;
    const flush = () => {
      timer = undefined;
      if (final || inFlight || latest <= written) return;
      const value = latest;
      lastWriteMs = nowMs();
      inFlight = guard('record progress', () => runs.setProgress(job.id, value)).then(() => {
        written = value;
        inFlight = undefined;
        if (latest > written && !final && timer === undefined) schedule();
      });
    };
    const schedule = () => {
      const wait = lastWriteMs + intervalMs - nowMs();
      if (wait <= 0) flush();
      else timer = setTimeout(flush, wait);
    };
    const onProgress = (fraction: number) => {
      if (!(fraction > latest)) return;
      latest = Math.min(1, fraction);
      if (timer === undefined && !inFlight) schedule();
    };

    let outcome: { ok: true; result: unknown } | { ok: false; error: unknown };
    try {
      outcome = {
        ok: true,
        result: await simulate({
          document: job.document,
          params: job.params,
          onProgress,
          signal: job.controller.signal,
        }),
      };
    } catch (error) {
      outcome = { ok: false, error };
    }
    final = true;
    if (timer !== undefined) clearTimeout(timer);
    await inFlight;
    if (job.controller.signal.aborted) {
      const reason = job.controller.signal.reason;
      await guard('mark a run interrupted', () =>
        runs.stop(job.id, 'interrupted', typeof reason === 'string' ? reason : 'aborted'),
      );
    } else if (outcome.ok) {
      await guard('store a run result', () => runs.finish(job.id, outcome.result));
    } else {
      await guard('mark a run failed', () => runs.stop(job.id, 'failed', message(outcome.error)));
    }
  }

  const pump = () => {
    while (!closed && active.size < concurrency) {
      const job = queue.shift();
      if (!job) break;
      const done = execute(job).finally(() => {
        active.delete(job.id);
        pump();
        settleIdle();
      });
      active.set(job.id, { job, done });
    }
  };

  return {
    submit(run) {
      if (closed) throw new Error('the run manager is closed');
      queue.push({ ...run, controller: new AbortController() });
      pump();
    },
    abortScenario(scenarioId) {
      for (let i = queue.length - 1; i >= 0; i--) if (queue[i]?.scenarioId === scenarioId) queue.splice(i, 1);
      for (const { job } of active.values())
        if (job.scenarioId === scenarioId) job.controller.abort('the scenario was deleted');
      settleIdle();
    },
    idle() {
      if (queue.length === 0 && active.size === 0) return Promise.resolve();
      return new Promise((resolve) => idleWaiters.push(resolve));
    },
    async close() {
      closed = true;
      const waiting = queue.splice(0);
      for (const { job } of active.values()) job.controller.abort('the server stopped');
      await Promise.all([...active.values()].map((a) => a.done));
      for (const job of waiting)
        await guard('mark a run interrupted', () => runs.stop(job.id, 'interrupted', 'the server stopped'));
      settleIdle();
    },
  };
}
