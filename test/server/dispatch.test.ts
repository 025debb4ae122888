import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { executeDispatchTask } from '../../src/jobs/dispatch-task.ts';
import type { DispatchResult } from '../../src/schema/dispatch-result.ts';
import { openTestStore, siteDoc, testServer } from './fixtures.ts';

type Issues = { issues: { path: string; message: string; value?: unknown }[] };

describe('dispatch back-tests over HTTP (worker thread, PostgreSQL store)', () => {
  let app: FastifyInstance;
  let dispose: () => Promise<void>;
  let siteId: string;
  before(async () => {
    const opened = await openTestStore('postgres');
    dispose = opened.dispose;
    app = await testServer(opened.store);
    siteId = (await app.inject({ method: 'POST', url: '/api/sites', payload: siteDoc() })).json<{
      id: string;
    }>().id;
  });
  after(async () => {
    await app.close();
    await dispose();
  });

  it('dispatches a saved site on the built-in HB_WEST 2023 year, same answer as in-process', async () => {
    const res = await app.inject({
      method: 'POST',
      url: `/api/sites/${siteId}/dispatch`,
      payload: { prices: 'builtin:ercot-hb-west-2023', hashpriceUsdPerPhDay: 55 },
    });
    assert.equal(res.statusCode, 200, res.body);
    const r = res.json<DispatchResult>();
    assert.equal(r.node, 'HB_WEST');
    assert.equal(r.solver, 'merit-order');
    // the built-in file has one price for each of the 8,760 hours of 2023 (examples/prices/README.md)
    assert.equal(r.totals.hours, 8760);
    assert.equal(r.hourly.timeUtc.length, 8760);
    const direct = await executeDispatchTask({
      site: siteDoc(),
      sitePath: 'site',
      prices: 'builtin:ercot-hb-west-2023',
      hashpriceUsdPerPhDay: 55,
      fieldRoot: 'body',
    });
    assert.deepEqual(r, JSON.parse(JSON.stringify(direct)));
    assert.equal(
      r.warnings.some((w) => w.includes('hashpriceUsdPerPhDay not given')),
      false,
    );
  });

  it('uses the documented default hashprice when none is given, and says so in warnings', async () => {
    const res = await app.inject({
      method: 'POST',
      url: `/api/sites/${siteId}/dispatch`,
      payload: { from: '2023-07-01', to: '2023-07-31' },
    });
    assert.equal(res.statusCode, 200, res.body);
    const r = res.json<DispatchResult>();
    assert.equal(r.totals.hours, 31 * 24, 'July only');
    assert.match(r.warnings[0] ?? '', /hashpriceUsdPerPhDay not given: used 75 USD\/PH\/day/);
  });

  it('dispatches an inline site with CSV prices sent as text', async () => {
    // three hours at 10, 500, 20 USD/MWh; with hashprice 55 the S21 tier (17.5 J/TH, 2% fee) breaks even near
    // 55·0.98·1000/(24·17.5) = 128.3 USD/MWh, so it runs at 10 and 20 and curtails at 500
    const prices =
      'timestamp,usd_per_mwh\n2023-07-01T00:00:00Z,10\n2023-07-01T01:00:00Z,500\n2023-07-01T02:00:00Z,20\n';
    const res = await app.inject({
      method: 'POST',
      url: '/api/dispatch',
      payload: {
        site: { ...siteDoc(), ai: undefined, power: { kind: 'index', adderUsdPerMwh: 0 } },
        prices,
        hashpriceUsdPerPhDay: 55,
      },
    });
    assert.equal(res.statusCode, 200, res.body);
    const r = res.json<DispatchResult>();
    assert.equal(r.totals.hours, 3);
    const full = r.hourly.miningMw[0] ?? 0;
    assert.ok(full > 0);
    assert.deepEqual(r.hourly.miningMw, [full, 0, full]);
  });

  it('names the bad field: inline site, price CSV line, unknown built-in, bad date', async () => {
    const bad = await app.inject({
      method: 'POST',
      url: '/api/dispatch',
      payload: { site: { ...siteDoc(), interconnectMw: -5 }, hashpriceUsdPerPhDay: 55 },
    });
    assert.equal(bad.statusCode, 400);
    assert.equal(bad.json<Issues>().issues[0]?.path, 'body.site.interconnectMw');

    const csv = await app.inject({
      method: 'POST',
      url: `/api/sites/${siteId}/dispatch`,
      payload: { prices: 'timestamp,usd_per_mwh\n2023-07-01T00:00:00Z,abc\n', hashpriceUsdPerPhDay: 55 },
    });
    assert.equal(csv.statusCode, 400, csv.body);
    const issue = csv.json<{ issues: { path: string; line?: number }[] }>().issues[0];
    assert.equal(issue?.path, 'body.prices.usd_per_mwh', 'the column');
    assert.equal(issue?.line, 2, 'the line of the bad cell');

    const builtin = await app.inject({
      method: 'POST',
      url: `/api/sites/${siteId}/dispatch`,
      payload: { prices: 'builtin:nyiso-2019' },
    });
    assert.equal(builtin.statusCode, 400);
    assert.match(
      builtin.json<Issues>().issues[0]?.message ?? '',
      /expected one of builtin:ercot-hb-west-2023/,
    );

    const date = await app.inject({
      method: 'POST',
      url: `/api/sites/${siteId}/dispatch`,
      payload: { from: '2023-02-30' },
    });
    assert.equal(date.statusCode, 400);
    assert.equal(date.json<Issues>().issues[0]?.path, 'body.from');
  });

  it('answers 404 for an unknown site', async () => {
    const res = await app.inject({ method: 'POST', url: '/api/sites/nope/dispatch', payload: {} });
    assert.equal(res.statusCode, 404);
  });
});
