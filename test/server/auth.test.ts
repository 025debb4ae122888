import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { isLoopbackHost } from '../../src/server/auth.ts';
import { openTestStore, siteDoc, testServer } from './fixtures.ts';

describe('API token', () => {
  let app: FastifyInstance;
  let dispose: () => Promise<void>;
  const token = 's3cret-token';
  before(async () => {
    const opened = await openTestStore('postgres');
    dispose = opened.dispose;
    app = await testServer(opened.store, { apiToken: token });
  });
  after(async () => {
    await app.close();
    await dispose();
  });

  it('lets reads through without a token', async () => {
    assert.equal((await app.inject({ method: 'GET', url: '/api/health' })).statusCode, 200);
    assert.equal((await app.inject({ method: 'GET', url: '/api/sites' })).statusCode, 200);
  });

  it('answers 401 to every write without the right bearer token, and stores nothing', async () => {
    for (const authorization of [undefined, 'Bearer wrong', `Basic ${token}`, token, 'Bearer ']) {
      for (const [method, url] of [
        ['POST', '/api/sites'],
        ['PUT', '/api/sites/x'],
        ['DELETE', '/api/sites/x'],
        ['POST', '/api/quotes/hashprice'],
      ] as const) {
        const res = await app.inject({
          method,
          url,
          payload: siteDoc(),
          ...(authorization === undefined ? {} : { headers: { authorization } }),
        });
        assert.equal(res.statusCode, 401, `${method} ${url} with ${authorization}`);
        assert.deepEqual(res.json(), { error: 'unauthorized' });
        assert.equal(res.headers['www-authenticate'], 'Bearer');
      }
    }
    assert.deepEqual((await app.inject({ method: 'GET', url: '/api/sites' })).json(), []);
  });

  it('accepts writes with the token', async () => {
    const res = await app.inject({
      method: 'POST',
      url: '/api/sites',
      payload: siteDoc(),
      headers: { authorization: `Bearer ${token}` },
    });
    assert.equal(res.statusCode, 201);
  });

  it('treats only loopback addresses as safe to bind without a token', () => {
    for (const host of ['127.0.0.1', '127.1.2.3', 'localhost', '::1', '[::1]'])
      assert.ok(isLoopbackHost(host), host);
    for (const host of ['0.0.0.0', '::', '192.168.1.5', 'example.com', '128.0.0.1', '127.0.0.1.evil.com'])
      assert.ok(!isLoopbackHost(host), host);
  });
});
