import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { type ChunkResult, simulateChunk } from '../../src/core/simulate/chunk.ts';
import { compileScenario } from '../../src/core/simulate/compile.ts';
import { parseScenarioText } from '../../src/data/scenario-file.ts';
import { loadNativeKernel, mathMismatch } from '../../src/jobs/native-kernel.ts';
import { loadReturns, runSimulation } from '../../src/jobs/simulate-pool.ts';
import { parseScenario, type Scenario } from '../../src/schema/scenario.ts';
import { frozenScenarioDocument } from '../simulate/scenarios.ts';

// The native kernel (native/src) against the JavaScript one (src/core/simulate/chunk.ts + step-*.ts): every
// number a chunk hands back — per-path finals, monthly sums, the band sample and its flows, halving days — must
// be the same 64 bits. Scenarios cover both price models, jumps, halvings inside the run, reinvestment with
// retirements and conversions, tenant defaults, path counts that are not a multiple of the 8 lanes (and fewer
// than 8), and horizons that are not a multiple of the 12-month batches.
// On CI the addon must be there (the machine has g++): a silent fall-back would leave this file untested.

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const kernel = loadNativeKernel();
const skip = kernel ? false : 'the native kernel is not built (scripts/build-native.sh needs g++)';

// the build script's condition: g++ targeting AVX-512 F and DQ
const macros = String(
  spawnSync('g++', ['-march=native', '-dM', '-E', '-x', 'c++', '/dev/null']).stdout ?? '',
);
const buildable = /__AVX512F__/.test(macros) && /__AVX512DQ__/.test(macros);

it('the native kernel is built on CI', {
  skip: !process.env.CI ? 'not CI' : !buildable ? 'no g++ or AVX-512' : false,
}, () => {
  assert.ok(kernel, 'CI=true but build/native/mullet_kernel.node did not load: see scripts/build-native.sh');
});

function example(name: string): Scenario {
  const file = join(ROOT, 'examples', name);
  return parseScenarioText(readFileSync(file, 'utf8'), file);
}

const ARRAYS = ['variantFinals', 'networkFinals', 'netSums', 'varSums'] as const;
const SAMPLES = ['netSample', 'varSample'] as const;
const SUMMARY = ['netBands', 'slotBands', 'flowSample'] as const;

/** Index and both values of the first element whose bits differ, or undefined. */
function firstDifference(a: Float64Array, b: Float64Array): string | undefined {
  if (a.length !== b.length) return `lengths ${a.length} vs ${b.length}`;
  for (let i = 0; i < a.length; i++)
    if (!Object.is(a[i], b[i])) return `at ${i}: js ${a[i]} vs native ${b[i]}`;
  return undefined;
}

function assertSameBits(js: ChunkResult, native: ChunkResult, label: string): void {
  for (const key of ARRAYS) assert.equal(firstDifference(js[key], native[key]), undefined, `${label} ${key}`);
  assert.equal(Boolean(js.sampleSummary), Boolean(native.sampleSummary));
  if (js.sampleSummary && native.sampleSummary)
    for (const key of SUMMARY)
      assert.equal(
        firstDifference(js.sampleSummary[key], native.sampleSummary[key]),
        undefined,
        `${label} ${key}`,
      );
  assert.equal(Boolean(js.sample), Boolean(native.sample));
  if (js.sample && native.sample)
    for (const key of SAMPLES)
      assert.equal(firstDifference(js.sample[key], native.sample[key]), undefined, `${label} ${key}`);
}

async function compare(
  scenario: Scenario,
  options: { paths: number; months: number; seed?: number },
  chunks: number[],
) {
  const dailyLogReturns = await loadReturns(scenario);
  const compiled = compileScenario(scenario, { ...options, ...(dailyLogReturns ? { dailyLogReturns } : {}) });
  for (const chunk of chunks) {
    const js = simulateChunk(compiled, chunk, { keepSample: true });
    const native = simulateChunk(compiled, chunk, { keepSample: true, kernel: kernel!.runChunk });
    assertSameBits(js, native, `${scenario.name} chunk ${chunk}`);
  }
}

