import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import {
  constantGrowthPath,
  halvingEra,
  halvingHeight,
  nextHalvingHeight,
  projectHalvings,
} from './halving.ts';
import { TARGET_TIMESPAN_S } from './retarget.ts';

const DATA_DIR =
  process.env.MULLET_SHARED_DATA ?? fileURLToPath(new URL('../../../../shared/data/', import.meta.url));
const FOUR_DAY = `${DATA_DIR}/btc_network_4day_blockchaincom.csv`;

/** Hash rate (TH/s) at which difficulty D yields exactly one block per 600 s. */
const equilibriumThPerS = (d: number) => (d * 2 ** 32) / 600 / 1e12;

describe('halving heights', () => {
  it('puts the k-th halving at 210,000·k and finds the next one strictly above a height', () => {
    assert.equal(halvingHeight(1), 210_000);
    assert.equal(halvingHeight(4), 840_000);
    assert.equal(halvingHeight(5), 1_050_000);
    assert.equal(nextHalvingHeight(0), 210_000);
    assert.equal(nextHalvingHeight(839_999), 840_000);
    assert.equal(nextHalvingHeight(840_000), 1_050_000);
    assert.equal(halvingEra(839_999), 3);
    assert.equal(halvingEra(840_000), 4);
    assert.throws(() => halvingHeight(0), RangeError);
  });
});

describe('projectHalvings', () => {
  it('takes exactly 600 s per block at the equilibrium hash rate within an epoch', () => {
    const d = 1e14;
    const [h] = projectHalvings(
      { height: 839_990, timeS: 1_000, difficulty: d },
      { stepS: 86_400, hashrateThPerS: [equilibriumThPerS(d)] },
    );
    // 10 blocks · 600 s
    assert.deepEqual(h, { height: 840_000, timeS: 7_000, difficulty: d });
  });

  it('runs blocks at 300 s on twice the hash rate until the retarget, then settles (hand-worked)', () => {
    const d = 8e13;
    const twice = 2 * equilibriumThPerS(d);
    // tip 838,655 is the last block of epoch 415; that epoch took exactly 1,209,600 s, so epoch 416 keeps D.
    const state = { height: 838_655, timeS: 0, difficulty: d, epochStartTimeS: -TARGET_TIMESPAN_S };
    const [first, second] = projectHalvings(state, { stepS: 86_400, hashrateThPerS: [twice] }, 2);
    // 840,000 − 838,655 = 1,345 blocks at 300 s = 403,500 s
    assert.equal(first!.height, 840_000);
    assert.ok(Math.abs(first!.timeS - 403_500) < 1e-6);
    assert.equal(first!.difficulty, d);
    // epoch 416 ends at 840,671: 671 more blocks (840,001 … 840,671) at 300 s; its measured span is 2015 · 300 s, so D ×= 1,209,600 / 604,500
    // and blocks then take 300 · 1,209,600 / 604,500 = 1,209,600 / 2015 s, which keeps every later span at 1,209,600 s.
    // 840,672 … 1,050,000 are 209,329 blocks at that pace.
    const expected = 403_500 + 671 * 300 + (209_329 * 1_209_600) / 2015;
    assert.ok(Math.abs(second!.timeS / expected - 1) < 1e-9, `${second!.timeS} vs ${expected}`);
    assert.ok(Math.abs(second!.difficulty / ((d * 1_209_600) / 604_500) - 1) < 1e-9);
  });

  it('arrives earlier with more hash rate and later with less (fast-check)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1_040_000 }),
        fc.double({ min: 0.2, max: 5, noNaN: true }),
        fc.double({ min: 1.01, max: 3, noNaN: true }),
        (height, scale, more) => {
          const d = 5e13;
          const state = { height, timeS: 0, difficulty: d };
          const slow = projectHalvings(state, {
            stepS: 86_400,
            hashrateThPerS: [scale * equilibriumThPerS(d)],
          });
          const fast = projectHalvings(state, {
            stepS: 86_400,
            hashrateThPerS: [more * scale * equilibriumThPerS(d)],
          });
          return fast[0]!.timeS < slow[0]!.timeS && fast[0]!.height === slow[0]!.height;
        },
      ),
      { numRuns: 60 },
    );
  });

  it('projected the real 2020 and 2024 halvings to within 2 and 4 days from the hash rate path of blockchain.com', {
    skip: existsSync(FOUR_DAY) ? false : `needs ${FOUR_DAY}`,
  }, () => {
    // State at the end of 2019-12-31: height 610,695 (Coin Metrics cumulative BlkCnt), epoch 302's difficulty
    // 12,948,593,420,946.38 (btc_difficulty_retargets.csv). Path: the 7-day-average hash rate every 4 days from
    // 2020-01-01. Actual blocks: 630,000 at 1589225023 (2020-05-11 19:23:43 UTC), 840,000 at 1713571767
    // (2024-04-20 00:09:27 UTC). Tolerance: block luck alone is about ±1 day (√19,305 · 600 s ≈ 23 h) for 2020,
    // and the path is a smoothed, sampled estimate; the 2024 date is 4.3 years out, hence 4 days.
    const rows = readFileSync(FOUR_DAY, 'utf8')
      .trim()
      .split(/\r?\n/)
      .slice(1)
      .map((l) => l.split(','));
    const from = rows.findIndex((r) => r[0] === '2020-01-01');
    const path = { stepS: 4 * 86_400, hashrateThPerS: rows.slice(from).map((r) => Number(r[3])) };
    const state = { height: 610_695, timeS: Date.UTC(2020, 0, 1) / 1000, difficulty: 12948593420946.38 };
    const [h2020, h2024] = projectHalvings(state, path, 2);
    assert.equal(h2020!.height, 630_000);
    assert.ok(Math.abs(h2020!.timeS - 1589225023) < 2 * 86_400, new Date(h2020!.timeS * 1000).toISOString());
    assert.equal(h2024!.height, 840_000);
    assert.ok(Math.abs(h2024!.timeS - 1713571767) < 4 * 86_400, new Date(h2024!.timeS * 1000).toISOString());
  });

  it('builds constant-growth paths', () => {
    const path = constantGrowthPath(600e6, 0.5, 86_400, 2);
    assert.equal(path.hashrateThPerS[0], 600e6);
    // after 365.25 days: 600e6 · 1.5
    assert.ok(Math.abs(path.hashrateThPerS[Math.round(365.25)]! / 900e6 - 1) < 0.002);
    assert.throws(() => constantGrowthPath(0, 0.5, 86_400, 1), RangeError);
    assert.throws(() => projectHalvings({ height: 1, timeS: 0, difficulty: 0 }, path), RangeError);
  });
});
