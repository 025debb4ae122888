import type { z } from 'zod';
import { InputError } from '../core/errors.ts';
import { withoutExtensionKeys } from '../data/scenario-file.ts';
import type { SimulateRun } from '../jobs/run-manager.ts';
import { runSimulation } from '../jobs/simulate-pool.ts';
import { parseScenario, Scenario } from '../schema/scenario.ts';
import { SimulationResult } from '../schema/simulation-result.ts';
import { parseSite, Site } from '../schema/site.ts';
import { type DocumentKind, documentKind } from './document-kind.ts';

/** The engines behind the API: how documents are validated and how a run is simulated. */
export interface EngineWiring {
  kinds: { scenario: DocumentKind; site: DocumentKind };
  simulate: SimulateRun;
  resultSchema: z.ZodType;
  /**
   * Checks that a saved scenario can run on the server and returns its own paths/seed as run defaults.
   * @throws InputError (paths under `scenario`) when it cannot.
   */
  prepareRun: (document: unknown) => { paths?: number; seed?: number; months?: number };
}

const scenarioOf = (document: unknown) => parseScenario(withoutExtensionKeys(document));

/** Over HTTP a scenario has no folder: a bootstrap CSV path would name a file on the server. */
function checkRunnableOverHttp(scenario: Scenario): void {
  const price = scenario.market.price;
  if (price.model === 'bootstrap')
    throw new InputError({
      path: 'scenario.market.price.coinMetricsCsv',
      message:
        'a bootstrap price model reads a file, which the server does not do for uploaded scenarios; use model gbm here, or run `mullet simulate` on the file',
      value: price.coinMetricsCsv,
    });
}

/** The production wiring: zod schemas and parsers of the engines, the worker-thread simulator. */
export function engineWiring(): EngineWiring {
  return {
    kinds: {
      scenario: documentKind({
        noun: 'scenario',
        schema: Scenario,
        parse: scenarioOf,
        parserRoot: 'scenario',
        nameOf: (s) => s.name,
      }),
      site: {
        noun: 'site',
        schema: Site,
        validate: (value, root) => ({ name: parseSite(value, root).name ?? 'unnamed site' }),
      },
    },
    async simulate({ document, params, onProgress, signal }) {
      const scenario = scenarioOf(document);
      checkRunnableOverHttp(scenario);
      return runSimulation(scenario, {
        paths: params.paths,
        seed: params.seed,
        ...(params.months === undefined ? {} : { months: params.months }),
        onProgress,
        signal,
      });
    },
    resultSchema: SimulationResult,
    prepareRun(document) {
      const scenario = scenarioOf(document);
      checkRunnableOverHttp(scenario);
      return { paths: scenario.paths, seed: scenario.seed };
    },
  };
}
