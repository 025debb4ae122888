/**
 * `npm run bench -- server`: requests per second and p99 latency of the validated hashprice quote, beside a bare
 * hello-JSON route of the same Fastify instance, measured in the same run on loopback with 50 connections.
 * The server runs in one child process, the load generator (autocannon) in another, so neither measures itself.
 * Rounds interleave hello and quotes (hello, quotes, hello, quotes, ...) so machine drift hits both alike;
 * each figure is the median over rounds. Not a timed test: the machine is shared and noisy.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BenchEngine } from './engine.ts';

const CONNECTIONS = 50;
const ROUND_S = Number(process.env.MULLET_BENCH_ROUND_S ?? 4);
const ROUNDS = Number(process.env.MULLET_BENCH_ROUNDS ?? 3);
const QUOTE_BODY = JSON.stringify({
  difficulty: 1.2e14,
  priceUsd: 95_000,
  feesBtcPerBlock: 0.05,
  height: 925_000,
});
const self = fileURLToPath(import.meta.url);

interface LoadResult {
  requestsPerS: number;
  p99Ms: number;
  p50Ms: number;
  errors: number;
  non2xx: number;
}

/** The subset of autocannon's result we read. */
interface AutocannonResult {
  requests: { average: number; total: number };
  latency: { p50: number; p99: number };
  errors: number;
  timeouts: number;
  non2xx: number;
  duration: number;
}
type Autocannon = (options: Record<string, unknown>) => Promise<AutocannonResult>;

// ---- child roles -------------------------------------------------------------------------------------------

async function serveRole(): Promise<void> {
  const { startServer } = await import('../src/server/start-server.ts');
  const dataDir = await mkdtemp(join(tmpdir(), 'mullet-bench-'));
  const server = await startServer({
    store: { kind: 'embedded', dataDir },
    port: 0,
    examplesDir: false,
    log: (line) => process.stderr.write(`${line}\n`),
    // The bare route: same instance, same hooks and error handler; no schema, no body, no store.
    configure: (app) => {
      app.get('/api/bench/hello', async () => ({ hello: 'world' }));
    },
  });
  process.stdout.write(`${server.url}\n`);
  const stop = async () => {
    await server.close();
    await rm(dataDir, { recursive: true, force: true });
    process.exit(0);
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}

async function loadRole(): Promise<void> {
  const autocannon = createRequire(import.meta.url)('autocannon') as Autocannon;
  const url = process.env.MULLET_BENCH_URL ?? '';
  const target = process.env.MULLET_BENCH_TARGET;
  const base = { connections: CONNECTIONS, duration: ROUND_S };
  const options =
    target === 'quotes'
      ? {
          ...base,
          url: `${url}/api/quotes/hashprice`,
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: QUOTE_BODY,
        }
      : { ...base, url: `${url}/api/bench/hello` };
  const r = await autocannon(options);
  const out: LoadResult = {
    requestsPerS: r.requests.total / r.duration,
    p99Ms: r.latency.p99,
    p50Ms: r.latency.p50,
    errors: r.errors + r.timeouts,
    non2xx: r.non2xx,
  };
  process.stdout.write(`${JSON.stringify(out)}\n`);
}

// ---- parent ------------------------------------------------------------------------------------------------

function child(role: string, env: Record<string, string> = {}): ChildProcess {
  return spawn(process.execPath, ['--import', 'tsx', self], {
    env: { ...process.env, ...env, MULLET_BENCH_ROLE: role },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
}

function firstLine(proc: ChildProcess): Promise<string> {
  return new Promise((resolve, reject) => {
    let text = '';
    proc.stdout?.on('data', (chunk: Buffer) => {
      text += chunk.toString();
      const nl = text.indexOf('\n');
      if (nl >= 0) resolve(text.slice(0, nl));
    });
    proc.on('exit', (code) => reject(new Error(`bench child exited with ${code} before answering`)));
  });
}

async function load(url: string, target: 'hello' | 'quotes'): Promise<LoadResult> {
  const proc = child('load', { MULLET_BENCH_URL: url, MULLET_BENCH_TARGET: target });
  return JSON.parse(await firstLine(proc)) as LoadResult;
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor((s.length - 1) / 2)] ?? Number.NaN;
};

let measured: Promise<{ hello: LoadResult; quotes: LoadResult }> | undefined;
let last: { hello: LoadResult; quotes: LoadResult } | undefined;

async function measure(): Promise<{ hello: LoadResult; quotes: LoadResult }> {
  const server = child('serve');
  try {
    const url = await firstLine(server);
    await load(url, 'hello'); // warm-up: JIT, connection setup
    await load(url, 'quotes');
    const rounds: { hello: LoadResult[]; quotes: LoadResult[] } = { hello: [], quotes: [] };
    for (let i = 0; i < ROUNDS; i++) {
      rounds.hello.push(await load(url, 'hello'));
      rounds.quotes.push(await load(url, 'quotes'));
    }
    const summarize = (rs: LoadResult[]): LoadResult => ({
      requestsPerS: median(rs.map((r) => r.requestsPerS)),
      p99Ms: median(rs.map((r) => r.p99Ms)),
      p50Ms: median(rs.map((r) => r.p50Ms)),
      errors: rs.reduce((a, r) => a + r.errors, 0),
      non2xx: rs.reduce((a, r) => a + r.non2xx, 0),
    });
    return { hello: summarize(rounds.hello), quotes: summarize(rounds.quotes) };
  } finally {
    server.kill('SIGTERM');
  }
}

const once = async () => {
  measured ??= measure();
  last = await measured;
  return last;
};
const latency = (r: LoadResult | undefined) =>
  r ? { p50Ms: r.p50Ms, p99Ms: r.p99Ms, connections: CONNECTIONS, roundS: ROUND_S, rounds: ROUNDS } : {};

export const engines: BenchEngine[] = [
  {
    name: 'server.hello',
    unit: 'req/s',
    run: async () => (await once()).hello.requestsPerS,
    extra: () => latency(last?.hello),
  },
  {
    name: 'server.quotes',
    unit: 'req/s',
    run: async () => (await once()).quotes.requestsPerS,
    extra: () => latency(last?.quotes),
  },
  {
    name: 'server.quotes-vs-hello',
    unit: 'ratio',
    run: async () => {
      const { hello, quotes } = await once();
      if (quotes.errors + quotes.non2xx + hello.errors + hello.non2xx > 0)
        throw new Error(`bench saw errors: ${JSON.stringify({ hello, quotes })}`);
      return quotes.requestsPerS / hello.requestsPerS;
    },
    extra: () => ({ target: '>= 0.5, quotes p99 < 5 ms' }),
  },
];

const role = process.env.MULLET_BENCH_ROLE;
if (role === 'serve') await serveRole();
else if (role === 'load') await loadRole();
