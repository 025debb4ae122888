import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { runCli as mullet } from './run-cli.ts';

describe('mullet catalog', () => {
  it('prints the ASIC table by default: a header, a rule, and one line per model', async () => {
    const { code, stdout } = await mullet('catalog', 'asics');
    assert.equal(code, 0);
    const lines = stdout.split('\n');
    assert.match(lines[0]!, /^manufacturer\s+model\s+year\s+TH\/s\s+W\s+J\/TH$/);
    assert.match(stdout, /^Bitmain\s+Antminer S21\s+2024\s+200\s+3500\s+17\.5$/m);
    assert.ok(lines.filter((l) => /^(Bitmain|MicroBT|Canaan|Bitdeer)\s/.test(l)).length >= 25);
  });

  it('prints every ASIC row with its source as one JSON array', async () => {
    const { stdout } = await mullet('catalog', 'asics', '--json');
    const rows = JSON.parse(stdout) as { model: string; source: string }[];
    assert.ok(rows.length >= 25);
    assert.ok(rows.every((r) => r.source.length > 0));
  });

  it('prints GPU systems with derived GPUs per MW and their price sources', async () => {
    const text = await mullet('catalog', 'gpus');
    assert.equal(text.code, 0);
    // DGX H100: 10.2 kW / 8 = 1.275 kW per GPU → 784 GPUs per MW; $3.99 per GPU-hour (Lambda)
    assert.match(
      text.stdout,
      /^NVIDIA\s+DGX H100\s+H100 SXM5 80GB\s+8\s+700\s+10\.2\s+1\.275\s+784\s+3\.99\s*$/m,
    );
    const rows = JSON.parse((await mullet('catalog', 'gpus', '--json')).stdout) as {
      model: string;
      gpusPerItMw: number;
      priceSource: string;
    }[];
    assert.ok(rows.length >= 8);
    assert.ok(rows.every((r) => r.gpusPerItMw > 0 && r.priceSource.length > 0));
  });

  it('exits 2 for an unknown catalog', async () => {
    const { code, stderr, stdout } = await mullet('catalog', 'fpgas');
    assert.equal(code, 2);
    assert.equal(stdout, '');
    assert.match(stderr, /'fpgas' is invalid .* asics, gpus/);
  });
});
