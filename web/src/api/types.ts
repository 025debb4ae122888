/**
 * The shapes the dashboard reads from the HTTP API (docs/api-contract.md). Only the fields the dashboard
 * uses are spelled out; the server's zod schemas are the source of truth.
 */

export interface Issue {
  path: string;
  message: string;
  value?: unknown;
}

// Simulation results are typed by the schema the server validates them with (type-only: nothing of zod is bundled).
export type {
  Band,
  Dist,
  FrontierPoint,
  SimulationResult,
  StrategyResult,
} from '../../../src/schema/simulation-result.ts';

import type { SimulationResult } from '../../../src/schema/simulation-result.ts';

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
