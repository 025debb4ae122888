import { readFile, writeFile } from 'node:fs/promises';
import { basename, dirname, resolve } from 'node:path';
import { type Command, Option } from 'commander';
import type { SolverChoice } from '../../core/dispatch/dispatch-site.ts';
import { dailyHashpriceFromNetwork, type HashpriceInput } from '../../core/dispatch/hashprice-days.ts';
import type { DispatchInput } from '../../core/dispatch/problem.ts';
import { InputError } from '../../core/errors.ts';
import { parseAiProfileCsv } from '../../data/ai-profile-csv.ts';
import { parseCoinMetricsCsv } from '../../data/coinmetrics-csv.ts';
import { dispatchScheduleCsv } from '../../data/dispatch-schedule-csv.ts';
import { parseFourCpCsv } from '../../data/ercot-4cp-csv.ts';
import { parseAncillaryPriceCsv } from '../../data/ercot-as-csv.ts';
import { parsePriceText } from '../../data/prices.ts';
import { parseSiteText } from '../../data/site-file.ts';
import type { DispatchResult, DispatchTotals } from '../../schema/dispatch-result.ts';
import { runDispatch } from '../../solvers/run-dispatch.ts';
import { parseDateFlag, parseNumberFlag } from '../options.ts';
import { printJson } from '../output.ts';

interface DispatchFlags {
  site: string;
  prices: string;
  node?: string;
  hashprice?: string;
  network?: string;
  networkYear?: string;
  btcPrice?: string;
  from?: string;
  to?: string;
  solver: SolverChoice;
  fourCp?: string;
  asPrices?: string;
  json?: boolean;
  schedule?: string;
}

/** `mullet dispatch`: hourly dispatch of one site on real prices, against an always-on baseline. */
export function registerDispatch(program: Command): void {
  program
    .command('dispatch')
    .description(
      'hourly dispatch of a site (firm AI first, mining tiers by merit order or LP) on a price series',
    )
    .requiredOption('--site <FILE>', 'site file, YAML or JSON (see docs/dispatch.md)')
    .requiredOption(
      '--prices <FILE>',
      'price CSV: ERCOT DAM or RTM report, the hourly hub table, or timestamp,usd_per_mwh',
    )
    .option('--node <NAME>', 'hub or load zone in the price file (default: site power.node)')
    .addOption(new Option('--hashprice <USD_PER_PH_DAY>', 'constant hashprice').conflicts('network'))
    .option('--network <FILE>', 'Coin Metrics daily CSV: hashprice per day from difficulty, reward and price')
    .option('--network-year <YYYY>', 'with --network: read the first dispatch year from this network year')
    .option('--btc-price <USD>', 'with --hashprice: BTC price, to count BTC mined')
    .option('--from <DATE>', 'first UTC day YYYY-MM-DD (default: first price)')
    .option('--to <DATE>', 'last UTC day YYYY-MM-DD, inclusive (default: last price)')
    .addOption(
      new Option(
        '--solver <KIND>',
        'auto = merit order unless hours are coupled, then LP (MILP with minimum run or down times)',
      )
        .choices(['auto', 'merit-order', 'lp', 'milp'])
        .default('auto'),
    )
    .option(
      '--four-cp <FILE>',
      'actual 4CP intervals CSV (year,month,date,interval_ending_cpt); overrides the site',
    )
    .option('--as-prices <FILE>', 'hourly ancillary clearing prices CSV for the site’s ancillary service')
    .option('--json', 'print one JSON document (DispatchResult, with the hourly series)')
    .option('--schedule <OUT.csv>', 'write the hourly schedule: per-tier MW, price, margin')
    .addHelpText(
      'after',
      `
All MW are at the meter (IT or ASIC MW × PUE). AI load is served first; mining tiers run most efficient first
while hashprice revenue beats the power price. Gaps in the prices are skipped and reported, never filled.

Examples:
  $ mullet dispatch --site examples/sites/west-texas-mullet.yaml \\
      --prices examples/prices/ercot-hb-west-2023-dam.csv --hashprice 75
  west-texas-mullet at HB_WEST, 2023-01-01T06:00:00Z .. 2024-01-01T06:00:00Z, 8760 h of 60 min, solver merit-order
                                flexible    always-on   difference
  ...
  mining margin (USD)           97,127,751   70,800,516   26,327,234
  ...
  Flexible mining earned 26,327,234 USD more than always-on by curtailing 59,993 MWh in 669 h.
  Demand response was worth 10,095,814 USD (4CP 8,080,534, ancillary 2,015,280).

  $ mullet dispatch --site site.yaml --prices ../shared/data/ercot_dam_spp_hourly_2023.csv --node HB_WEST \\
      --network ../shared/data/btc_daily_coinmetrics.csv --network-year 2019 --to 2023-12-31 --json > result.json
  (the 2019 network stands in for 2023; --to stops before 2024-01-01 UTC, which 2019 cannot map)
  $ mullet dispatch --site site.yaml --prices rtm.csv --node LZ_WEST --hashprice 60 --solver lp --schedule out.csv`,
    )
    .action(async (flags: DispatchFlags) => {
      const result = await dispatchFromFlags(flags);
      if (flags.schedule !== undefined) {
        const out = flags.schedule;
        await writeFile(out, dispatchScheduleCsv(result)).catch((error: unknown) => {
          const code = (error as { code?: unknown }).code;
          throw new InputError({
            path: '--schedule',
            message: `cannot write the file${typeof code === 'string' ? ` (${code})` : ''}`,
            value: out,
          });
        });
        process.stderr.write(`schedule: ${result.hourly.timeUtc.length} rows written to ${flags.schedule}\n`);
      }
      if (flags.json) printJson(result);
      else process.stdout.write(`${renderReport(result, flags)}\n`);
    });
}

