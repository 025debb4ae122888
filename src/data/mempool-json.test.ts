import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { readFixture } from '../../test/fixtures/mempool/serve.ts';
import { InputError } from '../core/errors.ts';
import { readMempoolPrice, readMempoolRewardStats, readMempoolTip } from './mempool-json.ts';

const json = (name: string): unknown => JSON.parse(readFixture(name));

function issueOf(fn: () => unknown) {
  try {
    fn();
  } catch (error) {
    assert.ok(error instanceof InputError, String(error));
    return error.issues[0]!;
  }
  assert.fail('expected an InputError');
}

describe('mempool.space response readers (recorded docs examples)', () => {
  it('reads the tip of GET /api/v1/blocks: block 730,000 at difficulty 28587155782195.1', () => {
    assert.deepEqual(readMempoolTip(json('api-v1-blocks.json'), 'blocks'), {
      height: 730_000,
      difficulty: 28587155782195.1,
      timestampS: 1648829449,
    });
  });

  it('takes the highest block as the tip, whatever the order', () => {
    const body = [
      { height: 10, difficulty: 1, timestamp: 1 },
      { height: 12, difficulty: 2, timestamp: 3 },
      { height: 11, difficulty: 1, timestamp: 2 },
    ];
    assert.equal(readMempoolTip(body, 'blocks').height, 12);
  });

  it('reads reward stats whose totals are decimal strings', () => {
    assert.deepEqual(readMempoolRewardStats(json('api-v1-mining-reward-stats-144.json'), 'rs'), {
      startBlock: 736556,
      endBlock: 736655,
      totalRewardSat: 63811748254,
      totalFeeSat: 1311748254,
    });
  });

  it('reads the USD price and refuses the backend’s "no price yet" value of -1', () => {
    assert.deepEqual(readMempoolPrice(json('api-v1-prices.json'), 'prices'), {
      timeS: 1703252411,
      priceUsd: 43753,
    });
    const issue = issueOf(() => readMempoolPrice({ time: 1, USD: -1 }, 'mempool /api/v1/prices'));
    assert.equal(issue.path, 'mempool /api/v1/prices USD');
    assert.equal(issue.value, -1);
  });

  it('names the endpoint and field of an unexpected body', () => {
    assert.equal(issueOf(() => readMempoolTip([], 'mempool /api/v1/blocks')).path, 'mempool /api/v1/blocks');
    const issue = issueOf(() => readMempoolTip([{ height: 'x' }], 'mempool /api/v1/blocks'));
    assert.deepEqual([issue.path, issue.value], ['mempool /api/v1/blocks [0].height', 'x']);
    assert.equal(
      issueOf(() => readMempoolRewardStats({ startBlock: 5, endBlock: 4, totalReward: 0, totalFee: 0 }, 'rs'))
        .path,
      'rs endBlock',
    );
    assert.equal(issueOf(() => readMempoolPrice('<html>', 'p')).message, 'expected an object');
  });
});
