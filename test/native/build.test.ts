import assert from 'node:assert/strict';
import { execFile, spawnSync } from 'node:child_process';
import {
  chmodSync,
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { appendFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import {
  KERNEL_ENV,
  loadNativeKernel,
  NATIVE_ABI_VERSION,
  NATIVE_ADDON_ENV,
  nativeKernelPath,
  nativeKernelWorkerEnv,
} from '../../src/jobs/native-kernel.ts';

// scripts/build-native.sh and src/jobs/native-kernel.ts: the optional native kernel builds with g++ into a
// directory of our choosing, rebuilds only when its sources change, loads on the main thread and in workers
// (also from an esbuild bundle, as the simulation pool runs them), and its absence is one line, never a failure.

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const SCRIPT = join(ROOT, 'scripts/build-native.sh');
const SOURCES = join(ROOT, 'native/src');
const ADDON = 'mullet_kernel.node';
const hasGxx = spawnSync('g++', ['--version']).status === 0;
/** The build script's own condition: g++ targets AVX-512 F and DQ on this CPU (else it builds nothing). */
const macros = hasGxx
  ? spawnSync('g++', ['-march=native', '-dM', '-E', '-x', 'c++', '/dev/null']).stdout
  : '';
const hasAvx512 = /__AVX512F__/.test(String(macros)) && /__AVX512DQ__/.test(String(macros));
const noGxx = !hasGxx ? 'g++ is not installed' : hasAvx512 ? false : 'this CPU has no AVX-512';

interface Run {
  code: number;
  stderr: string;
}

/** Runs the build script with the given variables (and none of the caller's MULLET_* or CXX). */
function build(vars: Record<string, string>): Promise<Run> {
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) if (!k.startsWith('MULLET_') && k !== 'CXX') env[k] = v;
  return new Promise((resolve, reject) => {
    execFile('bash', [SCRIPT], { env: { ...env, ...vars }, cwd: tmpdir() }, (error, _stdout, stderr) => {
      const code = error ? error.code : 0;
      if (typeof code !== 'number') reject(error);
      else resolve({ code, stderr });
    });
  });
}

/** Runs `fn` with process.env[key] set to the given values (undefined: unset), restoring them afterwards. */
function withEnv<T>(vars: Record<string, string | undefined>, fn: () => T): T {
  const saved = Object.fromEntries(Object.keys(vars).map((k) => [k, process.env[k]]));
  const apply = (values: Record<string, string | undefined>) => {
    for (const [k, v] of Object.entries(values)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  };
  apply(vars);
  try {
    return fn();
  } finally {
    apply(saved);
  }
}

/** What `fn` writes to stderr (and the value it returns). */
function captureStderr<T>(fn: () => T): { value: T; stderr: string } {
  const write = process.stderr.write;
  let stderr = '';
  process.stderr.write = ((chunk: string | Uint8Array) => {
    stderr += String(chunk);
    return true;
  }) as typeof process.stderr.write;
  try {
    return { value: fn(), stderr };
  } finally {
    process.stderr.write = write;
  }
}

/** A worker running `code` (an ES module); resolves with its first message. */
function workerAnswer(url: URL, env: NodeJS.ProcessEnv): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(url, { env, execArgv: [] });
    worker.once('message', (message) => {
      resolve(message);
      void worker.terminate();
    });
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`worker exited with code ${code} before answering`)));
  });
}

