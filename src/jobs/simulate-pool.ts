import { readFile } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { InputError } from '../core/errors.ts';
import { type ChunkResult, chunkCount, simulateChunk } from '../core/simulate/chunk.ts';
import { type CompiledScenario, compileScenario } from '../core/simulate/compile.ts';
import { summarizeCompiled } from '../core/simulate/engine.ts';
import { sampleBands, sampleBandsStep } from '../core/simulate/sample-summary.ts';
import { RunAccumulator } from '../core/simulate/summary.ts';
import { parseCoinMetricsCsv } from '../data/coinmetrics-csv.ts';
import type { Scenario } from '../schema/scenario.ts';
import type { SimulationResult } from '../schema/simulation-result.ts';
import { chunkOptions, loadNativeKernel, nativeKernelWorkerEnv } from './native-kernel.ts';
import type { WorkerReply, WorkerRequest } from './simulate-worker.ts';
import { workerExecArgv } from './worker-exec-argv.ts';

export interface RunSimulationOptions {
  paths?: number;
  seed?: number;
  months?: number;
  /** Threads that simulate (default: available cores); 1 runs on the calling thread. */
  threads?: number;
  /**
   * The calling thread simulates chunks too, as one of `threads`, and one worker fewer is started: for a batch
   * process (the CLI) whose thread has nothing else to do. A server leaves it off: a chunk holds the thread for
   * ≈ 30–100 ms, which its event loop cannot spare.
   */
  callerSimulates?: boolean;
  /** Share of chunks done, 0 … 1, after each chunk. */
  onProgress?: (fraction: number) => void;
  signal?: AbortSignal;
}

/**
 * Runs a scenario's Monte Carlo on worker threads: compiles once, hands chunks of paths to workers as they
 * free up, merges the chunks in chunk order. Each chunk's random stream depends only on (seed, chunk), so the
 * result is the same bits for any `threads`. Reads the bootstrap CSV (the one file a scenario may name).
 * The workers are started first: their start-up (a thread, the bundled module, the native kernel) runs while
 * this thread reads the CSV and compiles.
 * @throws InputError for an inconsistent scenario or an unreadable CSV; an AbortError when `signal` aborts.
 */
export async function runSimulation(
  scenario: Scenario,
  options: RunSimulationOptions = {},
): Promise<SimulationResult> {
  options.signal?.throwIfAborted();
  const chunks = chunkCount(options.paths ?? scenario.paths);
  const threads = Math.max(1, Math.min(options.threads ?? availableParallelism(), chunks));
  const workers = options.callerSimulates ? threads - 1 : threads;
  const pool = threads > 1 && workers > 0 ? startWorkers(workers) : undefined;
  pool?.catch(() => {}); // awaited below; this only keeps an early failure from being reported as unhandled
  try {
    const dailyLogReturns = await loadReturns(scenario);
    const compiled = compileScenario(scenario, {
      ...(options.paths === undefined ? {} : { paths: options.paths }),
      ...(options.seed === undefined ? {} : { seed: options.seed }),
      ...(options.months === undefined ? {} : { months: options.months }),
      ...(dailyLogReturns ? { dailyLogReturns } : {}),
    });
    options.signal?.throwIfAborted();
    const native = loadNativeKernel();
    // with the native selection the percentiles are cheaper at the end than counted chunk by chunk
    const accumulator = new RunAccumulator(compiled, { counts: !native });
    const results = pool
      ? await runOnWorkers(compiled, chunks, await pool, accumulator, options, threads > workers)
      : await runInline(compiled, chunks, accumulator, options);
    return summarizeCompiled(scenario, compiled, results, accumulator, native);
  } finally {
    if (pool) void pool.then(stopWorkers, () => {});
  }
}

