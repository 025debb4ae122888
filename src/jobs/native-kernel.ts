// Loads the optional native simulation kernel: build/native/mullet_kernel.node, a Node-API addon that
// scripts/build-native.sh builds with g++ from native/src when it can. Without it the JavaScript kernel runs;
// both must give the same bits (the native kernel is built without FMA contraction or fast-math for that).
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isMainThread } from 'node:worker_threads';
import type { ChunkKernel } from '../core/simulate/chunk.ts';

/**
 * The addon interface this code was written for. Bump it together with kAbiVersion in native/src/addon.cc
 * whenever the addon's JS-visible interface changes: an addon reporting another version is ignored.
 */
export const NATIVE_ABI_VERSION = 6;

/** `js` forces the JavaScript kernel; `native` requires the addon (throws when it is missing); default `auto`. */
export const KERNEL_ENV = 'MULLET_KERNEL';

/**
 * Absolute path of the addon, overriding the default `<repo>/build/native/mullet_kernel.node`. Needed where this
 * module cannot find the repo from its own URL: in a worker whose code is an esbuild bundle in a data: URL.
 */
export const NATIVE_ADDON_ENV = 'MULLET_NATIVE_ADDON';

/**
 * Band percentiles of one sampled series, every month: writes the quantiles `qs` of each month t of `data`
 * row `dataRow` (`[(dataRow·months + t)·count + p]`) to `out` row `outRow` (`[(outRow·Q + k)·months + t]`),
 * the numbers quantile.ts gives, and sets flags[t] = 1 for the months it leaves to quantile.ts (a NaN or
 * both signed zeros). The month loop selects its bands the same way (native/src/select.h).
 */
export type BandRowFn = (
  data: Float64Array,
  dataRow: number,
  months: number,
  count: number,
  qs: Float64Array,
  out: Float64Array,
  outRow: number,
  flags: Int32Array,
) => void;

export interface NativeKernel {
  readonly abiVersion: number;
  /** "ok": the addon loaded and its functions run. */
  selfTest(): string;
  /** A whole simulator chunk (native/src/kernel_napi.cc): the same bits as the JS path in chunk.ts. */
  runChunk: ChunkKernel;
  /** Band percentiles of one sampled series (BandRowFn). */
  bandRow: BandRowFn;
  /** Type-7 quantiles of the pieces' values taken together (FastSelection in summary.ts). */
  quantilesOfPieces(pieces: readonly Float64Array[], qs: Float64Array, out: Float64Array): boolean;
  /** out[2i], out[2i+1] = the kernel's exp(xs[i]), log(xs[i]). */
  mathProbe(xs: Float64Array, out: Float64Array): void;
}

export type KernelChoice = 'auto' | 'js' | 'native';

/** The kernel choice from MULLET_KERNEL (`auto` when unset or empty). @throws Error for another value. */
export function kernelChoice(env: NodeJS.ProcessEnv = process.env): KernelChoice {
  const value = env[KERNEL_ENV];
  if (value === undefined || value === '' || value === 'auto') return 'auto';
  if (value === 'js' || value === 'native') return value;
  throw new Error(`${KERNEL_ENV}: expected js, native or auto, got "${value}"`);
}

// Computed from this file's location (src/jobs/ → repo root), which only a file: URL has.
const defaultPath = import.meta.url.startsWith('file:')
  ? fileURLToPath(new URL('../../build/native/mullet_kernel.node', import.meta.url))
  : undefined;

/** Where the addon is looked for: MULLET_NATIVE_ADDON, else beside the repo; undefined when unknowable. */
export function nativeKernelPath(env: NodeJS.ProcessEnv = process.env): string | undefined {
  const fromEnv = env[NATIVE_ADDON_ENV];
  return fromEnv ? resolve(fromEnv) : defaultPath;
}

/**
 * The environment for a worker that may load the kernel: `env` plus MULLET_NATIVE_ADDON set to the addon's
 * absolute path, resolved here (on the calling thread, where this module's URL is a file). Pass it as the
 * Worker's `env` option so that a bundled worker finds the addon too:
 * `new Worker(url, { execArgv, env: nativeKernelWorkerEnv() })`.
 */
export function nativeKernelWorkerEnv(env: NodeJS.ProcessEnv = process.env): NodeJS.ProcessEnv {
  const path = nativeKernelPath(env);
  return path === undefined ? { ...env } : { ...env, [NATIVE_ADDON_ENV]: path };
}

type Attempt = { kernel: NativeKernel } | { missing: boolean; reason: string };

const attempts = new Map<string, Attempt>();
const warned = new Set<string>();