describe('native kernel build (scripts/build-native.sh)', { skip: noGxx }, () => {
  let dir = '';
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'mullet-native-'));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('builds the addon from native/src into an empty directory; it loads in the main thread and in a worker', async () => {
    const out = join(dir, 'clean');
    const run = await build({ MULLET_NATIVE_OUT: out });
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stderr, /building the native kernel/);
    assert.doesNotMatch(run.stderr, /not built/);
    const addon = join(out, ADDON);
    const main = createRequire(addon)(addon) as { abiVersion: number; selfTest(): string };
    assert.equal(main.abiVersion, NATIVE_ABI_VERSION);
    assert.equal(main.selfTest(), 'ok');

    const code =
      `import { createRequire } from 'node:module';\nimport { parentPort } from 'node:worker_threads';\n` +
      `const m = createRequire(${JSON.stringify(addon)})(${JSON.stringify(addon)});\n` +
      `parentPort.postMessage({ abiVersion: m.abiVersion, selfTest: m.selfTest() });\n`;
    const url = new URL(`data:text/javascript,${encodeURIComponent(code)}`);
    assert.deepEqual(await workerAnswer(url, process.env), {
      abiVersion: NATIVE_ABI_VERSION,
      selfTest: 'ok',
    });

    // loadNativeKernel in an esbuild bundle in a data: URL (how the simulation pool runs its workers): the
    // bundle cannot locate the repo from its URL, so the pool passes nativeKernelWorkerEnv() to the worker
    const { build: esbuild } = await import('esbuild');
    const bundled = await esbuild({
      stdin: {
        contents:
          `import { parentPort } from 'node:worker_threads';\n` +
          `import { loadNativeKernel } from ${JSON.stringify(join(ROOT, 'src/jobs/native-kernel.ts'))};\n` +
          `let answer;\ntry { answer = loadNativeKernel()?.selfTest() ?? 'js'; } catch (e) { answer = e.message; }\n` +
          `parentPort.postMessage(answer);\n`,
        resolveDir: ROOT,
        loader: 'ts',
      },
      bundle: true,
      format: 'esm',
      platform: 'node',
      write: false,
      logLevel: 'silent',
    });
    const bundleUrl = new URL(`data:text/javascript,${encodeURIComponent(bundled.outputFiles[0]!.text)}`);
    const base: NodeJS.ProcessEnv = { ...process.env, [KERNEL_ENV]: 'native' };
    delete base[NATIVE_ADDON_ENV];
    const env = nativeKernelWorkerEnv({ ...base, [NATIVE_ADDON_ENV]: addon });
    assert.equal(await workerAnswer(bundleUrl, env), 'ok');
    assert.match(String(await workerAnswer(bundleUrl, base)), /MULLET_KERNEL=native .*MULLET_NATIVE_ADDON/);
  });

  // the probe addon (test/native/probe.cc + napi_util.h) builds in about a second: the rebuild and failure
  // tests use it rather than the whole kernel
  const probeSrc = () => join(dir, 'probe');
  const probeOut = () => join(dir, 'probe-out');

  it('napi_util.h: typed-array, number and property readers, with TypeErrors naming the argument', async () => {
    const src = probeSrc();
    mkdirSync(src);
    copyFileSync(join(SOURCES, 'napi_util.h'), join(src, 'napi_util.h'));
    copyFileSync(fileURLToPath(new URL('./probe.cc', import.meta.url)), join(src, 'probe.cc'));
    const run = await build({ MULLET_NATIVE_SRC: src, MULLET_NATIVE_OUT: probeOut() });
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stderr, /building/);
    assert.doesNotMatch(run.stderr, /warning/);
    const path = join(probeOut(), ADDON);
    type Probe = {
      sums(...args: unknown[]): number;
      scaled(...args: unknown[]): Float64Array;
      fails(): never;
    };
    const probe = createRequire(path)(path) as Probe;

    assert.equal(
      probe.sums(new Float64Array([1.5]), new Int32Array([-2]), new Uint32Array([4e9])),
      4e9 - 0.5,
    );
    const obj = { xs: new Float64Array([1, 2]), ns: new Int32Array([1, 1]), us: new Uint32Array([0, 1]) };
    assert.deepEqual(probe.scaled(2, { ...obj, offset: 0.5 }), new Float64Array([4.5, 8.5]));

    const typeError = (fn: () => unknown, message: string) =>
      assert.throws(fn, (e: unknown) => e instanceof TypeError && e.message === message);
    typeError(() => probe.sums(new Int32Array(1)), 'argument 0: expected a Float64Array, got Int32Array');
    typeError(() => probe.sums(new Float64Array(1), [1]), 'argument 1: expected an Int32Array, got Array');
    typeError(
      () => probe.sums(new Float64Array(1), new Int32Array(1)),
      'argument 2: expected a Uint32Array, got undefined',
    );
    typeError(() => probe.scaled('2', obj), 'argument 0: expected a number, got string');
    typeError(() => probe.scaled(2, null), 'argument 1: expected an object, got null');
    typeError(() => probe.scaled(2, { ...obj, ns: 1 }), 'argument 1 .ns: expected an Int32Array, got number');
    typeError(() => probe.scaled(2, obj), 'argument 1 .offset: expected a number, got undefined');
    assert.throws(() => probe.fails(), { name: 'Error', message: 'probe failure' });

    // the loader ignores an addon of another abiVersion: one warning, once; MULLET_KERNEL=native throws
    const ignored = captureStderr(() =>
      withEnv({ [NATIVE_ADDON_ENV]: path, [KERNEL_ENV]: undefined }, () => [
        loadNativeKernel(),
        loadNativeKernel(),
      ]),
    );
    assert.deepEqual(ignored.value, [undefined, undefined]);
    assert.match(
      ignored.stderr,
      /^mullet: native kernel ignored: .* has abiVersion 99, this code expects \d+ .*\n$/,
    );
    withEnv({ [NATIVE_ADDON_ENV]: path, [KERNEL_ENV]: 'native' }, () =>
      assert.throws(
        () => loadNativeKernel(),
        /MULLET_KERNEL=native but the native kernel is unavailable: .*abiVersion 99/,
      ),
    );
  });

  it('rebuilds only when a source changed (stamp over the contents, flags, node and g++ versions)', async () => {
    const vars = { MULLET_NATIVE_SRC: probeSrc(), MULLET_NATIVE_OUT: probeOut() };
    const addon = join(probeOut(), ADDON);
    const first = statSync(addon).mtimeMs;
    const again = await build(vars);
    assert.deepEqual(again, { code: 0, stderr: '' }, 'an up-to-date build does nothing');
    assert.equal(statSync(addon).mtimeMs, first);

    await appendFile(join(probeSrc(), 'probe.cc'), '\n// touched by the test\n');
    const rebuilt = await build(vars);
    assert.equal(rebuilt.code, 0, rebuilt.stderr);
    assert.match(rebuilt.stderr, /building/);
    assert.notEqual(statSync(addon).mtimeMs, first);
  });

  it('a source that does not compile: one line naming the error, no addon left behind; exit 1 when required', async () => {
    const vars = { MULLET_NATIVE_SRC: probeSrc(), MULLET_NATIVE_OUT: probeOut() };
    assert.ok(existsSync(join(probeOut(), ADDON)));
    await appendFile(join(probeSrc(), 'probe.cc'), '\nint broken = undeclared_name;\n');
    const run = await build(vars);
    assert.equal(run.code, 0);
    const lines = run.stderr.trim().split('\n');
    assert.equal(lines.length, 2, run.stderr); // "building ..." and the notice
    assert.match(
      lines[1]!,
      /^native kernel not built: g\+\+ failed on .*probe\.cc: .*undeclared_name.*; the JavaScript kernel will be used$/,
    );
    assert.ok(!existsSync(join(probeOut(), ADDON)), 'a stale addon must not survive a failed build');

    const required = await build({ ...vars, MULLET_NATIVE: 'require' });
    assert.equal(required.code, 1);
    assert.match(required.stderr, /native kernel not built: g\+\+ failed .*\(MULLET_NATIVE=require\)/);
  });
});