/** Daily log-returns of the scenario's bootstrap CSV within its from/to window, or undefined for GBM. */
export async function loadReturns(scenario: Scenario): Promise<Float64Array | undefined> {
  const price = scenario.market.price;
  if (price.model !== 'bootstrap') return undefined;
  const path = 'scenario.market.price.coinMetricsCsv';
  let text: string;
  try {
    text = await readFile(price.coinMetricsCsv, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'error';
    throw new InputError({ path, message: `cannot read the file (${code})`, value: price.coinMetricsCsv });
  }
  const days = parseCoinMetricsCsv(text, price.coinMetricsCsv);
  const returns: number[] = [];
  for (let i = 1; i < days.length; i++) {
    const a = days[i - 1]!;
    const b = days[i]!;
    if (price.from !== undefined && a.date < price.from) continue;
    if (price.to !== undefined && b.date > price.to) continue;
    // a daily return needs consecutive days: across a gap in the file it would be a multi-day move
    const oneDay = Date.parse(`${b.date}T00:00:00Z`) - Date.parse(`${a.date}T00:00:00Z`) === 86_400_000;
    if (oneDay && a.priceUsd && b.priceUsd) returns.push(Math.log(b.priceUsd / a.priceUsd));
  }
  if (returns.length === 0)
    throw new InputError({
      path,
      message: 'expected priced days inside from … to',
      value: price.coinMetricsCsv,
    });
  return Float64Array.from(returns);
}

async function runInline(
  compiled: CompiledScenario,
  chunks: number,
  accumulator: RunAccumulator,
  options: RunSimulationOptions,
): Promise<ChunkResult[]> {
  const results: ChunkResult[] = [];
  for (let i = 0; i < chunks; i++) {
    options.signal?.throwIfAborted();
    const result = simulateChunk(compiled, i, chunkOptions());
    if (result.sampleSummary) sampleBands(compiled, result.sampleSummary);
    accumulator.add(result);
    results.push(result);
    options.onProgress?.((i + 1) / chunks);
    // let timers, progress bars and abort signals run between chunks
    await new Promise<void>((resolve) => setImmediate(resolve));
  }
  return results;
}

/**
 * The worker's code as one ES module: simulate-worker.ts and the kernel it imports, bundled by esbuild (which
 * tsx ships) into a data: URL. A worker started from it loads no loader hooks and transpiles nothing, which
 * saves ≈0.3 s per run; built once per process. Where esbuild is unavailable the worker registers tsx instead.
 */
let workerEntryOnce: Promise<WorkerEntry> | undefined;

interface WorkerEntry {
  url: URL;
  /** Node flags for the worker: the bundle drops the parent's `--import tsx`, whose hooks cost ≈0.1 s more. */
  execArgv: string[];
}

function workerEntry(): Promise<WorkerEntry> {
  workerEntryOnce ??= bundleWorker()
    .then((url) => ({ url, execArgv: workerExecArgv(withoutTsx(process.execArgv)) }))
    .catch(() => ({ url: tsxWorkerEntry(), execArgv: workerExecArgv(process.execArgv) }));
  return workerEntryOnce;
}

/** `args` without `--import tsx` / `--import=tsx` / `--loader tsx` (any tsx entry). */
function withoutTsx(args: readonly string[]): string[] {
  const kept: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    const isLoader = arg === '--import' || arg === '--loader' || arg === '--experimental-loader';
    if (isLoader && args[i + 1]?.includes('tsx')) i++;
    else if (!(/^--(import|loader|experimental-loader)=/.test(arg) && arg.includes('tsx'))) kept.push(arg);
  }
  return kept;
}

async function bundleWorker(): Promise<URL> {
  const { build } = await import('esbuild');
  const out = await build({
    entryPoints: [fileURLToPath(new URL('./simulate-worker.ts', import.meta.url))],
    bundle: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    write: false,
    logLevel: 'silent',
  });
  const code = out.outputFiles[0]?.text;
  if (code === undefined) throw new Error('esbuild produced no output');
  return new URL(`data:text/javascript,${encodeURIComponent(code)}`);
}

/** The TypeScript entry run through tsx's loader, registered inside the worker. */
function tsxWorkerEntry(): URL {
  const url = new URL('./simulate-worker.ts', import.meta.url);
  const tsxApi = import.meta.resolve('tsx/esm/api');
  const bootstrap =
    `import { register } from ${JSON.stringify(tsxApi)};\n` +
    `register();\n` +
    `await import(${JSON.stringify(url.href)});\n`;
  return new URL(`data:text/javascript,${encodeURIComponent(bootstrap)}`);
}

/** Worker threads being started, and the first failure any of them reported (error or non-zero exit). */
interface StartedWorkers {
  workers: Worker[];
  failure?: { error: unknown };
  /** Called on a failure once a run listens (before that, `failure` keeps it). */
  onFailure?: ((error: unknown) => void) | undefined;
}

