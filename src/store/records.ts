import { z } from 'zod';

/** Where a simulation run is in its life. `interrupted`: the process stopped (crash, shutdown) before it ended. */
export const RunStatus = z
  .enum(['queued', 'running', 'done', 'failed', 'interrupted'])
  .meta({ description: 'life-cycle state of a simulation run', example: 'running' });
export type RunStatus = z.infer<typeof RunStatus>;

const timestamp = (description: string) =>
  z.string().meta({ description, unit: 'ISO 8601 UTC', example: '2026-01-31T12:00:00.000Z' });

/** A saved document (scenario or site) without its body, as listed. */
export const DocumentSummary = z
  .object({
    id: z
      .string()
      .meta({ description: 'server-assigned id', example: '3f1c2a9e-5b0d-4c55-9a43-2f0f7c1d8e21' }),
    name: z.string().meta({ description: 'the document’s name field', example: 'Permian mullet' }),
    createdAt: timestamp('when it was first saved'),
    updatedAt: timestamp('when it was last saved'),
  })
  .meta({ id: 'DocumentSummary' });
export type DocumentSummary = z.infer<typeof DocumentSummary>;

/** A saved document with its body exactly as it was validated and stored. */
export interface StoredDocument extends DocumentSummary {
  document: unknown;
}

/** What a run simulates: how many Monte Carlo paths, the seed, and optionally the horizon. */
export const RunParams = z
  .object({
    paths: z
      .number()
      .int()
      .min(1)
      .max(10_000_000)
      .meta({ description: 'Monte Carlo paths', unit: 'paths', example: 2000 }),
    seed: z
      .number()
      .int()
      .min(0)
      .max(Number.MAX_SAFE_INTEGER)
      .meta({ description: 'random seed; the same seed gives the same result', example: 42 }),
    months: z
      .number()
      .int()
      .min(1)
      .max(600)
      .optional()
      .meta({ description: 'horizon; the scenario’s own horizon when absent', unit: 'months', example: 60 }),
  })
  .strict()
  .meta({ id: 'RunParams' });
export type RunParams = z.infer<typeof RunParams>;

/** A run as listed: no parameters, no result. */
export const RunSummary = z
  .object({
    id: z.string().meta({ description: 'server-assigned run id' }),
    scenarioId: z.string().meta({ description: 'the scenario this run simulates' }),
    status: RunStatus,
    progress: z
      .number()
      .min(0)
      .max(1)
      .meta({ description: 'share of the work done', unit: '0..1', example: 0.4 }),
    createdAt: timestamp('when the run was requested'),
    startedAt: timestamp('when it began running').optional(),
    finishedAt: timestamp('when it ended (done, failed or interrupted)').optional(),
  })
  .meta({ id: 'RunSummary' });
export type RunSummary = z.infer<typeof RunSummary>;

/** A run with its parameters, error (when failed or interrupted) and result (when done). */
export interface RunRecord extends RunSummary {
  params: RunParams;
  error?: string;
  result?: unknown;
}