describe('native kernel absent', () => {
  let dir = '';
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'mullet-native-'));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('without g++ on PATH the script prints one line and exits 0 (1 with MULLET_NATIVE=require)', async () => {
    // a PATH with every program of the real one but g++
    const bin = join(dir, 'bin');
    mkdirSync(bin);
    for (const d of (process.env.PATH ?? '').split(delimiter)) {
      if (!d || !existsSync(d)) continue;
      for (const name of readdirSync(d)) {
        if (name === 'g++' || existsSync(join(bin, name))) continue;
        symlinkSync(join(d, name), join(bin, name));
      }
    }
    const out = join(dir, 'out');
    const run = await build({ PATH: bin, MULLET_NATIVE_OUT: out });
    assert.deepEqual(run, {
      code: 0,
      stderr: 'native kernel not built: g++ not found on PATH; the JavaScript kernel will be used\n',
    });
    assert.ok(!existsSync(join(out, ADDON)));
    const required = await build({ PATH: bin, MULLET_NATIVE_OUT: out, MULLET_NATIVE: 'require' });
    assert.deepEqual(required, {
      code: 1,
      stderr: 'native kernel not built: g++ not found on PATH (MULLET_NATIVE=require)\n',
    });
  });

  it('on a CPU without AVX-512 the script prints one line and builds nothing (a g++ that reports none)', async () => {
    // a g++ whose -march=native targets plain x86-64: the real one, with the AVX-512 macros filtered out
    const bin = join(dir, 'fake-gxx');
    mkdirSync(bin);
    const real = spawnSync('bash', ['-c', 'command -v g++']).stdout.toString().trim() || '/usr/bin/g++';
    const wrapper = join(bin, 'g++');
    writeFileSync(
      wrapper,
      `#!/usr/bin/env bash\nif [ "$*" = "-march=native -dM -E -x c++ /dev/null" ]; then "${real}" "$@" | grep -v AVX512; exit 0; fi\nexec "${real}" "$@"\n`,
    );
    chmodSync(wrapper, 0o755);
    const out = join(dir, 'out-no-avx512');
    const run = await build({ PATH: `${bin}${delimiter}${process.env.PATH ?? ''}`, MULLET_NATIVE_OUT: out });
    assert.deepEqual(run, {
      code: 0,
      stderr:
        'native kernel not built: this CPU has no AVX-512 (the kernel would be slower than JavaScript here); ' +
        'the JavaScript kernel will be used\n',
    });
    assert.ok(!existsSync(join(out, ADDON)));
  });

  it('loadNativeKernel: MULLET_KERNEL=js gives undefined; a missing addon is undefined, or an error when required', () => {
    const missing = join(dir, 'nowhere', ADDON);
    withEnv({ [KERNEL_ENV]: 'js' }, () => assert.equal(loadNativeKernel(), undefined));
    const quiet = captureStderr(() =>
      withEnv({ [KERNEL_ENV]: undefined, [NATIVE_ADDON_ENV]: missing }, () => loadNativeKernel()),
    );
    assert.deepEqual(
      quiet,
      { value: undefined, stderr: '' },
      'a missing addon is expected: the build said why',
    );
    withEnv({ [KERNEL_ENV]: 'native', [NATIVE_ADDON_ENV]: missing }, () =>
      assert.throws(
        () => loadNativeKernel(),
        /MULLET_KERNEL=native but the native kernel is unavailable: .*does not exist; build it with `bash scripts\/build-native.sh`/,
      ),
    );
    withEnv({ [KERNEL_ENV]: 'fast' }, () =>
      assert.throws(() => loadNativeKernel(), /MULLET_KERNEL: expected js, native or auto, got "fast"/),
    );
  });

  it('the addon path defaults to build/native in the repo, and workers are told it explicitly', () => {
    const expected = join(ROOT, 'build/native', ADDON);
    const env = { ...process.env };
    delete env[NATIVE_ADDON_ENV];
    assert.equal(nativeKernelPath(env), expected);
    assert.equal(nativeKernelWorkerEnv(env)[NATIVE_ADDON_ENV], expected);
    assert.equal(nativeKernelPath({ [NATIVE_ADDON_ENV]: '/opt/k.node' }), '/opt/k.node');
  });
});
