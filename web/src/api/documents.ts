import { api } from './client.ts';
import type { StoredSummary } from './types.ts';

/** The kinds of stored document the dashboard edits, named as their API collections. */
export type DocKind = 'scenarios' | 'sites';

/** A stored document with its body, whichever kind it is. */
export interface StoredDocument extends StoredSummary {
  doc: unknown;
}

/** What the editor, the list and the page need of one document kind: its words and its API calls. */
export interface DocKindInfo {
  /** Singular noun: "scenario", "site". */
  noun: string;
  /** Plural title of the list: "Scenarios", "Sites". */
  title: string;
  /** Asked before deleting one. */
  deleteQuestion: (name: string) => string;
  list: () => Promise<StoredSummary[]>;
  get: (id: string) => Promise<StoredDocument>;
  create: (doc: unknown) => Promise<StoredSummary>;
  update: (id: string, doc: unknown) => Promise<StoredSummary>;
  remove: (id: string) => Promise<void>;
  validate: (doc: unknown) => Promise<unknown>;
}

export const DOC_KINDS: Record<DocKind, DocKindInfo> = {
  scenarios: {
    noun: 'scenario',
    title: 'Scenarios',
    deleteQuestion: (name) => `Delete “${name}” and its runs?`,
    list: api.listScenarios,
    get: (id) => api.getScenario(id).then(({ scenario, ...summary }) => ({ ...summary, doc: scenario })),
    create: api.createScenario,
    update: api.updateScenario,
    remove: api.deleteScenario,
    validate: api.validateScenario,
  },
  sites: {
    noun: 'site',
    title: 'Sites',
    deleteQuestion: (name) => `Delete “${name}”?`,
    list: api.listSites,
    get: (id) => api.getSite(id).then(({ site, ...summary }) => ({ ...summary, doc: site })),
    create: api.createSite,
    update: api.updateSite,
    remove: api.deleteSite,
    validate: api.validateSite,
  },
};
