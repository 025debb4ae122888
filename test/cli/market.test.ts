import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { resolveMarket } from '../../src/cli/market.ts';
import { InputError } from '../../src/core/errors.ts';
import { serveMempool } from '../fixtures/mempool/serve.ts';
import { runCli as run } from './run-cli.ts';

const close = (got: number, want: number, relTol: number) =>
  assert.ok(Math.abs(got / want - 1) <= relTol, `got ${got}, want ${want} (±${relTol} relative)`);

describe('--live: the mempool.space REST API (recorded responses on a local server)', () => {
  it('builds the market from /api/v1/blocks, /api/v1/mining/reward-stats/144 and /api/v1/prices', async () => {
    const server = await serveMempool();
    try {
      const r = await run('hashprice', '--live', '--mempool-url', server.url, '--json');
      assert.equal(r.code, 0, r.stderr);
      const json = JSON.parse(r.stdout);
      // tip 730,000 → the block being mined is 730,001: subsidy 6.25 BTC (era 3)
      // fees 1,311,748,254 sat over blocks 736,556…736,655 (100) = 0.1311748254 BTC/block → reward 6.3811748254
      // D 28587155782195.1: 8.64e19 · 6.3811748254 / (28587155782195.1 · 2^32 = 1.2278089917e23)
      // = 5.5133350491e20 / 1.2278089917e23 = 4.4903850e-3 BTC/PH/day; × $43,753 = 196.46781 USD/PH/day
      assert.equal(json.height, 730_001);
      assert.equal(json.subsidyBtc, 6.25);
      close(json.feesBtcPerBlock, 0.1311748254, 1e-12);
      assert.equal(json.difficulty, 28587155782195.1);
      assert.equal(json.priceUsd, 43753);
      close(json.btcPerPhDay, 4.490385e-3, 1e-7);
      close(json.usdPerPhDay, 196.46781, 1e-7);
      assert.equal(json.source, `mempool ${server.url} tip 730000`);
      assert.deepEqual([...server.requests].sort(), [
        '/api/v1/blocks',
        '/api/v1/mining/reward-stats/144',
        '/api/v1/prices',
      ]);
    } finally {
      await server.close();
    }
  });

  it('accepts a base URL ending in /api and lets flags override live figures', async () => {
    const server = await serveMempool();
    try {
      const market = await resolveMarket({
        live: true,
        mempoolUrl: `${server.url}/api/`,
        price: '50000',
        height: '840000',
      });
      assert.equal(market.priceUsd, 50000);
      assert.equal(market.height, 840_000);
      assert.equal(market.subsidyBtc, 3.125);
      assert.equal(market.difficulty, 28587155782195.1);
      assert.match(market.source, /overridden by --price --height$/);
    } finally {
      await server.close();
    }
  });

  it('exits 2 with one line when the server cannot be reached', async () => {
    const server = await serveMempool();
    await server.close(); // the port is now closed
    const r = await run('hashprice', '--live', '--mempool-url', server.url);
    assert.equal(r.code, 2);
    assert.equal(r.stdout, '');
    assert.match(
      r.stderr,
      /^mullet: --mempool-url: could not reach http:\/\/127\.0\.0\.1:\d+\/api\/v1\/\S+ \(ECONNREFUSED\)\n$/,
    );
  });

  it('exits 2 with one line on an HTTP error, a non-JSON body or a server without a price', async () => {
    const cases: [Record<string, { status?: number; body: string }>, RegExp][] = [
      [
        { '/api/v1/prices': { status: 503, body: 'busy' } },
        /^mullet: --mempool-url: http:\S+\/api\/v1\/prices answered HTTP 503 Service Unavailable\n$/,
      ],
      [
        { '/api/v1/blocks': { body: '<html>maintenance</html>' } },
        /^mullet: mempool \/api\/v1\/blocks: expected a JSON body, got "<html>maintenance<\/html>"\n$/,
      ],
      [
        { '/api/v1/prices': { body: '{"time":1,"USD":-1}' } },
        /^mullet: mempool \/api\/v1\/prices USD: expected a price > 0 USD \(the server has no price yet\), got -1\n$/,
      ],
      [
        { '/api/v1/mining/reward-stats/144': { body: '{"startBlock":1}' } },
        /^mullet: mempool \/api\/v1\/mining\/reward-stats\/144 endBlock: expected a number\n$/,
      ],
    ];
    for (const [overrides, expected] of cases) {
      const server = await serveMempool(overrides);
      try {
        const r = await run('hashprice', '--live', '--mempool-url', server.url);
        assert.equal(r.code, 2, r.stderr);
        assert.match(r.stderr, expected);
      } finally {
        await server.close();
      }
    }
  });

  it('rejects a malformed URL, --mempool-url without --live and --live with --network', async () => {
    const bad = await run('hashprice', '--live', '--mempool-url', 'ftp://example.org');
    assert.equal(bad.code, 2);
    assert.equal(bad.stderr, 'mullet: --mempool-url: expected an http(s) URL, got "ftp://example.org"\n');
    const orphan = await run(
      'hashprice',
      '--mempool-url',
      'http://127.0.0.1:1',
      '--difficulty',
      '1',
      '--price',
      '1',
      '--fees',
      '0',
      '--height',
      '1',
    );
    assert.equal(
      orphan.stderr,
      'mullet: --mempool-url: only applies with --live, got "http://127.0.0.1:1"\n',
    );
    const both = await run('hashprice', '--live', '--network', 'x.csv', '--date', '2019-06-01');
    assert.equal(
      both.stderr,
      'mullet: --live: cannot be combined with --network (choose one market source)\n',
    );
  });
});

describe('resolveMarket (the API other commands use)', () => {
  it('returns the Market of flags with subsidy and reward filled in', async () => {
    assert.deepEqual(
      await resolveMarket({ difficulty: '1e14', price: '60000', fees: '0.1', height: '840000' }),
      {
        difficulty: 1e14,
        priceUsd: 60000,
        feesBtcPerBlock: 0.1,
        height: 840000,
        subsidyBtc: 3.125,
        rewardPerBlockBtc: 3.225,
        source: 'flags',
      },
    );
  });

  it('throws an InputError listing every bad flag at once', async () => {
    await assert.rejects(
      resolveMarket({ difficulty: '0', price: 'x', fees: '-1', height: '-3' }),
      (error: unknown) =>
        error instanceof InputError &&
        error.issues.map((i) => i.path).join(' ') === '--difficulty --price --fees --height',
    );
  });
});
