import { z } from 'zod';
import type { SimulateRun } from '../jobs/run-manager.ts';
import { parseWith } from '../schema/parse.ts';
import { parseSite, Site } from '../schema/site.ts';
import { type DocumentKind, documentKind } from './document-kind.ts';

/** The engines behind the API: how documents are validated and how a run is simulated. */
export interface EngineWiring {
  kinds: { scenario: DocumentKind; site: DocumentKind };
  simulate: SimulateRun;
  resultSchema: z.ZodType;
  runDefaultsFor: (document: unknown) => { paths?: number; seed?: number; months?: number };
}

// Interim: the scenario and site schemas and the simulator are being written by their owners; until they
// land, documents need only a name and runs fail with a clear message.
const Named = z.looseObject({ name: z.string().min(1).meta({ description: 'display name' }) });

export async function engineWiring(): Promise<EngineWiring> {
  const named = (noun: 'scenario' | 'site') =>
    documentKind({
      noun,
      schema: Named,
      parse: (value) => parseWith(Named, value, noun),
      parserRoot: noun,
      nameOf: (parsed) => parsed.name,
    });
  return {
    kinds: {
      scenario: named('scenario'),
      site: {
        noun: 'site',
        schema: Site,
        validate: (value, root) => ({ name: parseSite(value, root).name ?? 'unnamed site' }),
      },
    },
    simulate: async () => {
      throw new Error('the simulator is not wired into this build yet');
    },
    resultSchema: z.unknown(),
    runDefaultsFor: () => ({}),
  };
}
