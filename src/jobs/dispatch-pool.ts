import { Piscina } from 'piscina';
import { InputError } from '../core/errors.ts';
import type { DispatchResult } from '../schema/dispatch-result.ts';
import type { DispatchTask } from './dispatch-task.ts';
import type { DispatchReply } from './dispatch-worker.ts';
import { workerExecArgv } from './worker-exec-argv.ts';

/** Runs dispatch back-tests off the event loop (the LP solve and price parsing are synchronous). */
export interface DispatchRunner {
  run(task: DispatchTask): Promise<DispatchResult>;
  close(): Promise<void>;
}

/** Worker threads load TypeScript through tsx, whether the main thread used `--import tsx` or tsx's API. */
function dispatchExecArgv(): string[] {
  const args = workerExecArgv(process.execArgv);
  return args.some((a) => a.includes('tsx')) ? args : [...args, '--import', 'tsx'];
}

/**
 * A piscina pool of `maxThreads` dispatch workers (default 1: the API keeps one core for requests), started
 * lazily, idle threads stopped after 60 s.
 * @throws InputError (rebuilt from the worker's issues) for invalid input.
 */
export function createDispatchPool(options: { maxThreads?: number } = {}): DispatchRunner {
  let pool: Piscina | undefined;
  return {
    async run(task) {
      pool ??= new Piscina({
        filename: new URL('./dispatch-worker.ts', import.meta.url).href,
        execArgv: dispatchExecArgv(),
        minThreads: 0,
        maxThreads: options.maxThreads ?? 1,
        idleTimeout: 60_000,
      });
      const reply = (await pool.run(task)) as DispatchReply;
      if (!reply.ok) throw new InputError(reply.issues);
      return reply.result;
    },
    async close() {
      await pool?.destroy();
      pool = undefined;
    },
  };
}