/**
 * The native kernel, or undefined when the JavaScript kernel is to be used: MULLET_KERNEL=js, or (by default)
 * when the addon is missing, does not load, or has another abiVersion than NATIVE_ABI_VERSION. The latter two
 * print a one-line warning to stderr once (from the main thread only, so that a pool of workers does not
 * repeat it). Loading is cached per thread; each worker thread loads its own instance (the addon is
 * context-aware).
 * @throws Error with MULLET_KERNEL=native when the addon is unavailable, or for a bad MULLET_KERNEL value.
 */
export function loadNativeKernel(): NativeKernel | undefined {
  const choice = kernelChoice();
  if (choice === 'js') return undefined;
  const path = nativeKernelPath();
  const attempt: Attempt =
    path === undefined
      ? { missing: true, reason: `its path is unknown in this bundled worker (set ${NATIVE_ADDON_ENV})` }
      : (attempts.get(path) ?? tryLoad(path));
  // a missing file is not remembered: the addon may be built later in a long-running process
  if (path !== undefined && !('missing' in attempt && attempt.missing)) attempts.set(path, attempt);
  if ('kernel' in attempt) return attempt.kernel;
  if (choice === 'native')
    throw new Error(
      `${KERNEL_ENV}=native but the native kernel is unavailable: ${attempt.reason}; ` +
        'build it with `bash scripts/build-native.sh` (needs g++)',
    );
  if (!attempt.missing && isMainThread && !warned.has(attempt.reason)) {
    warned.add(attempt.reason);
    process.stderr.write(
      `mullet: native kernel ignored: ${attempt.reason}; the JavaScript kernel will be used\n`,
    );
  }
  return undefined;
}

function tryLoad(path: string): Attempt {
  if (!existsSync(path)) return { missing: true, reason: `${path} does not exist` };
  let addon: Partial<NativeKernel>;
  try {
    // createRequire from the addon's own absolute path: works whatever this module's URL is (file: or data:)
    addon = createRequire(path)(path) as Partial<NativeKernel>;
  } catch (error) {
    return { missing: false, reason: `cannot load ${path}: ${firstLine(error)}` };
  }
  if (addon.abiVersion !== NATIVE_ABI_VERSION)
    return {
      missing: false,
      reason:
        `${path} has abiVersion ${String(addon.abiVersion)}, this code expects ${NATIVE_ABI_VERSION} ` +
        '(rebuild it: bash scripts/build-native.sh)',
    };
  try {
    const answer = typeof addon.selfTest === 'function' ? addon.selfTest() : 'no selfTest()';
    if (answer !== 'ok') return { missing: false, reason: `${path} fails its self-test (${String(answer)})` };
  } catch (error) {
    return { missing: false, reason: `${path} fails its self-test: ${firstLine(error)}` };
  }
  const mismatch = mathMismatch(addon as NativeKernel);
  if (mismatch)
    return {
      missing: false,
      reason: `${path} computes ${mismatch}, this Node's Math says otherwise (its results would differ)`,
    };
  return { kernel: addon as NativeKernel };
}

/**
 * Where the kernel's exp/log (ports of the fdlibm code V8 uses) differ from this Node's Math.exp/Math.log, or
 * undefined. Checked on the values the kernel meets (log prices and fees, the ziggurat's tails) and edges: a
 * Node whose V8 rounds them differently would make the native results differ from the JavaScript kernel's.
 */
export function mathMismatch(kernel: Pick<NativeKernel, 'mathProbe'>): string | undefined {
  const xs: number[] = [0, 1, -1, 0.5, 2, 1e-300, 5e-324, 700, -700, 709.7, -745, 1e300, Math.LN2, Math.E];
  for (let i = 0; i < 512; i++) {
    const u = (i + 0.5) / 512;
    xs.push(5 + 10 * u, -10 + 12 * u, u, -0.5 * (4 * u) ** 2, -Math.log(u));
  }
  const input = Float64Array.from(xs);
  const out = new Float64Array(2 * input.length);
  kernel.mathProbe(input, out);
  for (let i = 0; i < input.length; i++) {
    const x = input[i]!;
    if (!Object.is(out[2 * i], Math.exp(x))) return `exp(${x}) = ${out[2 * i]}`;
    if (!Object.is(out[2 * i + 1], Math.log(x))) return `log(${x}) = ${out[2 * i + 1]}`;
  }
  return undefined;
}

function firstLine(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.split('\n', 1)[0] ?? message;
}

/**
 * simulateChunk's options for this thread: the native month loop when the addon is loaded, else none (the
 * JavaScript loop). Both give the same bits; only the speed differs.
 */
export function chunkOptions(): { kernel?: ChunkKernel } {
  const native = loadNativeKernel();
  return native ? { kernel: native.runChunk } : {};
}
