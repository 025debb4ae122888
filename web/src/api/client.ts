import { apiErrorFromBody } from './api-error.ts';
import { apiToken } from './token.ts';
import type {
  CatalogRow,
  DispatchResult,
  Run,
  RunSummary,
  StoredScenario,
  StoredSite,
  StoredSummary,
} from './types.ts';

/** The built-in year of ERCOT HB_WEST day-ahead hourly prices that the server ships. */
export const BUILTIN_PRICES = 'builtin:ercot-hb-west-2023';

async function request<T>(method: string, path: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  const token = method === 'GET' ? undefined : apiToken();
  if (token !== undefined) headers.authorization = `Bearer ${token}`;
  const init: RequestInit = { method, headers };
  if (body !== undefined) {
    headers['content-type'] = 'application/json';
    init.body = JSON.stringify(body);
  }
  const response = await fetch(`/api${path}`, init);
  if (response.status === 204) return undefined as T;
  const text = await response.text();
  let parsed: unknown = text;
  try {
    parsed = text === '' ? undefined : JSON.parse(text);
  } catch {
    // keep the raw text: apiErrorFromBody shows it
  }
  if (!response.ok) throw apiErrorFromBody(response.status, parsed);
  return parsed as T;
}

const id = (value: string) => encodeURIComponent(value);

export const api = {
  listScenarios: () => request<StoredSummary[]>('GET', '/scenarios'),
  getScenario: (scenarioId: string) => request<StoredScenario>('GET', `/scenarios/${id(scenarioId)}`),
  createScenario: (doc: unknown) => request<StoredScenario>('POST', '/scenarios', doc),
  updateScenario: (scenarioId: string, doc: unknown) =>
    request<StoredScenario>('PUT', `/scenarios/${id(scenarioId)}`, doc),
  deleteScenario: (scenarioId: string) => request<void>('DELETE', `/scenarios/${id(scenarioId)}`),
  validateScenario: (doc: unknown) => request<{ ok: true }>('POST', '/scenarios/validate', doc),
  startRun: (scenarioId: string, options: { paths?: number; seed?: number; months?: number }) =>
    request<{ id: string; status: string }>('POST', `/scenarios/${id(scenarioId)}/runs`, options),
  listRuns: (scenarioId: string) => request<RunSummary[]>('GET', `/scenarios/${id(scenarioId)}/runs`),
  getRun: (runId: string) => request<Run>('GET', `/runs/${id(runId)}`),
  listSites: () => request<StoredSummary[]>('GET', '/sites'),
  getSite: (siteId: string) => request<StoredSite>('GET', `/sites/${id(siteId)}`),
  createSite: (doc: unknown) => request<StoredSite>('POST', '/sites', doc),
  updateSite: (siteId: string, doc: unknown) => request<StoredSite>('PUT', `/sites/${id(siteId)}`, doc),
  deleteSite: (siteId: string) => request<void>('DELETE', `/sites/${id(siteId)}`),
  validateSite: (doc: unknown) => request<{ ok: true }>('POST', '/sites/validate', doc),
  dispatchSite: (siteId: string, options: { prices?: string; hashpriceUsdPerPhDay?: number }) =>
    request<DispatchResult>('POST', `/sites/${id(siteId)}/dispatch`, options),
  asics: () => request<CatalogRow[]>('GET', '/catalog/asics'),
  gpus: () => request<CatalogRow[]>('GET', '/catalog/gpus'),
};
