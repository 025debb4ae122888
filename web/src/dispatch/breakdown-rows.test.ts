import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { DispatchTotals } from '../api/types.ts';
import { breakdownRows, breakdownScaleUsd } from './breakdown-rows.ts';

const totals = (over: Partial<DispatchTotals>): DispatchTotals => ({
  hours: 8760,
  aiMwh: 0,
  miningMwh: 0,
  curtailedMwh: 0,
  curtailedHours: 0,
  btcMined: 0,
  miningRevenueUsd: 0,
  miningPowerCostUsd: 0,
  miningMarginUsd: 0,
  sellBackUsd: 0,
  ppaUnusedCostUsd: 0,
  fourCpAvoidedUsd: 0,
  ancillaryUsd: 0,
  ancillaryOfferedMwh: 0,
  demandResponseUsd: 0,
  aiRevenueUsd: 0,
  aiPowerCostUsd: 0,
  totalMarginUsd: 0,
  ...over,
});

const labels = (rows: { label: string }[]) => rows.map((r) => r.label);

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

  it('shows costs as negative flows, so the lines add up to the total margin', () => {
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

  it('lists only the flows that carry money, besides mining and AI', () => {
    assert.deepEqual(labels(breakdownRows(optimized, alwaysOn)), [
      'mining revenue',
      'mining power cost',
      'power sold back',
      'demand response',
      'AI/HPC revenue',
      'total margin',
    ]);
    assert.deepEqual(labels(breakdownRows(totals({}), totals({}))), [
      'mining revenue',
      'mining power cost',
      'AI/HPC revenue',
      'total margin',
    ]);
  });

  it('the delta of the total line is the uplift over always-on', () => {
    const rows = breakdownRows(optimized, alwaysOn);
    assert.equal(rows.find((r) => r.total)?.deltaUsd, 350);
    assert.equal(rows[1]?.deltaUsd, 300); // 300 USD less power bought
  });

  it('puts AI power the operator pays (and anything else in the total) on its own line', () => {
    const withAiPower = { ...optimized, aiPowerCostUsd: 200, totalMarginUsd: 1450 };
    const rows = breakdownRows(withAiPower, alwaysOn);
    const other = rows.find((r) => r.label === 'AI power and other');
    assert.equal(other?.optimizedUsd, -200);
    assert.equal(other?.alwaysOnUsd, 0);
  });

  it('breakdownScaleUsd is the largest absolute value, never zero', () => {
    assert.equal(breakdownScaleUsd(breakdownRows(optimized, alwaysOn)), 1650);
    assert.equal(breakdownScaleUsd(breakdownRows(totals({}), totals({}))), 1);
  });
});
