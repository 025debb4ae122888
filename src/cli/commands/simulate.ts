import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { SingleBar } from 'cli-progress';
import type { Command } from 'commander';
import { InputError, type InputIssue } from '../../core/errors.ts';
import { parseScenarioText } from '../../data/scenario-file.ts';
import { runSimulation } from '../../jobs/simulate-pool.ts';
import type { Band, Dist, SimulationResult } from '../../schema/simulation-result.ts';
import { parseNumberFlag } from '../options.ts';
import { printJson, renderPairs, renderTable } from '../output.ts';
import { ensureWritableDir } from '../writable-dir.ts';

const HELP = `
What it does:
  Simulates every strategy of the scenario (and its frontier sweep) on the same Monte Carlo paths of BTC
  price, fees, network hashrate and difficulty (retargets every 2016 blocks, halvings at their heights) and
  reports distributions: NPV at the scenario's discount rate, IRR against the baseline strategy, BTC mined and
  held, cash, EBITDA, hash-rate share, shortfall probability, the frontier of converted MW, and the date of the
  next halvings. The model is documented in docs/simulator.md.

Output:
  default     a report: strategies side by side, the frontier, the halving dates
  --json      one JSON document (SimulationResult: distributions {p5, p50, p95, mean}, monthly bands)
  --out DIR   also writes CSV files of the monthly quantile paths (one per strategy, network.csv,
              frontier.csv, strategies.csv)
  The same --seed gives byte-identical --json output for any --threads.

Example (the worked example: a 310 MW, 15 EH/s miner deciding how many MW to convert to AI):
  $ mullet simulate examples/mid-size-miner.yaml --paths 20000 --seed 2025
  $ mullet simulate examples/mid-size-miner.yaml --json > result.json
  $ mullet simulate examples/small-hodler.yaml --months 60 --out out/`;

interface SimulateFlags {
  paths?: string;
  seed?: string;
  months?: string;
  threads?: string;
  json?: boolean;
  out?: string;
}

/** `mullet simulate FILE`: the Monte Carlo strategy simulator. */
export function registerSimulate(program: Command): void {
  program
    .command('simulate')
    .description(
      'Monte Carlo of pure-play mining vs mullet vs AI pivot: NPV, IRR, BTC, cash, hash share, frontier',
    )
    .argument('<file>', 'scenario file (YAML or JSON)')
    .option('--paths <N>', 'Monte Carlo paths (default: the scenario’s)')
    .option('--seed <S>', 'random seed, integer >= 0 (default: the scenario’s)')
    .option('--months <M>', 'horizon in months (default: the scenario’s)')
    .option('--threads <T>', `worker threads (default: available cores, here ${availableParallelism()})`)
    .option('--json', 'print one JSON document')
    .option('--out <DIR>', 'write CSV files of the monthly quantile paths into DIR')
    .addHelpText('after', HELP)
    .action(async (file: string, flags: SimulateFlags) => {
      const issues: InputIssue[] = [];
      const read = (flag: string, raw: string | undefined, rule: Parameters<typeof parseNumberFlag>[2]) => {
        if (raw === undefined) return undefined;
        try {
          return parseNumberFlag(flag, raw, rule);
        } catch (error) {
          if (!(error instanceof InputError)) throw error;
          issues.push(...error.issues);
          return undefined;
        }
      };
      const paths = read('--paths', flags.paths, { integer: true, min: 1, max: 10_000_000, unit: 'paths' });
      const seed = read('--seed', flags.seed, { integer: true, min: 0, max: Number.MAX_SAFE_INTEGER });
      const months = read('--months', flags.months, { integer: true, min: 1, max: 600, unit: 'months' });
      const threads = read('--threads', flags.threads, { integer: true, min: 1, max: 256, unit: 'threads' });
      let text: string | undefined;
      try {
        text = await readFile(file, 'utf8');
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code ?? 'error';
        issues.push({ path: 'FILE', message: `cannot read the scenario file (${code})`, value: file });
      }
      if (flags.out !== undefined) {
        // fail before a long run, not after it
        try {
          await ensureWritableDir(flags.out);
        } catch (error) {
          const code = (error as NodeJS.ErrnoException).code ?? 'error';
          issues.push({
            path: '--out',
            message: `cannot write CSV files into the directory (${code})`,
            value: flags.out,
          });
        }
      }
      if (issues.length > 0) throw new InputError(issues);
      const scenario = parseScenarioText(text!, file);

      const bar = process.stderr.isTTY
        ? new SingleBar({
            stream: process.stderr,
            format: 'simulating [{bar}] {percentage}% | ETA {eta}s',
            hideCursor: true,
            clearOnComplete: true,
          })
        : undefined;
      bar?.start(100, 0);
      let result: SimulationResult;
      try {
        result = await runSimulation(scenario, {
          ...(paths === undefined ? {} : { paths }),
          ...(seed === undefined ? {} : { seed }),
          ...(months === undefined ? {} : { months }),
          ...(threads === undefined ? {} : { threads }),
          // a one-off process: its own thread simulates too, so one worker fewer has to start
          callerSimulates: true,
          onProgress: (f) => bar?.update(Math.round(f * 100)),
        });
      } finally {
        bar?.stop();
      }
      if (flags.out !== undefined) {
        const out = flags.out;
        const written = await writeCsvFiles(out, result).catch((error: unknown) => {
          const code = (error as { code?: unknown }).code;
          if (typeof code !== 'string') throw error;
          throw new InputError({
            path: '--out',
            message: `cannot write CSV files into the directory (${code})`,
            value: out,
          });
        });
        process.stderr.write(`mullet: wrote ${written.length} CSV files to ${flags.out}\n`);
      }
      if (flags.json) printJson(result);
      else process.stdout.write(`${renderReport(result)}\n`);
    });
}

