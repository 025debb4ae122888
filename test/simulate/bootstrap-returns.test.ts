import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { loadReturns } from '../../src/jobs/simulate-pool.ts';
import type { Scenario } from '../../src/schema/scenario.ts';

describe('bootstrap daily log-returns from a Coin Metrics CSV', () => {
  it('takes returns only between consecutive days: a gap in the file is not a one-day move', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'mullet-boot-'));
    try {
      const file = join(dir, 'gap.csv');
      // 01-01 → 01-02 is a day (+10 %); 01-02 → 01-10 spans 8 days (×2) and must not be resampled as one
      writeFileSync(
        file,
        'date,price_usd,difficulty,fees_btc,blocks,subsidy_btc\n' +
          '2019-01-01,100,1,1,144,1800\n2019-01-02,110,1,1,144,1800\n' +
          '2019-01-10,220,1,1,144,1800\n2019-01-11,231,1,1,144,1800\n',
      );
      const scenario = {
        market: { price: { model: 'bootstrap', coinMetricsCsv: file, blockDays: 1 } },
      } as unknown as Scenario;
      const returns = await loadReturns(scenario);
      assert.deepEqual([...returns!], [Math.log(110 / 100), Math.log(231 / 220)]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