async function readText(path: string, flag: string): Promise<string> {
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    throw new InputError({
      path: flag,
      message: `cannot read the file${typeof code === 'string' ? ` (${code})` : ''}`,
      value: path,
    });
  }
}

async function dispatchFromFlags(flags: DispatchFlags): Promise<DispatchResult> {
  const site = parseSiteText(await readText(flags.site, '--site'), basename(flags.site));
  const from = flags.from === undefined ? undefined : parseDateFlag('--from', flags.from);
  const to = flags.to === undefined ? undefined : parseDateFlag('--to', flags.to);
  const node = flags.node ?? site.power.node;
  const prices = parsePriceText(await readText(flags.prices, '--prices'), {
    node,
    fileName: basename(flags.prices),
    nodePath: flags.node === undefined && node !== undefined ? 'site.power.node' : '--node',
  });

  let hashprice: HashpriceInput;
  let hashpricePath = '--hashprice';
  if (flags.hashprice !== undefined) {
    const usdPerPhDay = parseNumberFlag('--hashprice', flags.hashprice, { min: 0, unit: 'USD/PH/day' });
    hashprice =
      flags.btcPrice === undefined
        ? { usdPerPhDay }
        : {
            usdPerPhDay,
            btcPriceUsd: parseNumberFlag('--btc-price', flags.btcPrice, { greaterThan: 0, unit: 'USD' }),
          };
  } else if (flags.network !== undefined) {
    hashpricePath = '--network';
    if (flags.btcPrice !== undefined)
      throw new InputError({
        path: '--btc-price',
        message: 'only with --hashprice (--network has each day’s price)',
        value: flags.btcPrice,
      });
    const daily = dailyHashpriceFromNetwork(
      parseCoinMetricsCsv(await readText(flags.network, '--network'), flags.network),
    );
    let yearOffset = 0;
    if (flags.networkYear !== undefined) {
      const year = parseNumberFlag('--network-year', flags.networkYear, {
        integer: true,
        min: 2009,
        max: 2100,
      });
      const first = from ?? new Date(prices.timeUtcMs[0]!).toISOString();
      yearOffset = year - Number(first.slice(0, 4));
    }
    hashprice = { daily, yearOffset };
  } else
    throw new InputError({
      path: '--hashprice',
      message: 'required: give --hashprice USD_PER_PH_DAY or --network FILE',
    });

  const input: DispatchInput = {
    site,
    prices,
    hashprice,
    from,
    to,
    paths: {
      hashprice: hashpricePath,
      from: '--from',
      to: '--to',
      solver: '--solver',
      ancillaryPrices: '--as-prices',
    },
  };
  if (site.ai?.profileCsv !== undefined) {
    const file = resolve(dirname(flags.site), site.ai.profileCsv);
    input.aiProfileMw = parseAiProfileCsv(await readText(file, 'site.ai.profileCsv'), basename(file));
    input.paths = { ...input.paths, aiProfile: 'site.ai.profileCsv' };
  }
  if (flags.fourCp !== undefined)
    input.fourCpIntervals = parseFourCpCsv(await readText(flags.fourCp, '--four-cp'), basename(flags.fourCp));
  if (flags.asPrices !== undefined) {
    const service = site.demandResponse?.ancillary?.service;
    if (service === undefined)
      throw new InputError({
        path: '--as-prices',
        message: 'the site has no demandResponse.ancillary to price',
      });
    input.ancillaryPrices = parseAncillaryPriceCsv(
      await readText(flags.asPrices, '--as-prices'),
      basename(flags.asPrices),
      service,
    );
  }
  return runDispatch(input, { solver: flags.solver });
}

const usd = (x: number) => Math.round(x).toLocaleString('en-US');
const mwh = (x: number) => Math.round(x).toLocaleString('en-US');

