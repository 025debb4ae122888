import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { DispatchResult } from '../../src/schema/dispatch-result.ts';

const root = new URL('../..', import.meta.url).pathname;
const mullet = (...args: string[]) =>
  spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'dispatch', ...args], {
    cwd: root,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
    env: { ...process.env, TZ: 'UTC' },
  });
const SITE = 'examples/sites/west-texas-mullet.yaml';
const PRICES = 'examples/prices/ercot-hb-west-2023-dam.csv';

describe('mullet dispatch (CLI)', () => {
  it('--json prints one DispatchResult with the totals the issue names, and --schedule writes every hour', () => {
    const dir = mkdtempSync(join(tmpdir(), 'mullet-dispatch-'));
    try {
      const out = join(dir, 'schedule.csv');
      const r = mullet('--site', SITE, '--prices', PRICES, '--hashprice', '75', '--json', '--schedule', out);
      assert.equal(r.status, 0, r.stderr);
      const result = DispatchResult.parse(JSON.parse(r.stdout));
      for (const key of [
        'hours',
        'aiMwh',
        'miningMwh',
        'curtailedMwh',
        'btcMined',
        'miningRevenueUsd',
        'miningPowerCostUsd',
        'miningMarginUsd',
        'sellBackUsd',
        'demandResponseUsd',
        'aiRevenueUsd',
        'totalMarginUsd',
      ])
        for (const totals of [result.totals, result.baseline]) assert.ok(key in totals, key);
      assert.equal(result.totals.hours, 8760);
      assert.equal(result.hourly.timeUtc.length, 8760);
      assert.ok(result.upliftUsd > 0);
      const csv = readFileSync(out, 'utf8').trimEnd().split('\n');
      assert.equal(csv.length, 8761);
      assert.match(csv[0]!, /^timestamp_utc,price_usd_per_mwh,ai_mw,tier1_antminer_s21_mw,.*,margin_usd$/);
      assert.match(r.stderr, /8760 rows written/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('tells the operator what flexible mining and demand response were worth', () => {
    const r = mullet('--site', SITE, '--prices', PRICES, '--hashprice', '75');
    assert.equal(r.status, 0, r.stderr);
    assert.match(
      r.stdout,
      /Flexible mining earned [\d,]+ USD more than always-on by curtailing [\d,]+ MWh in [\d,]+ h\./,
    );
    assert.match(r.stdout, /Demand response was worth [\d,]+ USD \(4CP 8,080,534, ancillary [\d,]+\)\./);
    assert.equal(r.stderr, '');
  });

  it('--as-prices replaces the site’s constant capacityUsdPerMwHour instead of being ignored', () => {
    const dir = mkdtempSync(join(tmpdir(), 'mullet-dispatch-'));
    try {
      // RRS cleared at 20 USD/MW-h every hour of 2023-07-01 .. 07-02; the example site says 8 as a constant
      const file = join(dir, 'as.csv');
      const hours = Array.from({ length: 48 }, (_, h) =>
        new Date(Date.UTC(2023, 6, 1, h)).toISOString().replace('.000Z', 'Z'),
      );
      writeFileSync(file, `interval_start_utc,RRS\n${hours.map((t) => `${t},20`).join('\n')}\n`);
      const args = ['--site', SITE, '--prices', PRICES, '--hashprice', '75', '--from', '2023-07-01'];
      const r = mullet(...args, '--to', '2023-07-02', '--as-prices', file, '--json');
      assert.equal(r.status, 0, r.stderr);
      const { totals } = DispatchResult.parse(JSON.parse(r.stdout));
      assert.equal(totals.hours, 48);
      assert.ok(totals.ancillaryOfferedMwh > 0);
      assert.equal(totals.ancillaryUsd, totals.ancillaryOfferedMwh * 20);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('refuses two --as-prices rows in one hour instead of keeping the last silently', () => {
    const dir = mkdtempSync(join(tmpdir(), 'mullet-dispatch-'));
    try {
      const file = join(dir, 'as.csv');
      writeFileSync(
        file,
        'interval_start_utc,RRS\n2023-07-01T00:00:00Z,20\n2023-07-01T00:00:00Z,90\n2023-07-01T01:00:00Z,20\n',
      );
      const args = ['--site', SITE, '--prices', PRICES, '--hashprice', '75', '--from', '2023-07-01'];
      const r = mullet(...args, '--to', '2023-07-01', '--as-prices', file);
      assert.equal(r.status, 2, r.stdout);
      assert.equal(r.stdout, '');
      assert.match(r.stderr, /^mullet: --as-prices: .*one .*per hour.*2023-07-01T00:00:00/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('--schedule to a path that cannot be written exits 2 naming the flag, not as an internal error', () => {
    const args = ['--site', SITE, '--prices', PRICES, '--hashprice', '75', '--from', '2023-07-01'];
    const r = mullet(...args, '--to', '2023-07-01', '--schedule', '/nonexistent-dir/out.csv');
    assert.equal(r.status, 2);
    assert.equal(r.stdout, '');
    assert.equal(
      r.stderr,
      'mullet: --schedule: cannot write the file (ENOENT), got "/nonexistent-dir/out.csv"\n',
    );
  });

  it('exits 2 with one line per bad input, naming the flag', () => {
    const r = mullet('--site', SITE, '--prices', PRICES, '--hashprice', 'abc', '--node', 'HB_WST');
    assert.equal(r.status, 2);
    assert.equal(r.stdout, '');
    const lines = r.stderr.trim().split('\n');
    assert.equal(lines.length, 1);
    assert.match(lines[0]!, /^mullet: (--hashprice|--node): /);
  });
});
