import type { DocumentSummary, RunParams, RunRecord, RunSummary, StoredDocument } from './records.ts';

/** Saved documents of one kind (scenarios or sites). Bodies are validated by the caller before they get here. */
export interface DocumentCollection {
  list(): Promise<DocumentSummary[]>;
  get(id: string): Promise<StoredDocument | undefined>;
  create(input: { name: string; document: unknown }): Promise<StoredDocument>;
  /** Creates all or none (one transaction). */
  createMany(inputs: readonly { name: string; document: unknown }[]): Promise<StoredDocument[]>;
  /** Replaces name and body; `undefined` when there is no such id. */
  update(id: string, input: { name: string; document: unknown }): Promise<StoredDocument | undefined>;
  /** `false` when there is no such id. Removing a scenario removes its runs. */
  remove(id: string): Promise<boolean>;
  count(): Promise<number>;
}

/** Simulation runs. Every state change is one atomic write; a run is never seen half-finished. */
export interface RunCollection {
  /** A new `queued` run; `undefined` when the scenario does not exist. */
  create(scenarioId: string, params: RunParams): Promise<RunRecord | undefined>;
  get(id: string): Promise<RunRecord | undefined>;
  /** The scenario's runs, newest first. */
  listForScenario(scenarioId: string): Promise<RunSummary[]>;
  /** queued → running; `false` when the run is gone or no longer queued. */
  markRunning(id: string): Promise<boolean>;
  /** Sets progress (0..1) of a running run; `false` when it is gone or not running. */
  setProgress(id: string, progress: number): Promise<boolean>;
  /** running → done with the result and progress 1, in one write. */
  finish(id: string, result: unknown): Promise<boolean>;
  /** queued|running → failed or interrupted, with a message. */
  stop(id: string, status: 'failed' | 'interrupted', error: string): Promise<boolean>;
  /** Marks every queued or running run `interrupted` (called at start-up, after a crash); returns how many. */
  interruptUnfinished(reason: string): Promise<number>;
}

/** One-time markers (e.g. "the worked examples were loaded"), so a start-up step never repeats. */
export interface FlagCollection {
  has(key: string): Promise<boolean>;
  /** Idempotent. */
  set(key: string): Promise<void>;
}

/** Everything Mullet keeps. Two implementations share one SQL schema: embedded PGlite and PostgreSQL. */
export interface Store {
  readonly kind: 'embedded' | 'postgres';
  readonly scenarios: DocumentCollection;
  readonly sites: DocumentCollection;
  readonly runs: RunCollection;
  readonly flags: FlagCollection;
  close(): Promise<void>;
}
