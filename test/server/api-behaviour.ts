import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { ASIC_MODELS } from '../../src/core/hardware/asic-catalog.ts';
import { GPU_SYSTEMS } from '../../src/core/hardware/gpu-catalog.ts';
import { openTestStore, type StoreKind, scenarioDoc, siteDoc, testServer } from './fixtures.ts';

type Json = Record<string, unknown>;

/** The HTTP API's behaviour, identical on both stores. */
export function apiBehaviour(kind: StoreKind): void {
  describe(`HTTP API on the ${kind} store`, () => {
    let app: FastifyInstance;
    let dispose: () => Promise<void>;
    before(async () => {
      const opened = await openTestStore(kind);
      dispose = opened.dispose;
      app = await testServer(opened.store);
    });
    after(async () => {
      await app.close();
      await dispose();
    });

    const post = (url: string, payload: unknown) =>
      app.inject({ method: 'POST', url, payload: payload as Json });
    const put = (url: string, payload: unknown) =>
      app.inject({ method: 'PUT', url, payload: payload as Json });

    it('answers health with the store in use', async () => {
      const res = await app.inject({ method: 'GET', url: '/api/health' });
      assert.equal(res.statusCode, 200);
      assert.deepEqual(res.json(), { status: 'ok', store: kind, version: '0.1.0' });
    });

    it('serves both hardware catalogs in full', async () => {
      const asics = await app.inject({ method: 'GET', url: '/api/catalog/asics' });
      assert.deepEqual(asics.json(), ASIC_MODELS);
      const gpus = await app.inject({ method: 'GET', url: '/api/catalog/gpus' });
      assert.deepEqual(gpus.json(), GPU_SYSTEMS);
    });

    it('quotes hashprice: MODEL.md example (D = 1e14, 3.125 + 0.1 BTC, $60,000)', async () => {
      // 1e15 · 86400 · 3.225 / (1e14 · 2^32) = 2,786,400 / 4,294,967,296 = 6.48759e-4 BTC/PH/day; × 60,000 = 38.9256
      const res = await post('/api/quotes/hashprice', {
        difficulty: 1e14,
        priceUsd: 60_000,
        feesBtcPerBlock: 0.1,
        height: 900_000,
      });
      assert.equal(res.statusCode, 200);
      const q = res.json<{ btcPerPhDay: number; usdPerPhDay: number; subsidyBtc: number }>();
      assert.equal(q.subsidyBtc, 3.125);
      assert.ok(Math.abs(q.btcPerPhDay - 2_786_400 / 4_294_967_296) < 1e-18);
      assert.ok(Math.abs(q.usdPerPhDay - 38.9256) < 1e-4);
    });

    it('quotes breakeven for a catalog model and for a bare efficiency', async () => {
      const network = { difficulty: 1e14, priceUsd: 60_000, feesBtcPerBlock: 0.1, height: 900_000 };
      // S21 is 17.5 J/TH: 38.92558 · 1000 / (24 · 17.5) = 92.6800 USD/MWh
      const s21 = await post('/api/quotes/breakeven', { ...network, model: 'antminer s21' });
      assert.equal(s21.statusCode, 200);
      const a = s21.json<{ usdPerMwh: number; jPerTh: number }>();
      assert.equal(a.jPerTh, 17.5);
      assert.ok(Math.abs(a.usdPerMwh - 92.68) < 1e-3);
      // with 2% pool fee and PUE 1.05: 92.6800 · 0.98 / 1.05 = 86.5013
      const bare = await post('/api/quotes/breakeven', {
        ...network,
        jPerTh: 17.5,
        poolFee: 0.02,
        pue: 1.05,
      });
      assert.ok(Math.abs(bare.json<{ usdPerMwh: number }>().usdPerMwh - 86.5013) < 1e-3);
    });

    it('rejects a breakeven for an unknown model at body.model, naming close matches', async () => {
      const res = await post('/api/quotes/breakeven', {
        difficulty: 1e14,
        priceUsd: 60_000,
        feesBtcPerBlock: 0.1,
        height: 900_000,
        model: 'Antminer S2l',
      });
      assert.equal(res.statusCode, 400);
      const body = res.json<{ issues: { path: string; message: string; value: unknown }[] }>();
      assert.equal(body.issues.length, 1);
      assert.equal(body.issues[0]?.path, 'body.model');
      assert.match(body.issues[0]?.message ?? '', /unknown ASIC model; did you mean .*Antminer S21/);
      assert.equal(body.issues[0]?.value, 'Antminer S2l');
    });

    it('answers 400 with one issue per bad field, each with its full path', async () => {
      const res = await post('/api/quotes/hashprice', {
        difficulty: -5,
        priceUsd: 'abc',
        feesBtcPerBlock: 0.1,
        height: 1.5,
      });
      assert.equal(res.statusCode, 400);
      const body = res.json<{ error: string; issues: { path: string; value?: unknown }[] }>();
      assert.equal(body.error, 'invalid input');
      assert.deepEqual(
        body.issues.map((i) => [i.path, i.value]),
        [
          ['body.difficulty', -5],
          ['body.priceUsd', 'abc'],
          ['body.height', 1.5],
        ],
      );
    });

    it('round-trips a site through create, read, list, update and delete', async () => {
      const doc = siteDoc('alpha');
      const created = await post('/api/sites', doc);
      assert.equal(created.statusCode, 201);
      const c = created.json<Json & { id: string }>();
      assert.equal(c.name, 'alpha');
      assert.deepEqual(c.site, doc, 'stored exactly as sent (no defaults filled in)');
      assert.equal(created.headers.location, `/api/sites/${c.id}`);

      const read = await app.inject({ method: 'GET', url: `/api/sites/${c.id}` });
      assert.deepEqual(read.json(), c);
      const list = await app.inject({ method: 'GET', url: '/api/sites' });
      assert.ok(list.json<Json[]>().some((s) => s.id === c.id && s.name === 'alpha' && !('site' in s)));

      const changed = { ...doc, name: 'beta', interconnectMw: 150 };
      const updated = await put(`/api/sites/${c.id}`, changed);
      assert.equal(updated.statusCode, 200);
      assert.equal(updated.json<Json>().name, 'beta');
      assert.deepEqual(updated.json<Json>().site, changed);

      const del = await app.inject({ method: 'DELETE', url: `/api/sites/${c.id}` });
      assert.equal(del.statusCode, 204);
      assert.equal(del.body, '');
      assert.equal((await app.inject({ method: 'GET', url: `/api/sites/${c.id}` })).statusCode, 404);
      assert.equal((await app.inject({ method: 'DELETE', url: `/api/sites/${c.id}` })).statusCode, 404);
    });

    it('round-trips a scenario and lists it', async () => {
      const doc = scenarioDoc('gamma');
      const created = await post('/api/scenarios', doc);
      assert.equal(created.statusCode, 201);
      const c = created.json<Json & { id: string }>();
      assert.deepEqual(c.scenario, doc);
      const got = await app.inject({ method: 'GET', url: `/api/scenarios/${c.id}` });
      assert.deepEqual(got.json<Json>().scenario, doc);
      const list = await app.inject({ method: 'GET', url: '/api/scenarios' });
      assert.ok(list.json<Json[]>().some((s) => s.id === c.id));
    });

    it('rejects an invalid site at the exact nested paths and stores nothing', async () => {
      const before = (await app.inject({ method: 'GET', url: '/api/sites' })).json<Json[]>().length;
      const bad = siteDoc('bad');
      bad.interconnectMw = -5;
      bad.mining = { tiers: [{ model: 'Antminer S21', units: 0 }] };
      const res = await post('/api/sites', bad);
      assert.equal(res.statusCode, 400);
      const issues = res.json<{ issues: { path: string; value?: unknown }[] }>().issues;
      assert.ok(
        issues.some((i) => i.path === 'body.interconnectMw' && i.value === -5),
        JSON.stringify(issues),
      );
      assert.ok(
        issues.some((i) => i.path.startsWith('body.mining.tiers.0')),
        JSON.stringify(issues),
      );
      const after = (await app.inject({ method: 'GET', url: '/api/sites' })).json<Json[]>().length;
      assert.equal(after, before);
    });

    it('rejects an invalid scenario at body.company.sites.0.interconnectMw, and ignores x- anchor keys', async () => {
      const doc = scenarioDoc('bad scenario');
      const company = doc.company as { sites: { interconnectMw: number }[] };
      company.sites[0]!.interconnectMw = -5;
      const res = await post('/api/scenarios/validate', { ...doc, 'x-anchors': { any: 'thing' } });
      assert.equal(res.statusCode, 400);
      const issues = res.json<{ issues: { path: string; value?: unknown }[] }>().issues;
      assert.ok(
        issues.some((i) => i.path === 'body.company.sites.0.interconnectMw' && i.value === -5),
        JSON.stringify(issues),
      );
      assert.ok(
        !issues.some((i) => i.path === 'body' && /x-anchors/.test(JSON.stringify(i))),
        'x- keys are ignored',
      );
      const ok = await post('/api/scenarios/validate', { ...scenarioDoc(), 'x-anchors': { any: 'thing' } });
      assert.equal(ok.statusCode, 200, ok.body);
    });

    it('validates without saving: ok for a good site, issues for a bad one', async () => {
      const before = (await app.inject({ method: 'GET', url: '/api/sites' })).json<Json[]>().length;
      const ok = await post('/api/sites/validate', siteDoc());
      assert.equal(ok.statusCode, 200);
      assert.deepEqual(ok.json(), { ok: true });
      const bad = await post('/api/sites/validate', { ...siteDoc(), interconnectMw: 'lots' });
      assert.equal(bad.statusCode, 400);
      assert.equal(bad.json<{ issues: { path: string }[] }>().issues[0]?.path, 'body.interconnectMw');
      assert.equal((await app.inject({ method: 'GET', url: '/api/sites' })).json<Json[]>().length, before);
    });

    it('keeps a document unchanged when an update is invalid', async () => {
      const created = (await post('/api/sites', siteDoc('keep'))).json<{ id: string }>();
      const res = await put(`/api/sites/${created.id}`, { ...siteDoc('keep'), power: { kind: 'barter' } });
      assert.equal(res.statusCode, 400);
      assert.ok(
        res.json<{ issues: { path: string }[] }>().issues.every((i) => i.path.startsWith('body.power')),
      );
      const read = await app.inject({ method: 'GET', url: `/api/sites/${created.id}` });
      assert.deepEqual(read.json<Json>().site, siteDoc('keep'));
    });

    it('answers 404 for unknown ids and unknown routes', async () => {
      for (const [method, url] of [
        ['GET', '/api/scenarios/nope'],
        ['PUT', '/api/scenarios/nope'],
        ['DELETE', '/api/scenarios/nope'],
        ['GET', '/api/sites/nope'],
        ['GET', '/api/runs/nope'],
        ['GET', '/api/scenarios/nope/runs'],
        ['POST', '/api/scenarios/nope/runs'],
        ['GET', '/api/no-such-route'],
      ] as const) {
        const payload = method === 'PUT' ? scenarioDoc() : method === 'POST' ? {} : undefined;
        const res = await app.inject({ method, url, ...(payload ? { payload } : {}) });
        assert.equal(res.statusCode, 404, `${method} ${url}`);
        assert.deepEqual(res.json(), { error: 'not found' }, `${method} ${url}`);
      }
    });

    it('answers 413 for a body over 1 MiB and stores nothing', async () => {
      const before = (await app.inject({ method: 'GET', url: '/api/scenarios' })).json<Json[]>().length;
      const big = { ...scenarioDoc('big'), padding: 'x'.repeat(1024 * 1024) };
      const res = await post('/api/scenarios', big);
      assert.equal(res.statusCode, 413);
      assert.deepEqual(res.json(), { error: 'payload too large' });
      assert.equal(
        (await app.inject({ method: 'GET', url: '/api/scenarios' })).json<Json[]>().length,
        before,
      );
    });

    it('answers 400 at path body for malformed or empty JSON, without a stack trace', async () => {
      const malformed = await app.inject({
        method: 'POST',
        url: '/api/quotes/hashprice',
        headers: { 'content-type': 'application/json' },
        payload: '{"difficulty": 1e14,',
      });
      assert.equal(malformed.statusCode, 400);
      const body = malformed.json<{ issues: { path: string; message: string }[] }>();
      assert.equal(body.issues[0]?.path, 'body');
      assert.match(body.issues[0]?.message ?? '', /^invalid JSON/);
      assert.doesNotMatch(malformed.body, /at .*\.(ts|js):\d+/);
      const empty = await app.inject({
        method: 'POST',
        url: '/api/sites',
        headers: { 'content-type': 'application/json' },
        payload: '',
      });
      assert.equal(empty.statusCode, 400);
      assert.equal(empty.json<{ issues: { path: string }[] }>().issues[0]?.path, 'body');
    });

    it('takes a site as YAML too, and names the line of a YAML syntax error', async () => {
      const yaml = [
        'name: yaml site',
        'interconnectMw: 80',
        'mining:',
        '  tiers:',
        '    - model: Antminer S21',
        '      units: 1000',
        'power:',
        '  kind: index',
        '  adderUsdPerMwh: 3',
        '',
      ].join('\n');
      const ok = await app.inject({
        method: 'POST',
        url: '/api/sites',
        headers: { 'content-type': 'application/yaml' },
        payload: yaml,
      });
      assert.equal(ok.statusCode, 201, ok.body);
      assert.equal(ok.json<Json>().name, 'yaml site');
      const broken = await app.inject({
        method: 'POST',
        url: '/api/sites/validate',
        headers: { 'content-type': 'text/yaml' },
        payload: 'name: x\ninterconnectMw: [80\n',
      });
      assert.equal(broken.statusCode, 400);
      const issue = broken.json<{ issues: { path: string; message: string; line?: number }[] }>().issues[0];
      assert.equal(issue?.path, 'body');
      assert.match(issue?.message ?? '', /^invalid YAML/);
      assert.equal(typeof issue?.line, 'number');
      const other = await app.inject({
        method: 'POST',
        url: '/api/sites',
        headers: { 'content-type': 'text/csv' },
        payload: 'a,b',
      });
      assert.equal(other.statusCode, 415);
      assert.equal(other.json<{ error: string }>().error, 'unsupported media type');
    });

    it('publishes an OpenAPI 3 document whose schemas come from the zod schemas', async () => {
      const res = await app.inject({ method: 'GET', url: '/api/openapi.json' });
      assert.equal(res.statusCode, 200);
      const doc = res.json<{
        openapi: string;
        paths: Record<
          string,
          Record<string, { requestBody?: { content: Record<string, { schema: Json }> } }>
        >;
        components: { schemas: Record<string, Json> };
      }>();
      assert.match(doc.openapi, /^3\./);
      for (const path of [
        '/api/health',
        '/api/catalog/asics',
        '/api/catalog/gpus',
        '/api/quotes/hashprice',
        '/api/quotes/breakeven',
        '/api/scenarios',
        '/api/scenarios/{id}',
        '/api/scenarios/validate',
        '/api/scenarios/{id}/runs',
        '/api/runs/{id}',
        '/api/sites',
        '/api/sites/{id}',
        '/api/sites/{id}/dispatch',
        '/api/dispatch',
      ])
        assert.ok(doc.paths[path], `missing ${path}`);
      assert.equal(doc.paths['/api/docs'], undefined, 'the docs page itself is not an API path');
      // the hashprice request schema is zod's, with its bounds and units
      const text = JSON.stringify(doc);
      assert.match(text, /"exclusiveMinimum":true|"exclusiveMinimum":0/);
      assert.ok(text.includes('USD/BTC'), 'unit metadata from the zod schema is carried into the document');
      const schemaNames = Object.keys(doc.components.schemas);
      assert.ok(
        schemaNames.some((n) => n.startsWith('Site')),
        schemaNames.join(','),
      );
      assert.ok(
        schemaNames.some((n) => n.startsWith('AsicModel')),
        schemaNames.join(','),
      );
      const refs = [...text.matchAll(/"\$ref":"#\/components\/schemas\/([^"]+)"/g)].map((m) => m[1] ?? '');
      assert.ok(refs.length > 10, `only ${refs.length} refs`);
      for (const ref of refs) assert.ok(doc.components.schemas[ref], `dangling $ref ${ref}`);
      const docs = await app.inject({ method: 'GET', url: '/api/docs/' });
      assert.equal(docs.statusCode, 200);
      assert.match(docs.body, /swagger/i);
    });

    it('answers / with how to build the dashboard when web/dist is missing', async () => {
      const res = await app.inject({ method: 'GET', url: '/' });
      assert.equal(res.statusCode, 200);
      assert.match(String(res.headers['content-type']), /text\/html/);
      assert.match(res.body, /npm run build:web/);
    });
  });
}
