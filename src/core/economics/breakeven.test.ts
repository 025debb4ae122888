import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { hashpriceUsdPerPhDay } from '../bitcoin/hashprice.ts';
import { breakevenHashpriceUsdPerPhDay, breakevenUsdPerMwh } from './breakeven.ts';
import { miningPnl } from './mining-pnl.ts';
import { DAYS_PER_MONTH } from './periods.ts';

const close = (a: number, b: number, tol: number) => assert.ok(Math.abs(a - b) <= tol, `${a} vs ${b}`);

describe('breakevenUsdPerMwh', () => {
  it("matches MODEL.md's example: $38.9256/PH/day and an S21 at 17.5 J/TH break even at $92.68/MWh", () => {
    // hashprice: 1e15·86400·3.225/(1e14·2^32) · 60,000 = 38.9256; 38.9256·1000/(24·17.5) = 38925.6/420 = 92.680
    const hp = hashpriceUsdPerPhDay(1e14, 3.225, 60_000);
    close(breakevenUsdPerMwh(hp, 17.5), 92.68, 0.005);
  });

  it('is $50/MWh for $24/PH/day at 20 J/TH, scaled by (1 − fee)/PUE, and uptime alone changes nothing', () => {
    // 24·1000/(24·20) = 50; with 2% pool fee and PUE 1.05: 50·0.98/1.05 = 46.6667
    close(breakevenUsdPerMwh(24, 20), 50, 1e-12);
    close(breakevenUsdPerMwh(24, 20, { poolFeeFraction: 0.02, pue: 1.05 }), 46.666_666_666_7, 1e-9);
    close(breakevenUsdPerMwh(24, 20, { uptimeFraction: 0.5 }), 50, 1e-12);
  });

  it('spreads fixed opex over the MWh actually used, so lower uptime lowers the breakeven', () => {
    // a MW-month at uptime 1 is 730.5 MWh: $7,305/MW-month is $10/MWh → 50 − 10 = 40; at uptime 0.5 → 50 − 20
    close(breakevenUsdPerMwh(24, 20, { opexUsdPerMwMonth: 7305 }), 40, 1e-9);
    close(breakevenUsdPerMwh(24, 20, { opexUsdPerMwMonth: 7305, uptimeFraction: 0.5 }), 30, 1e-9);
  });

  it('rejects impossible terms', () => {
    assert.throws(() => breakevenUsdPerMwh(24, 0), RangeError);
    assert.throws(() => breakevenUsdPerMwh(24, 20, { poolFeeFraction: 1 }), RangeError);
    assert.throws(() => breakevenUsdPerMwh(24, 20, { uptimeFraction: 0 }), RangeError);
  });

  it('makes the mining margin zero at that power price (property, against miningPnl)', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 10, max: 200, noNaN: true }),
        fc.double({ min: 5, max: 120, noNaN: true }),
        fc.double({ min: 0, max: 0.05, noNaN: true }),
        fc.double({ min: 0.3, max: 1, noNaN: true }),
        fc.double({ min: 1, max: 1.5, noNaN: true }),
        fc.double({ min: 0, max: 30_000, noNaN: true }),
        (hpUsd, e, poolFeeFraction, uptimeFraction, pue, opexUsdPerMwMonth) => {
          const terms = { poolFeeFraction, uptimeFraction, pue, opexUsdPerMwMonth };
          const price = breakevenUsdPerMwh(hpUsd, e, terms);
          const pnl = miningPnl({
            ...terms,
            opexUsdPerThMonth: 0,
            tiers: [{ thPerS: 1e5, jPerTh: e }],
            hashpriceBtcPerPhDay: hpUsd / 50_000,
            priceUsd: 50_000,
            days: DAYS_PER_MONTH,
            powerPriceUsdPerMwh: price,
          });
          // tolerance: 1e-9 of the gross revenue
          return Math.abs(pnl.marginUsd) <= 1e-9 * pnl.revenueUsd;
        },
      ),
    );
  });

  it('falls as efficiency worsens (J/TH rises) and rises with hashprice (property)', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 1, max: 500, noNaN: true }),
        fc.double({ min: 5, max: 120, noNaN: true }),
        fc.double({ min: 0.01, max: 50, noNaN: true }),
        (hp, e, de) =>
          breakevenUsdPerMwh(hp, e + de, { pue: 1.05 }) < breakevenUsdPerMwh(hp, e, { pue: 1.05 }) &&
          breakevenUsdPerMwh(hp * 1.01, e) > breakevenUsdPerMwh(hp, e),
      ),
    );
  });
});

describe('breakevenHashpriceUsdPerPhDay', () => {
  it('inverts the breakeven power price: $50/MWh at 20 J/TH needs $24/PH/day', () => {
    close(breakevenHashpriceUsdPerPhDay(50, 20), 24, 1e-12);
    fc.assert(
      fc.property(
        fc.double({ min: 1, max: 500, noNaN: true }),
        fc.double({ min: 5, max: 120, noNaN: true }),
        fc.double({ min: 0, max: 20_000, noNaN: true }),
        (hp, e, opex) => {
          const terms = { poolFeeFraction: 0.02, uptimeFraction: 0.9, pue: 1.07, opexUsdPerMwMonth: opex };
          const back = breakevenHashpriceUsdPerPhDay(breakevenUsdPerMwh(hp, e, terms), e, terms);
          return Math.abs(back - hp) <= 1e-9 * hp;
        },
      ),
    );
  });
});
