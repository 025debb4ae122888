import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { hashpriceBtcPerPhDay, hashpriceUsdPerPhDay } from './hashprice.ts';

describe('hashprice', () => {
  it('matches the worked example of MODEL.md: D=1e14, reward 3.225 BTC, $60,000', () => {
    // 1e15 * 86400 * 3.225 / (1e14 * 2^32) = 2.7864e20 / 4.294967296e23 = 6.487593e-4 BTC; x 60,000 = 38.9256 USD
    assert.ok(Math.abs(hashpriceBtcPerPhDay(1e14, 3.225) - 6.487593e-4) < 1e-9);
    assert.ok(Math.abs(hashpriceUsdPerPhDay(1e14, 3.225, 60_000) - 38.9256) < 1e-4);
  });
});
