import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { AiLease } from '../../schema/ai-lease.ts';
import { InputError } from '../errors.ts';
import { hostingCashFlows } from './hosting.ts';
import { valueMonthlyCashFlows } from './valuation.ts';

const close = (a: number, b: number, tol: number, what: string) =>
  assert.ok(Math.abs(a - b) <= tol, `${what}: ${a} vs ${b}`);

const base = {
  itMw: 10,
  pricing: { kind: 'usd-per-kw-month', usdPerKwMonth: 100 },
  pue: 1.3,
  opexUsdPerMwMonth: 0,
  capexUsdPerMw: 0,
  depreciationYears: 20,
  termMonths: 12,
};

describe('hostingCashFlows', () => {
  it('bills usdPerKwMonth × 1000 × MW each month of the term: 10 MW at $100 = $1,000,000', () => {
    const flows = hostingCashFlows(AiLease.parse(base));
    assert.equal(flows.months, 12);
    assert.equal(flows.gpus, null);
    for (let m = 0; m < 12; m++) assert.equal(flows.cashFlowUsd[m], 1_000_000);
  });

  it('builds, escalates, bills power and opex, and depreciates (hand-worked)', () => {
    const lease = AiLease.parse({
      ...base,
      pricing: { kind: 'usd-per-kw-month', usdPerKwMonth: 120 },
      itLoadFactor: 0.8,
      powerPassThrough: false,
      powerPriceUsdPerMwh: 50,
      opexUsdPerMwMonth: 20_000,
      capexUsdPerMw: 8_000_000,
      depreciationYears: 10,
      termMonths: 24,
      escalatorPerYear: 0.03,
      buildMonths: 6,
    });
    const f = hostingCashFlows(lease);
    assert.equal(f.months, 30);
    // capex 10 MW × $8M = $80M over 6 build months = $13,333,333.33 each; nothing else then
    close(f.capexUsd[0]!, 80e6 / 6, 1e-6, 'capex m0');
    close(f.cashFlowUsd[5]!, -80e6 / 6, 1e-6, 'cash m5');
    assert.equal(f.revenueUsd[5], 0);
    // lease year 1 (months 6-17): 120 × 1000 × 10 = $1.2M; year 2 (18-29): × 1.03 = $1.236M
    close(f.revenueUsd[6]!, 1.2e6, 1e-6, 'rent y1');
    close(f.revenueUsd[17]!, 1.2e6, 1e-6, 'rent y1 end');
    close(f.revenueUsd[18]!, 1.236e6, 1e-6, 'rent y2');
    // power: 10 MW × 0.8 × 1.3 × 730.5 h × $50 = $379,860; opex 10 × 20,000 = $200,000
    close(f.powerCostUsd[6]!, 379_860, 1e-6, 'power');
    close(f.opexUsd[6]!, 200_000, 1e-9, 'opex');
    close(f.ebitdaUsd[6]!, 620_140, 1e-6, 'ebitda');
    close(f.cashFlowUsd[6]!, 620_140, 1e-6, 'cash m6');
    // depreciation: $80M / 120 months = $666,666.67 from the lease start
    assert.equal(f.depreciationUsd[5], 0);
    close(f.depreciationUsd[6]!, 80e6 / 120, 1e-6, 'depreciation');
  });

  it('bills GPU-hours: 1.02 MW of DGX H100 holds 800 GPUs; × $2 × 730.5 h × 75% = $876,600 a month', () => {
    // GPUs = 1.02 MW × 1000 / (10.2 kW / 8) = 800
    const f = hostingCashFlows(
      AiLease.parse({
        ...base,
        itMw: 1.02,
        pricing: {
          kind: 'usd-per-gpu-hour',
          usdPerGpuHour: 2,
          gpuSystem: 'DGX H100',
          utilizationFraction: 0.75,
        },
      }),
    );
    close(f.gpus!, 800, 1e-9, 'gpus');
    close(f.revenueUsd[0]!, 876_600, 1e-6, 'revenue');
  });

  it('names the lease path and suggests systems for an unknown GPU system', () => {
    const lease = AiLease.parse({
      ...base,
      pricing: { kind: 'usd-per-gpu-hour', usdPerGpuHour: 2, gpuSystem: 'DGX B2000', utilizationFraction: 1 },
    });
    assert.throws(
      () => hostingCashFlows(lease, 'site.lease'),
      (e: unknown) =>
        e instanceof InputError &&
        e.issues[0]?.path === 'site.lease.pricing.gpuSystem' &&
        /"DGX B200"/.test(e.issues[0].message),
    );
  });

  it('has an IRR of exactly 1%/month when the capex is the annuity-due value of the rent at 1%', () => {
    // rent R = $1M a month for 12 months from month 0; capex C = R · Σ_{i=0}^{11} 1.01^−i = R · 11.367628 ((1 − 1.01^−12)/0.01 · 1.01)
    const annuityDue = Array.from({ length: 12 }, (_, i) => 1.01 ** -i).reduce((s, x) => s + x, 0);
    close(annuityDue, ((1 - 1.01 ** -12) / 0.01) * 1.01, 1e-12, 'annuity factor');
    const f = hostingCashFlows(AiLease.parse({ ...base, capexUsdPerMw: (1e6 * annuityDue) / 10 }));
    const value = valueMonthlyCashFlows(f.cashFlowUsd, 1.01 ** 12 - 1);
    close(value.npvUsd, 0, 1e-3, 'npv at the irr');
    assert.equal(value.irrStatus, 'ok');
    close(value.irrPerYear!, 1.01 ** 12 - 1, 1e-10, 'irr');
  });
});

describe('valueMonthlyCashFlows', () => {
  it('annualizes the monthly IRR and finds the payback month', () => {
    // [-100, 110]: 10% per month → 1.1^12 − 1 = 2.138428 per year; NPV at 0% = 10; cumulative ≥ 0 from month 1
    const v = valueMonthlyCashFlows([-100, 110], 0);
    close(v.npvUsd, 10, 1e-12, 'npv');
    close(v.irrPerYear!, 1.1 ** 12 - 1, 1e-10, 'irr');
    assert.equal(v.paybackMonth, 1);
    assert.equal(v.totalUsd, 10);
    const never = valueMonthlyCashFlows([-100, 10, 10], 0.1);
    assert.equal(never.paybackMonth, null);
    assert.equal(valueMonthlyCashFlows([5, 5], 0.1).irrStatus, 'no-sign-change');
  });
});