/** Starts `threads` workers from the (bundled) worker entry; they load their code while the caller goes on. */
async function startWorkers(threads: number): Promise<StartedWorkers> {
  const entry = await workerEntry();
  const started: StartedWorkers = { workers: [] };
  const fail = (error: unknown) => {
    started.failure ??= { error };
    started.onFailure?.(error);
  };
  for (let i = 0; i < threads; i++) {
    const worker = new Worker(entry.url, { execArgv: entry.execArgv, env: nativeKernelWorkerEnv() });
    worker.on('error', fail);
    worker.on('exit', (code) => {
      if (code !== 0) fail(new Error(`simulation worker exited with code ${code}`));
    });
    started.workers.push(worker);
  }
  return started;
}

function stopWorkers(started: StartedWorkers): void {
  started.onFailure = undefined;
  for (const worker of started.workers) void worker.terminate();
}

/**
 * Hands the chunks to the workers, each keeping a second chunk queued while there are more chunks left than
 * threads (so that a worker never waits for this thread to answer), one at a time at the end (so that the last
 * chunks balance). With `callerSimulates` this thread takes the next chunk whenever it is free, starting with
 * chunk 0 while the workers start up. As chunks arrive, this thread summarizes what it can: chunk 0's IRRs a
 * step at a time (between messages) and every chunk into `accumulator`.
 */
function runOnWorkers(
  compiled: CompiledScenario,
  chunks: number,
  started: StartedWorkers,
  accumulator: RunAccumulator,
  options: RunSimulationOptions,
  callerSimulates: boolean,
): Promise<ChunkResult[]> {
  return new Promise<ChunkResult[]>((resolve, reject) => {
    const { workers } = started;
    const results: ChunkResult[] = [];
    const queued = new Map<Worker, number>();
    let next = 0;
    let done = 0;
    let settled = false;
    const finish = (error?: unknown) => {
      if (settled) return;
      settled = true;
      options.signal?.removeEventListener('abort', onAbort);
      stopWorkers(started);
      if (error === undefined) resolve(results);
      else reject(error);
    };
    const onAbort = () => finish(options.signal?.reason ?? new Error('aborted'));
    options.signal?.addEventListener('abort', onAbort, { once: true });
    if (started.failure) return finish(started.failure.error);
    started.onFailure = (error) => finish(error);
    const feed = (worker: Worker, upTo: number) => {
      while (next < chunks && (queued.get(worker) ?? 0) < upTo) {
        worker.postMessage({ kind: 'chunk', chunkIndex: next++ } satisfies WorkerRequest);
        queued.set(worker, (queued.get(worker) ?? 0) + 1);
      }
    };
    const lanes = workers.length + (callerSimulates ? 1 : 0);
    const depth = () => (chunks - next > lanes ? 2 : 1);
    const arrived = (result: ChunkResult) => {
      const summary = result.sampleSummary;
      if (summary) {
        // chunk 0's IRRs, a step at a time between the workers' messages (the rest at the end)
        const step = () => {
          if (!settled && !sampleBandsStep(compiled, summary)) setImmediate(step);
        };
        setImmediate(step);
      }
      accumulator.add(result);
      results.push(result);
      done++;
      options.onProgress?.(done / chunks);
      if (done === chunks) finish();
    };
    for (const worker of workers) {
      worker.on('message', (reply: WorkerReply) => {
        if (reply.kind === 'error') return finish(new Error(`simulation worker failed: ${reply.message}`));
        queued.set(worker, (queued.get(worker) ?? 1) - 1);
        feed(worker, depth());
        arrived(reply.result);
      });
      worker.postMessage({ kind: 'scenario', compiled } satisfies WorkerRequest);
    }
    // this thread's lane: a chunk whenever it is free, the workers' messages handled in between
    const simulateHere = (index: number) => {
      if (settled) return;
      try {
        arrived(simulateChunk(compiled, index, chunkOptions()));
      } catch (error) {
        return finish(error);
      }
      setImmediate(() => {
        if (!settled && next < chunks) simulateHere(next++);
      });
    };
    if (callerSimulates) {
      // chunk 0 here at once; the workers, still starting, get the next ones queued
      next = 1;
      for (const worker of workers) feed(worker, depth());
      setImmediate(() => simulateHere(0));
      return;
    }
    // chunk 0 (the longest: it selects the bands) first, then one more each
    for (const worker of workers) feed(worker, 1);
    for (const worker of workers) feed(worker, depth());
  });
}
