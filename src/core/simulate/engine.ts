import type { Scenario } from '../../schema/scenario.ts';
import type { SimulationResult } from '../../schema/simulation-result.ts';
import { CHUNK_PATHS, type ChunkResult, chunkCount, simulateChunk } from './chunk.ts';
import { type CompiledScenario, type CompileOptions, compileScenario } from './compile.ts';
import { type FastSelection, type RunAccumulator, summarizeChunks } from './summary.ts';

export interface SimulateOptions extends CompileOptions {
  /** Called after each chunk with the share of chunks done. */
  onProgress?: (fraction: number) => void;
}

/**
 * Runs a scenario on the calling thread: compile once, simulate every chunk in order, merge, summarize.
 * The reference entry for tests; `runSimulation` (src/jobs/simulate-pool.ts) spreads the same chunks over
 * worker threads and returns the same bits for the same seed.
 * @throws InputError for an inconsistent scenario (see compileScenario).
 */
export function simulateSync(scenario: Scenario, options: SimulateOptions = {}): SimulationResult {
  const compiled = compileScenario(scenario, options);
  const chunks = runChunks(compiled, options.onProgress);
  return summarizeCompiled(scenario, compiled, chunks);
}

/** Every chunk of a compiled run, on this thread, in order. */
export function runChunks(
  compiled: CompiledScenario,
  onProgress?: (fraction: number) => void,
): ChunkResult[] {
  const count = chunkCount(compiled.paths, CHUNK_PATHS);
  const chunks: ChunkResult[] = [];
  for (let i = 0; i < count; i++) {
    chunks.push(simulateChunk(compiled, i));
    onProgress?.((i + 1) / count);
  }
  return chunks;
}

/**
 * Merges chunk results (any order) and summarizes them; `accumulator`, when given, has been fed every chunk
 * as it arrived (the same result, with less left to do now).
 */
export function summarizeCompiled(
  scenario: Scenario,
  compiled: CompiledScenario,
  chunks: readonly ChunkResult[],
  accumulator?: RunAccumulator,
  selection?: FastSelection,
): SimulationResult {
  const meta = {
    scenarioName: scenario.name,
    startDate: scenario.startDate,
    discountRatePerYear: scenario.discountRatePerYear,
  };
  return summarizeChunks(compiled, chunks, meta, accumulator, selection);
}
