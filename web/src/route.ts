/** The dashboard's pages, addressed by the URL hash so that a link or a reload lands on the same view. */
export type Route =
  | { page: 'scenarios'; scenarioId?: string }
  | { page: 'sites'; siteId?: string }
  | { page: 'run'; runId: string }
  | { page: 'dispatch'; siteId?: string }
  | { page: 'catalog'; tab: 'asics' | 'gpus' };

/** `#/runs/abc` → `{ page: 'run', runId: 'abc' }`; anything unknown goes to the scenario list. */
export function parseRoute(hash: string): Route {
  const parts = hash
    .replace(/^#\/?/, '')
    .split('/')
    .filter((p) => p !== '')
    .map((p) => decodeURIComponent(p));
  const [head, arg] = parts;
  if (head === 'runs' && arg !== undefined) return { page: 'run', runId: arg };
  if (head === 'dispatch')
    return arg === undefined ? { page: 'dispatch' } : { page: 'dispatch', siteId: arg };
  if (head === 'catalog') return { page: 'catalog', tab: arg === 'gpus' ? 'gpus' : 'asics' };
  if (head === 'sites') return arg === undefined ? { page: 'sites' } : { page: 'sites', siteId: arg };
  if (head === 'scenarios' && arg !== undefined) return { page: 'scenarios', scenarioId: arg };
  return { page: 'scenarios' };
}

/** The hash of a route: the inverse of {@link parseRoute}. */
export function routeHash(route: Route): string {
  switch (route.page) {
    case 'scenarios':
      return route.scenarioId === undefined
        ? '#/scenarios'
        : `#/scenarios/${encodeURIComponent(route.scenarioId)}`;
    case 'sites':
      return route.siteId === undefined ? '#/sites' : `#/sites/${encodeURIComponent(route.siteId)}`;
    case 'run':
      return `#/runs/${encodeURIComponent(route.runId)}`;
    case 'dispatch':
      return route.siteId === undefined ? '#/dispatch' : `#/dispatch/${encodeURIComponent(route.siteId)}`;
    case 'catalog':
      return `#/catalog/${route.tab}`;
  }
}

/** The route of a document editor: a scenario's or a site's, or its list when `id` is undefined. */
export function docRoute(kind: 'scenarios' | 'sites', id: string | undefined): Route {
  if (kind === 'sites') return id === undefined ? { page: 'sites' } : { page: 'sites', siteId: id };
  return id === undefined ? { page: 'scenarios' } : { page: 'scenarios', scenarioId: id };
}
