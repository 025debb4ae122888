import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { AsicModel } from '../../schema/asic-model.ts';
import { GpuSystem } from '../../schema/gpu-system.ts';
import { InputError } from '../errors.ts';
import { findAsicModel } from './asic.ts';
import { ASIC_MODELS } from './asic-catalog.ts';
import { findGpuSystem, gpusPerItMw, itKwPerGpu } from './gpu.ts';
import { GPU_SYSTEMS, SERVER_TO_GPU_POWER_RATIO } from './gpu-catalog.ts';

const normalize = (s: string) => s.toLowerCase().replace(/[\s_-]+/g, '');

function inputErrorOf(fn: () => unknown): InputError {
  try {
    fn();
  } catch (error) {
    assert.ok(error instanceof InputError, `expected an InputError, got ${String(error)}`);
    return error;
  }
  assert.fail('expected an InputError');
}

describe('ASIC catalog', () => {
  it('holds at least 25 models with unique names, each valid against the schema and naming a source', () => {
    assert.ok(ASIC_MODELS.length >= 25, `only ${ASIC_MODELS.length} models`);
    assert.equal(new Set(ASIC_MODELS.map((m) => normalize(m.model))).size, ASIC_MODELS.length);
    for (const model of ASIC_MODELS) AsicModel.parse(model);
  });

  it('states efficiency as W / (TH/s) to 0.01%', () => {
    for (const m of ASIC_MODELS) {
      const derived = m.powerW / m.hashrateThPerS;
      assert.ok(Math.abs(derived - m.efficiencyJPerTh) / derived < 1e-4, `${m.model}: ${derived}`);
    }
  });

  it('finds a model regardless of case and separators, and suggests close names for an unknown one', () => {
    assert.equal(findAsicModel('antminer-s21').powerW, 3500);
    const error = inputErrorOf(() => findAsicModel('Antminer S21 Pro', '--model'));
    assert.equal(error.issues[0]?.path, '--model');
    assert.equal(error.issues[0]?.value, 'Antminer S21 Pro');
    assert.match(error.issues[0]?.message ?? '', /did you mean .*"Antminer S21"/);
  });
});

describe('GPU systems catalog', () => {
  it('holds at least 8 systems with unique names, each valid, with a power source and a price source', () => {
    assert.ok(GPU_SYSTEMS.length >= 8);
    assert.equal(new Set(GPU_SYSTEMS.map((s) => normalize(s.model))).size, GPU_SYSTEMS.length);
    for (const system of GPU_SYSTEMS) {
      GpuSystem.parse(system);
      assert.match(system.source, /https?:\/\//);
      assert.match(system.priceSource, /https?:\/\//);
    }
  });

  it('never draws less at the system than its GPUs alone', () => {
    for (const s of GPU_SYSTEMS)
      assert.ok(s.systemPowerKw >= (s.gpusPerSystem * s.gpuPowerW) / 1000, `${s.model}`);
  });

  it('derives estimated server power as 8 × GPU W × (10.2 kW / 5.6 kW), rounded to 10 W, and says so', () => {
    // DGX H100: 10.2 kW for 8 × 700 W = 5.6 kW → ratio 1.82143
    assert.ok(Math.abs(SERVER_TO_GPU_POWER_RATIO - 1.821428) < 1e-6);
    const estimated = GPU_SYSTEMS.filter((s) => /systemPowerKw is an estimate/.test(s.note ?? ''));
    assert.ok(estimated.length >= 3);
    for (const s of estimated) {
      const expected = (s.gpusPerSystem * s.gpuPowerW * SERVER_TO_GPU_POWER_RATIO) / 1000;
      assert.ok(Math.abs(s.systemPowerKw - expected) <= 0.005 + 1e-9, `${s.model}: ${expected}`);
    }
  });

  it('gives per-GPU IT power and GPUs per MW: DGX H100 is 10.2 / 8 = 1.275 kW, 1000 / 1.275 = 784.3 GPUs', () => {
    const dgx = findGpuSystem('dgx h100');
    assert.equal(itKwPerGpu(dgx), 1.275);
    assert.ok(Math.abs(gpusPerItMw(dgx) - 784.3137) < 1e-3);
  });

  it('suggests the closest names for an unknown system', () => {
    const error = inputErrorOf(() => findGpuSystem('DGX H1000', 'lease.pricing.gpuSystem'));
    assert.equal(error.issues[0]?.path, 'lease.pricing.gpuSystem');
    assert.match(error.issues[0]?.message ?? '', /unknown GPU system; did you mean "DGX H100"/);
  });
});