const usdM = (x: number) => Math.round(x / 1e6);
const round = (x: number, digits: number) => Number(x.toFixed(digits));
const pctOrDash = (x: number | null) => (x === null ? '–' : `${round(100 * x, 1)}%`);

/** The human report: strategies side by side, the frontier, the network and the halving dates. */
export function renderReport(r: SimulationResult): string {
  const header = renderPairs([
    ['scenario', r.scenarioName],
    ['paths', `${r.paths} (seed ${r.seed}), ${r.months} months from ${r.startDate}`],
    [
      'NPV',
      `at ${round(100 * r.discountRatePerYear, 2)}%/yr; IRR of each strategy's flows in excess of "${r.baseline}"`,
    ],
  ]);
  const strategies = renderTable(
    [
      { key: 'name', title: 'strategy' },
      { key: 'aiMw', title: 'AI MW' },
      { key: 'npvP5', title: 'NPV p5 $M' },
      { key: 'npvP50', title: 'p50 $M' },
      { key: 'npvP95', title: 'p95 $M' },
      { key: 'npvMean', title: 'mean $M' },
      { key: 'irr', title: 'IRR p50' },
      { key: 'mined', title: 'BTC mined p50' },
      { key: 'held', title: 'BTC held p50' },
      { key: 'cash', title: 'cash p50 $M' },
      { key: 'share', title: 'hash share end p50' },
      { key: 'shortfall', title: 'P(cash < 0)' },
    ],
    r.strategies.map((s) => ({
      name: s.name,
      aiMw: round(s.aiMw, 1),
      npvP5: usdM(s.npvUsd.p5),
      npvP50: usdM(s.npvUsd.p50),
      npvP95: usdM(s.npvUsd.p95),
      npvMean: usdM(s.npvUsd.mean),
      irr: pctOrDash(s.irrPerYear.p50),
      mined: Math.round(s.btcMined.p50),
      held: Math.round(s.btcHeld.p50),
      cash: usdM(s.cashUsd.p50),
      share: `${round(100 * s.hashShareEnd.p50, 3)}%`,
      shortfall: `${round(100 * s.shortfallProbability, 1)}%`,
    })),
  );
  const parts = [header, '', strategies];
  if (r.frontier.length > 0) {
    parts.push(
      '',
      'Allocation frontier (critical IT MW converted → NPV):',
      renderTable(
        [
          { key: 'aiMw', title: 'AI MW' },
          { key: 'mean', title: 'NPV mean $M' },
          { key: 'p5', title: 'NPV p5 $M' },
          { key: 'p50', title: 'NPV p50 $M' },
          { key: 'shortfall', title: 'P(cash < 0)' },
        ],
        r.frontier.map((f) => ({
          aiMw: f.aiMw,
          mean: usdM(f.npvUsd.mean),
          p5: usdM(f.npvUsd.p5),
          p50: usdM(f.npvUsd.p50),
          shortfall: `${round(100 * f.shortfallProbability, 1)}%`,
        })),
      ),
    );
  }
  const n = r.network;
  const last = r.months;
  parts.push(
    '',
    renderPairs([
      [
        'BTC price at the end',
        quantileText(n.priceEndUsd, (x) => `$${Math.round(x).toLocaleString('en-US')}`),
      ],
      ['network hashrate at the end', quantileText(n.hashrateEndEhPerS, (x) => `${Math.round(x)} EH/s`)],
      [
        'hashprice in the last month',
        `p5 $${round(n.hashpriceUsdPerPhDay.p5[last]!, 1)}, p50 $${round(n.hashpriceUsdPerPhDay.p50[last]!, 1)}, p95 $${round(n.hashpriceUsdPerPhDay.p95[last]!, 1)} per PH/s-day`,
      ],
      ...n.halvings.map((h): [string, string] => [
        `halving at height ${h.height.toLocaleString('en-US')}`,
        `p5 ${h.p5}, p50 ${h.p50}, p95 ${h.p95}${h.reachedShare < 1 ? ` (reached on ${round(100 * h.reachedShare, 1)}% of paths)` : ''}`,
      ]),
    ]),
    '',
    r.method.note,
  );
  return parts.join('\n');
}

