import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { RunManager } from '../../jobs/run-manager.ts';
import { RunParams, RunStatus, RunSummary } from '../../store/records.ts';
import type { Store } from '../../store/store.ts';
import { ErrorBody, errorResponses, IdParams } from '../http-schemas.ts';

export const RunRequest = z
  .object({
    paths: RunParams.shape.paths.optional(),
    seed: RunParams.shape.seed.optional(),
    months: RunParams.shape.months,
  })
  .strict()
  .nullable()
  .meta({
    id: 'RunRequest',
    description: 'all optional; defaults come from the scenario, then 1000 paths, seed 1',
  });
export type RunRequest = z.infer<typeof RunRequest>;

const notFound = { error: 'not found' } as const;

export function runRoutes(options: {
  store: Store;
  manager: RunManager;
  /** The result schema, for the OpenAPI document. */
  resultSchema: z.ZodType;
  /** Checks the saved scenario can run (InputError if not); returns its own paths/seed, the run defaults. */
  prepareRun: (document: unknown) => { paths?: number; seed?: number; months?: number };
}): FastifyPluginAsyncZod {
  const { store, manager } = options;
  const Run = RunSummary.extend({
    params: RunParams,
    error: z.string().optional().meta({ description: 'why it failed or was interrupted' }),
    result: options.resultSchema.optional().meta({ description: 'present when status is done' }),
  }).meta({ id: 'Run' });
  return async (app) => {
    app.post(
      '/api/scenarios/:id/runs',
      {
        schema: {
          tags: ['runs'],
          summary: 'start a Monte Carlo run of a saved scenario; answers at once, poll GET /api/runs/{id}',
          params: IdParams,
          body: RunRequest,
          response: {
            202: z.object({ id: z.string(), status: z.literal('queued') }),
            404: ErrorBody,
            ...errorResponses,
          },
        },
      },
      async (request, reply) => {
        const scenario = await store.scenarios.get(request.params.id);
        if (!scenario) return reply.code(404).send(notFound);
        const defaults = options.prepareRun(scenario.document);
        const asked = request.body ?? {};
        const months = asked.months ?? defaults.months;
        const params: RunParams = {
          paths: asked.paths ?? defaults.paths ?? 1000,
          seed: asked.seed ?? defaults.seed ?? 1,
          ...(months === undefined ? {} : { months }),
        };
        const run = await store.runs.create(scenario.id, params);
        if (!run) return reply.code(404).send(notFound); // deleted between the two statements
        manager.submit({ id: run.id, scenarioId: scenario.id, document: scenario.document, params });
        return reply
          .code(202)
          .header('location', `/api/runs/${run.id}`)
          .send({ id: run.id, status: 'queued' });
      },
    );

    app.get(
      '/api/scenarios/:id/runs',
      {
        schema: {
          tags: ['runs'],
          summary: 'the scenario’s runs, newest first',
          params: IdParams,
          response: { 200: z.array(RunSummary), 404: ErrorBody },
        },
      },
      async (request, reply) => {
        if (!(await store.scenarios.get(request.params.id))) return reply.code(404).send(notFound);
        return store.runs.listForScenario(request.params.id);
      },
    );

    app.get(
      '/api/runs/:id',
      {
        schema: {
          tags: ['runs'],
          summary: `a run: status (${RunStatus.options.join(', ')}), progress 0..1, result when done`,
          params: IdParams,
          response: { 200: Run, 404: ErrorBody },
        },
      },
      async (request, reply) => {
        const run = await store.runs.get(request.params.id);
        return run ?? reply.code(404).send(notFound);
      },
    );
  };
}
