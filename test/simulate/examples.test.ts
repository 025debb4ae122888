import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { simulateSync } from '../../src/core/simulate/engine.ts';
import { parseScenarioText } from '../../src/data/scenario-file.ts';
import { SimulationResult } from '../../src/schema/simulation-result.ts';

const dir = join(import.meta.dirname, '../../examples');
const gbmExamples = readdirSync(dir).filter((f) => f.endsWith('.yaml') && !f.includes('bootstrap'));

describe('shipped example scenarios', () => {
  for (const file of gbmExamples) {
    it(`${file} parses and simulates into a valid SimulationResult (300 paths)`, () => {
      const scenario = parseScenarioText(readFileSync(join(dir, file), 'utf8'), join(dir, file));
      const result = simulateSync(scenario, { paths: 300 });
      SimulationResult.parse(result);
      assert.equal(result.strategies.length, scenario.strategies.length);
      for (const s of result.strategies) {
        assert.ok(Number.isFinite(s.npvUsd.mean), `${s.name}: NPV mean`);
        assert.ok(s.btcHeld.p5 >= 0, `${s.name}: treasury`);
      }
    });
  }

  it('the mid-size example is ~300 MW across 3 Texas sites, 15 EH/s of catalog ASICs, 3 strategies and a frontier', () => {
    const s = parseScenarioText(
      readFileSync(join(dir, 'mid-size-miner.yaml'), 'utf8'),
      'mid-size-miner.yaml',
    );
    assert.equal(
      s.company.sites.reduce((sum, x) => sum + x.interconnectMw, 0),
      310,
    );
    assert.deepEqual(
      s.strategies.map((x) => x.name),
      ['pure-play', 'mullet', 'full-pivot'],
    );
    const r = simulateSync(s, { paths: 50, months: 1 });
    // 14.27 EH/s online (uptime 0.95 of 15.0 EH/s installed) of 800 EH/s
    assert.ok(Math.abs(r.strategies[0]!.series.hashrateEhPerS.p50[0]! - 14.271) < 0.01);
    assert.ok(s.frontier && s.frontier.aiMw.length >= 4);
  });
});