function quantileText(d: Dist, format: (x: number) => string): string {
  return `p5 ${format(d.p5)}, p50 ${format(d.p50)}, p95 ${format(d.p95)}, mean ${format(d.mean)}`;
}

function slug(name: string): string {
  return (
    name
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '') || 'strategy'
  );
}

function bandColumns(name: string, band: Band): { header: string[]; column: (t: number) => number[] } {
  return {
    header: ['p5', 'p50', 'p95', 'mean'].map((q) => `${name}_${q}`),
    column: (t) => [band.p5[t]!, band.p50[t]!, band.p95[t]!, band.mean[t]!],
  };
}

function bandCsv(dates: string[], bands: [string, Band][]): string {
  const cols = bands.map(([name, band]) => bandColumns(name, band));
  const lines = [['month', 'date', ...cols.flatMap((c) => c.header)].join(',')];
  dates.forEach((date, t) => {
    lines.push([t, date, ...cols.flatMap((c) => c.column(t))].join(','));
  });
  return `${lines.join('\n')}\n`;
}

/** Writes the quantile paths as CSV files into `dir` (created if missing); returns the file names. */
export async function writeCsvFiles(dir: string, r: SimulationResult): Promise<string[]> {
  await mkdir(dir, { recursive: true });
  const files: [string, string][] = [];
  const used = new Set<string>();
  for (const s of r.strategies) {
    let name = `strategy-${slug(s.name)}.csv`;
    for (let k = 2; used.has(name); k++) name = `strategy-${slug(s.name)}-${k}.csv`;
    used.add(name);
    files.push([
      name,
      bandCsv(r.dates, [
        ['cash_usd', s.series.cashUsd],
        ['btc_held', s.series.btcHeld],
        ['npv_usd', s.series.npvUsd],
        ['hash_share', s.series.hashShare],
        ['hashrate_eh_per_s', s.series.hashrateEhPerS],
      ]),
    ]);
  }
  files.push([
    'network.csv',
    bandCsv(r.dates, [
      ['price_usd', r.network.priceUsd],
      ['hashrate_eh_per_s', r.network.hashrateEhPerS],
      ['hashprice_usd_per_ph_day', r.network.hashpriceUsdPerPhDay],
    ]),
  ]);
  const distHeader = (name: string) => ['p5', 'p50', 'p95', 'mean'].map((q) => `${name}_${q}`);
  const distRow = (d: Dist) => [d.p5, d.p50, d.p95, d.mean];
  files.push([
    'frontier.csv',
    `${[['ai_mw', 'strategy', ...distHeader('npv_usd'), 'shortfall_probability'].join(',')]
      .concat(
        r.frontier.map((f) =>
          [f.aiMw, JSON.stringify(f.strategy), ...distRow(f.npvUsd), f.shortfallProbability].join(','),
        ),
      )
      .join('\n')}\n`,
  ]);
  const metrics = [
    'npvUsd',
    'btcMined',
    'btcHeld',
    'btcPerShare',
    'cashUsd',
    'ebitdaUsd',
    'hashShareEnd',
  ] as const;
  files.push([
    'strategies.csv',
    `${[['strategy', 'ai_mw', ...metrics.flatMap((m) => distHeader(m)), 'shortfall_probability'].join(',')]
      .concat(
        r.strategies.map((s) =>
          [
            JSON.stringify(s.name),
            s.aiMw,
            ...metrics.flatMap((m) => distRow(s[m])),
            s.shortfallProbability,
          ].join(','),
        ),
      )
      .join('\n')}\n`,
  ]);
  for (const [name, text] of files) await writeFile(join(dir, name), text);
  return files.map(([name]) => name);
}
