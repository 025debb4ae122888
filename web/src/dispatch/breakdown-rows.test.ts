import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { DispatchTotals } from '../api/types.ts';
import { breakdownRows, breakdownScaleUsd } from './breakdown-rows.ts';

const totals = (over: Partial<DispatchTotals>): DispatchTotals => ({
  hours: 8760,
  aiMwh: 0,
  miningMwh: 0,
  curtailedMwh: 0,
  btcMined: 0,
  miningRevenueUsd: 0,
  miningPowerCostUsd: 0,
  miningMarginUsd: 0,
  sellBackUsd: 0,
  demandResponseUsd: 0,
  aiRevenueUsd: 0,
  totalMarginUsd: 0,
  ...over,
});

describe('revenue breakdown rows', () => {
  const optimized = totals({
    miningRevenueUsd: 900,
    miningPowerCostUsd: 400,
    sellBackUsd: 120,
    demandResponseUsd: 30,
    aiRevenueUsd: 1000,
    totalMarginUsd: 1650,
  });
  const alwaysOn = totals({
    miningRevenueUsd: 1000,
    miningPowerCostUsd: 700,
    aiRevenueUsd: 1000,
    totalMarginUsd: 1300,
  });

  it('shows power cost as a negative flow, so the lines add up to the total margin', () => {
    const rows = breakdownRows(optimized, alwaysOn);
    const parts = rows.filter((r) => !r.total);
    const total = rows.find((r) => r.total)!;
    assert.equal(
      parts.reduce((s, r) => s + r.optimizedUsd, 0),
      total.optimizedUsd,
    );
    assert.equal(
      parts.reduce((s, r) => s + r.alwaysOnUsd, 0),
      total.alwaysOnUsd,
    );
    assert.equal(rows[1]?.optimizedUsd, -400);
  });

  it('the delta of the total line is the uplift over always-on', () => {
    const total = breakdownRows(optimized, alwaysOn).find((r) => r.total)!;
    assert.equal(total.deltaUsd, 350);
    assert.equal(breakdownRows(optimized, alwaysOn)[1]?.deltaUsd, 300); // 300 USD less power bought
  });

  it('adds an "other" line when the total holds more than the listed flows', () => {
    const withAiPower = { ...optimized, totalMarginUsd: 1450 };
    const rows = breakdownRows(withAiPower, alwaysOn);
    const other = rows.find((r) => r.label.startsWith('other'));
    assert.equal(other?.optimizedUsd, -200);
    assert.equal(other?.alwaysOnUsd, 0);
    assert.equal(breakdownRows(optimized, alwaysOn).length, 6);
  });

  it('breakdownScaleUsd is the largest absolute value, never zero', () => {
    assert.equal(breakdownScaleUsd(breakdownRows(optimized, alwaysOn)), 1650);
    assert.equal(breakdownScaleUsd(breakdownRows(totals({}), totals({}))), 1);
  });
});
