// Worker thread of the simulation pool: receives the compiled scenario once, then chunk indices; answers each
// with the chunk's typed arrays (transferred, not copied). Protocol in simulate-pool.ts.
import { parentPort } from 'node:worker_threads';
import { type ChunkResult, simulateChunk } from '../core/simulate/chunk.ts';
import type { CompiledScenario } from '../core/simulate/compile.ts';
import { sampleSummaryArrays } from '../core/simulate/sample-summary.ts';
import { chunkOptions } from './native-kernel.ts';

export type WorkerRequest =
  | { kind: 'scenario'; compiled: CompiledScenario }
  | { kind: 'chunk'; chunkIndex: number };
export type WorkerReply = { kind: 'chunk'; result: ChunkResult } | { kind: 'error'; message: string };

const port = parentPort;
if (port) {
  // Load the native kernel now, while the main thread is still compiling (the first chunk would load it anyway;
  // a failure is reported there, with the chunk).
  try {
    chunkOptions();
  } catch {}
  let compiled: CompiledScenario | undefined;
  port.on('message', (message: WorkerRequest) => {
    try {
      if (message.kind === 'scenario') {
        compiled = message.compiled;
        return;
      }
      if (!compiled) throw new Error('chunk requested before the scenario');
      const result = simulateChunk(compiled, message.chunkIndex, chunkOptions());
      const summary = result.sampleSummary;
      const arrays = [result.variantFinals, result.networkFinals, result.netSums, result.varSums];
      // chunk 0's bands and IRR flows (≈ 3 MB) move to the main thread, which solves the IRRs
      if (summary) arrays.push(...sampleSummaryArrays(summary));
      const transfer = [...new Set(arrays.map((a) => a.buffer as ArrayBuffer))];
      port.postMessage({ kind: 'chunk', result } satisfies WorkerReply, transfer);
    } catch (error) {
      port.postMessage({
        kind: 'error',
        message: error instanceof Error ? (error.stack ?? error.message) : String(error),
      } satisfies WorkerReply);
    }
  });
}
