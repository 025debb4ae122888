import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  formatBtc,
  formatCount,
  formatEhs,
  formatMw,
  formatMwh,
  formatPercent,
  formatUsd,
  formatUsdCents,
  formatUsdCompact,
} from './number.ts';

describe('number formats', () => {
  it('formatUsd shows whole dollars with thousands separators and a sign', () => {
    assert.equal(formatUsd(1234567.89), '$1,234,568');
    assert.equal(formatUsd(-2500), '-$2,500');
    assert.equal(formatUsd(0), '$0');
  });

  it('formatUsd shows a dash for values that are not finite', () => {
    assert.equal(formatUsd(Number.NaN), '—');
    assert.equal(formatUsd(Number.POSITIVE_INFINITY), '—');
    assert.equal(formatBtc(null), '—');
    assert.equal(formatPercent(undefined), '—');
  });

  it('formatUsdCents keeps two decimals for unit prices', () => {
    assert.equal(formatUsdCents(34.2), '$34.20');
    assert.equal(formatUsdCents(-5.005), '-$5.01');
  });

  it('formatUsdCompact shortens axis labels to k, M, B', () => {
    assert.equal(formatUsdCompact(1_250_000), '$1.3M');
    assert.equal(formatUsdCompact(350_000), '$350k');
    assert.equal(formatUsdCompact(-2_100_000_000), '-$2.1B');
    assert.equal(formatUsdCompact(2_000_000), '$2M');
    assert.equal(formatUsdCompact(42.5), '$42.5');
    assert.equal(formatUsdCompact(0), '$0');
  });

  it('formatBtc shows four decimals and the unit', () => {
    assert.equal(formatBtc(1234.56789), '1,234.5679 BTC');
    assert.equal(formatBtc(0.5), '0.5000 BTC');
  });

  it('formatEhs shows one decimal and EH/s', () => {
    assert.equal(formatEhs(612.345), '612.3 EH/s');
  });

  it('formatPercent gives small shares more decimals', () => {
    assert.equal(formatPercent(0.123), '12.3%');
    assert.equal(formatPercent(0.0456), '4.56%');
    assert.equal(formatPercent(0.00456), '0.456%');
    assert.equal(formatPercent(0), '0.0%');
  });

  it('formatMw, formatMwh and formatCount carry separators and units', () => {
    assert.equal(formatMw(12.5), '12.5 MW');
    assert.equal(formatMwh(1234567.4), '1,234,567 MWh');
    assert.equal(formatCount(10000), '10,000');
  });
});