describe('native chunk = JavaScript chunk, bit for bit', { skip }, () => {
  it('mid-size example: 7 variants, reinvestment, conversions, sample chunk and a partial chunk', async () => {
    // 4,096 + 1,001 paths: chunk 1 has 1,001 (125 blocks of 8 and one lane); 30 months: two batches and a half
    await compare(example('mid-size-miner.yaml'), { paths: 5097, months: 30 }, [0, 1]);
  });

  it('mid-size example over 120 months (halvings in 2028 and 2032) on a later chunk', async () => {
    await compare(example('mid-size-miner.yaml'), { paths: 4096 * 3 + 40, months: 120, seed: 99 }, [3]);
  });

  it('small hodler example, fewer paths than lanes', async () => {
    await compare(example('small-hodler.yaml'), { paths: 5, months: 13 }, [0]);
  });

  it('block bootstrap of real daily returns (Coin Metrics CSV)', async (t) => {
    const scenario = example('bootstrap-price.yaml');
    const price = scenario.market.price;
    if (price.model !== 'bootstrap') throw new Error('expected a bootstrap example');
    // the example names the file beside the repo (../shared/data), resolved against the example's folder
    const file = price.coinMetricsCsv;
    if (!existsSync(file)) return t.skip(`no Coin Metrics CSV at ${file}`);
    await compare(scenario, { paths: 300, months: 25 }, [0]);
  });

  it('frozen world (closed-form scenario) and a tenant-default hazard with project financing', async () => {
    await compare(parseScenario(frozenScenarioDocument()), { paths: 17, months: 12 }, [0]);
    const mid = example('mid-size-miner.yaml');
    const strategies = mid.strategies.map((s) => ({
      ...s,
      conversions: (s.conversions ?? []).map((c) => ({ ...c, tenantDefaultPerYear: 0.2 })),
    }));
    await compare({ ...mid, strategies }, { paths: 1000, months: 40 }, [0]);
  });
});

describe('a whole run (worker threads, summary): the same JSON on either kernel', { skip }, () => {
  it('mid-size example, 6,000 paths × 36 months, 2 threads', async () => {
    const scenario = example('mid-size-miner.yaml');
    const before = process.env.MULLET_KERNEL;
    const run = async (kernel: string) => {
      process.env.MULLET_KERNEL = kernel;
      return JSON.stringify(await runSimulation(scenario, { paths: 6000, months: 36, threads: 2 }));
    };
    try {
      const js = await run('js');
      const native = await run('native');
      assert.ok(js.length > 10_000);
      assert.equal(native, js);
    } finally {
      if (before === undefined) delete process.env.MULLET_KERNEL;
      else process.env.MULLET_KERNEL = before;
    }
  });
});

describe('the loader refuses a kernel whose exp/log round differently from this Node', () => {
  it('finds the first differing value (a fake kernel one ulp off on one log)', () => {
    const honest = (xs: Float64Array, out: Float64Array) => {
      for (let i = 0; i < xs.length; i++) {
        out[2 * i] = Math.exp(xs[i]!);
        out[2 * i + 1] = Math.log(xs[i]!);
      }
    };
    assert.equal(mathMismatch({ mathProbe: honest }), undefined);
    const offByOne = (xs: Float64Array, out: Float64Array) => {
      honest(xs, out);
      const bits = new BigUint64Array(out.buffer);
      bits[2 * 14 + 1]! += 1n; // the log of the 15th probe value (a log price), one unit in the last place up
    };
    assert.match(mathMismatch({ mathProbe: offByOne }) ?? '', /^log\(/);
  });

  it('the built kernel matches this Node', { skip }, () => {
    assert.equal(mathMismatch(kernel!), undefined);
  });
});

describe('native chunk inputs', { skip }, () => {
  it('refuses flows whose layout it cannot know, naming the array, instead of writing with a wrong stride', () => {
    const compiled = compileScenario(example('mid-size-miner.yaml'), { paths: 200, months: 13 });
    const withFlows = (flowSample: (length: number) => Float64Array) =>
      simulateChunk(compiled, 0, {
        kernel: (c, io) => kernel!.runChunk(c, { ...io, flowSample: flowSample(io.flowSample.length) }),
      });
    assert.throws(() => withFlows((length) => new Float64Array(length + 1)), /io\.flowSample/);
    // more paths' flows than the chunk samples
    assert.throws(() => withFlows((length) => new Float64Array(length * 2)), /io\.flowSample/);
    // the first 100 paths' flows: a shorter stride is still a layout (fewer IRR paths), written as such
    let half = new Float64Array(0);
    withFlows((length) => {
      half = new Float64Array(length / 2);
      return half;
    });
    const all = simulateChunk(compiled, 0).sampleSummary!.flowSample;
    const T1 = compiled.months + 1;
    for (let row = 0; row < compiled.sampledVariants * T1; row++)
      for (let p = 0; p < 100; p += 33)
        assert.equal(half[row * 100 + p], all[row * 200 + p], `row ${row} path ${p}`);
  });
});
