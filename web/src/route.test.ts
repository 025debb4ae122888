import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { docRoute, parseRoute, type Route, routeHash } from './route.ts';

describe('hash routes', () => {
  it('reads each page from its hash', () => {
    assert.deepEqual(parseRoute('#/scenarios'), { page: 'scenarios' });
    assert.deepEqual(parseRoute('#/scenarios/s-1'), { page: 'scenarios', scenarioId: 's-1' });
    assert.deepEqual(parseRoute('#/runs/r%2F2'), { page: 'run', runId: 'r/2' });
    assert.deepEqual(parseRoute('#/sites'), { page: 'sites' });
    assert.deepEqual(parseRoute('#/sites/new'), { page: 'sites', siteId: 'new' });
    assert.deepEqual(parseRoute('#/dispatch'), { page: 'dispatch' });
    assert.deepEqual(parseRoute('#/dispatch/site-9'), { page: 'dispatch', siteId: 'site-9' });
    assert.deepEqual(parseRoute('#/catalog'), { page: 'catalog', tab: 'asics' });
    assert.deepEqual(parseRoute('#/catalog/gpus'), { page: 'catalog', tab: 'gpus' });
  });

  it('sends an empty or unknown hash to the scenario list', () => {
    assert.deepEqual(parseRoute(''), { page: 'scenarios' });
    assert.deepEqual(parseRoute('#/nowhere'), { page: 'scenarios' });
    assert.deepEqual(parseRoute('#/runs'), { page: 'scenarios' });
  });

  it('routeHash is the inverse of parseRoute', () => {
    const routes: Route[] = [
      { page: 'scenarios' },
      { page: 'scenarios', scenarioId: 'a b' },
      { page: 'run', runId: 'r/1' },
      { page: 'sites' },
      { page: 'sites', siteId: 'w t' },
      { page: 'dispatch', siteId: 'x' },
      { page: 'catalog', tab: 'gpus' },
    ];
    for (const route of routes) assert.deepEqual(parseRoute(routeHash(route)), route);
  });

  it('docRoute addresses a scenario or a site editor', () => {
    assert.equal(routeHash(docRoute('scenarios', 'a')), '#/scenarios/a');
    assert.equal(routeHash(docRoute('sites', 'b')), '#/sites/b');
    assert.equal(routeHash(docRoute('sites', undefined)), '#/sites');
  });
});
