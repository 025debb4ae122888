/**
 * The shapes the dashboard reads from the HTTP API (docs/api-contract.md). Only the fields the dashboard
 * uses are spelled out; the server's zod schemas are the source of truth.
 */

export interface Issue {
  path: string;
  message: string;
  value?: unknown;
}

/** Distribution of one outcome over all simulated paths. */
export interface Dist {
  p5: number;
  p50: number;
  p95: number;
  mean: number;
}

/** One value per month 0..months for each quantile. */
export interface Band {
  p5: number[];
  p50: number[];
  p95: number[];
  mean: number[];
}

export interface StrategyResult {
  name: string;
  npvUsd: Dist;
  irrPerYear: {
    p5: number | null;
    p50: number | null;
    p95: number | null;
    mean: number | null;
    definedShare: number;
  };
  btcMined: Dist;
  btcHeld: Dist;
  cashUsd: Dist;
  ebitdaUsd: Dist;
  hashShareEnd: Dist;
  shortfallProbability: number;
  series: { cashUsd: Band; btcHeld: Band; npvUsd: Band; hashShare: Band; hashrateEhPerS: Band };
}

export interface FrontierPoint {
  aiMw: number;
  npvUsd: Dist;
  shortfallProbability: number;
}

export interface SimulationResult {
  scenarioName: string;
  paths: number;
  seed: number;
  months: number;
  startDate: string;
  discountRatePerYear: number;
  /** Strategy the IRRs are measured against. */
  baseline?: string;
  /** Date of each month boundary 0..months. */
  dates?: string[];
  strategies: StrategyResult[];
  network: {
    priceUsd: Band;
    hashrateEhPerS: Band;
    hashpriceUsdPerPhDay: Band;
    nextHalvingDate: { p5: string; p50: string; p95: string };
  };
  frontier: FrontierPoint[];
}

export type RunStatus = 'queued' | 'running' | 'done' | 'failed' | 'interrupted';

export interface RunSummary {
  id: string;
  status: RunStatus;
  progress: number;
  createdAt: string;
}

export interface Run extends RunSummary {
  scenarioId: string;
  params?: { paths: number; seed: number; months?: number };
  startedAt?: string;
  finishedAt?: string;
  error?: string;
  result?: SimulationResult;
}

export interface StoredSummary {
  id: string;
  name: string;
  createdAt: string;
  updatedAt: string;
}

export interface StoredScenario extends StoredSummary {
  scenario: unknown;
}

export interface StoredSite extends StoredSummary {
  site: unknown;
}

// Dispatch answers are typed by the schema the server validates them with (type-only: nothing of zod is bundled).
export type { DispatchResult, DispatchTotals } from '../../../src/schema/dispatch-result.ts';

/** A catalog row: every field is shown; names carry their units (`powerW`, `efficiencyJPerTh`). */
export type CatalogRow = Record<string, unknown>;
