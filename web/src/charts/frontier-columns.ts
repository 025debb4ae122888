import type { FrontierPoint } from '../api/types.ts';

/** The allocation frontier as chart columns, sorted by AI MW: x, mean NPV, p5 NPV, shortfall in percent. */
export interface FrontierColumns {
  aiMw: number[];
  meanNpvUsd: number[];
  p5NpvUsd: number[];
  shortfallPct: number[];
}

export function frontierColumns(points: FrontierPoint[]): FrontierColumns {
  const sorted = [...points].sort((a, b) => a.aiMw - b.aiMw);
  return {
    aiMw: sorted.map((p) => p.aiMw),
    meanNpvUsd: sorted.map((p) => p.npvUsd.mean),
    p5NpvUsd: sorted.map((p) => p.npvUsd.p5),
    shortfallPct: sorted.map((p) => p.shortfallProbability * 100),
  };
}

/** The frontier point with the highest mean NPV among those whose shortfall probability is at most `maxShortfall`. */
export function bestAllocation(points: FrontierPoint[], maxShortfall = 1): FrontierPoint | undefined {
  let best: FrontierPoint | undefined;
  for (const p of points) {
    if (p.shortfallProbability > maxShortfall) continue;
    if (best === undefined || p.npvUsd.mean > best.npvUsd.mean) best = p;
  }
  return best;
}