/** The operator's report: flexible vs always-on, what demand response was worth, curtailed hours. */
export function renderReport(r: DispatchResult, flags: Pick<DispatchFlags, 'site'>): string {
  const name = basename(flags.site).replace(/\.[^.]*$/, '');
  const rows: [string, (t: DispatchTotals) => number | null, (x: number) => string][] = [
    ['AI energy (MWh)', (t) => t.aiMwh, mwh],
    ['mining energy (MWh)', (t) => t.miningMwh, mwh],
    ['curtailed (MWh)', (t) => t.curtailedMwh, mwh],
    ['hours with curtailment', (t) => t.curtailedHours, mwh],
    ['BTC mined', (t) => t.btcMined, (x) => x.toFixed(2)],
    ['mining revenue (USD)', (t) => t.miningRevenueUsd, usd],
    ['mining power cost (USD)', (t) => t.miningPowerCostUsd, usd],
    ['mining margin (USD)', (t) => t.miningMarginUsd, usd],
    ['PPA sell-back (USD)', (t) => t.sellBackUsd, usd],
    ['PPA unused block cost (USD)', (t) => t.ppaUnusedCostUsd, usd],
    ['4CP charge avoided (USD)', (t) => t.fourCpAvoidedUsd, usd],
    ['ancillary capacity (USD)', (t) => t.ancillaryUsd, usd],
    ['AI lease revenue (USD)', (t) => t.aiRevenueUsd, usd],
    ['AI power cost (USD)', (t) => t.aiPowerCostUsd, usd],
    ['total site margin (USD)', (t) => t.totalMarginUsd, usd],
  ];
  const table: string[][] = [['', 'flexible', 'always-on', 'difference']];
  const optional = new Set([
    'BTC mined',
    'PPA sell-back (USD)',
    'PPA unused block cost (USD)',
    '4CP charge avoided (USD)',
    'ancillary capacity (USD)',
  ]);
  for (const [label, get, fmt] of rows) {
    const a = get(r.totals);
    const b = get(r.baseline);
    if (optional.has(label) && !a && !b) continue;
    table.push([
      label,
      a === null ? 'n/a' : fmt(a),
      b === null ? 'n/a' : fmt(b),
      a === null || b === null ? '' : fmt(a - b),
    ]);
  }
  const widths = table[0]!.map((_, c) => Math.max(...table.map((row) => row[c]!.length)));
  const lines = table.map((row) =>
    row.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]!) : cell.padStart(widths[c]!))).join('  '),
  );
  const t = r.totals;
  const b = r.baseline;
  const pct =
    b.totalMarginUsd !== 0 ? ` (${((100 * r.upliftUsd) / Math.abs(b.totalMarginUsd)).toFixed(1)} %)` : '';
  const miningGain =
    t.miningMarginUsd -
    b.miningMarginUsd +
    (t.sellBackUsd - b.sellBackUsd) -
    (t.ppaUnusedCostUsd - b.ppaUnusedCostUsd);
  const head = `${name} at ${r.node}, ${r.from} .. ${r.to}, ${t.hours} h of ${r.intervalMinutes} min, solver ${r.solver}${
    r.lp
      ? ` (${r.lp.columns} columns${r.lp.integers ? `, ${r.lp.integers} binaries` : ''}, ${r.lp.rows} rows${
          r.lp.mipGap != null ? `, gap ${(r.lp.mipGap * 100).toFixed(2)} %` : ''
        })`
      : ''
  }`;
  const tiers = r.tiers
    .map(
      (tier) =>
        `  ${tier.name}: ${tier.jPerTh.toFixed(1)} J/TH, ${tier.meterMw.toFixed(1)} MW, breakeven ${tier.breakevenUsdPerMwh?.toFixed(1) ?? 'n/a'} USD/MWh all-in, ${mwh(tier.miningMwh)} MWh`,
    )
    .join('\n');
  const summary = [
    `Flexible mining earned ${usd(miningGain)} USD more than always-on by curtailing ${mwh(t.curtailedMwh)} MWh in ${mwh(t.curtailedHours)} h.`,
    `Demand response was worth ${usd(t.demandResponseUsd)} USD (4CP ${usd(t.fourCpAvoidedUsd)}, ancillary ${usd(t.ancillaryUsd)}).`,
    `Site margin ${usd(t.totalMarginUsd)} USD vs ${usd(b.totalMarginUsd)} always-on: +${usd(r.upliftUsd)} USD${pct}.`,
  ];
  const warnings = r.warnings.map((w) => `warning: ${w}`);
  return [
    head,
    '',
    lines.join('\n'),
    '',
    'tiers (most efficient first):',
    tiers,
    '',
    ...summary,
    ...(warnings.length ? ['', ...warnings] : []),
  ].join('\n');
}
