import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { runCli as mullet } from './run-cli.ts';

describe('mullet example', () => {
  it('prints the worked example with no flags: hashprice, breakeven, a month of P&L, cost per BTC, NPV/IRR', async () => {
    const { code, stdout, stderr } = await mullet('example');
    assert.equal(code, 0, stderr);
    assert.equal(stderr, '');
    // hashprice: 1e15 · 86400 · 3.225 / (1.0203108744e14 · 2^32) · 92,460.13 = $58.79 (core test derives it)
    assert.match(stdout, /Hashprice: \$58\.79 per PH\/s per day/);
    // S21: 58.7903 · 0.98 · 1000 / (24 · 17.5 · 1.05) = 130.645
    assert.match(stdout, /Antminer S21\s+17\.5\s+130\.65\s+earns/);
    assert.match(stdout, /Antminer S9\s+98\s+23\.33\s+loses/);
    assert.match(stdout, /BTC mined after the pool fee\s+97\.30 BTC/);
    assert.match(stdout, /Cost to produce 1 BTC: \$31,847 power only, \$43,502 with opex, \$65,760 all-in/);
    assert.match(stdout, /^\s+mining\s+\$[\d.]+M\s+[\d.]+%\s+month \d+$/m);
    assert.match(stdout, /^\s+AI lease\s+-?\$[\d.]+M\s+[\d.]+%\s+month \d+$/m);
  });

  it('gives the same numbers as one JSON document', async () => {
    const { code, stdout } = await mullet('example', '--json');
    assert.equal(code, 0);
    const x = JSON.parse(stdout) as {
      hashprice: { usdPerPhDay: number };
      mining: { month: { btcMined: number }; valuation: { npvUsd: number; irrPerYear: number } };
      ai: { valuation: { npvUsd: number; irrPerYear: number }; usdPerMwYear: number };
      assumptions: { siteMw: number };
    };
    assert.ok(Math.abs(x.hashprice.usdPerPhDay - 58.7903) < 1e-4);
    assert.ok(Math.abs(x.mining.month.btcMined - 97.2979) < 1e-4);
    assert.equal(x.ai.usdPerMwYear, 1_450_000);
    assert.equal(x.assumptions.siteMw, 100);
    for (const v of [x.mining.valuation, x.ai.valuation]) assert.equal(v.npvUsd > 0, v.irrPerYear > 0.1);
  });

  it('exits 2 on an unknown flag', async () => {
    const { code, stdout } = await mullet('example', '--bogus');
    assert.equal(code, 2);
    assert.equal(stdout, '');
  });

  it('runs from the installed executable bin/mullet.mjs', async () => {
    const root = fileURLToPath(new URL('../..', import.meta.url));
    const stdout = await new Promise<string>((resolve, reject) =>
      execFile(process.execPath, ['bin/mullet.mjs', 'example'], { cwd: root }, (error, out) =>
        error ? reject(error) : resolve(out),
      ),
    );
    assert.match(stdout, /^Mullet worked example/);
  });
});
