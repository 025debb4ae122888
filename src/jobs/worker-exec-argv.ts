// Node flags for worker threads. A Worker refuses V8 and per-process flags in its execArgv (ERR_WORKER_INVALID_
// EXEC_ARGV), so passing on the parent's flags as they are would make `node --max-old-space-size=8192 …` fail
// to start any worker. The workers share the process, so those flags apply to them anyway.
import { Worker } from 'node:worker_threads';

const LOADER = /^--(import|loader|experimental-loader)$/;
const LOADER_WITH_VALUE = /^--(import|loader|experimental-loader)=/;

/** The loader flags of `args` (`--import X`, `--loader=X`, …), which workers always accept. */
function loaderFlags(args: readonly string[]): string[] {
  const kept: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (LOADER.test(arg) && i + 1 < args.length) kept.push(arg, args[++i]!);
    else if (LOADER_WITH_VALUE.test(arg)) kept.push(arg);
  }
  return kept;
}

const accepted = new Map<string, string[]>();

/**
 * `args` without the flags a worker thread refuses. A list of loader flags only is returned as it is; any other
 * list is tried once per process on a worker that exits at once, and the flags Node names as invalid are
 * dropped (all but the loader flags when Node's answer does not name ours).
 */
export function workerExecArgv(args: readonly string[]): string[] {
  const loaders = loaderFlags(args);
  if (loaders.length === args.length) return [...args];
  const key = JSON.stringify(args);
  let kept = accepted.get(key);
  if (!kept) {
    kept = acceptedPart(args) ?? loaders;
    accepted.set(key, kept);
  }
  return [...kept];
}

function acceptedPart(args: readonly string[]): string[] | undefined {
  let kept = [...args];
  for (let tries = 0; tries < 8; tries++) {
    try {
      void new Worker('', { eval: true, execArgv: kept }).terminate();
      return kept;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ERR_WORKER_INVALID_EXEC_ARGV') throw error;
      // "Initiated Worker with invalid execArgv flags: --a=1, --b"
      const listed = String((error as Error).message)
        .split(': ')
        .slice(1)
        .join(': ');
      const invalid = new Set(listed.split(', '));
      const next = kept.filter((arg) => !invalid.has(arg));
      if (next.length === kept.length) return undefined;
      kept = next;
    }
  }
  return undefined;
}
