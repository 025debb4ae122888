import { readFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { SAT_PER_BTC } from '../core/bitcoin/constants.ts';
import { dayEndHeight } from '../core/bitcoin/day-end-height.ts';
import { hashpriceBtcPerPhDay } from '../core/bitcoin/hashprice.ts';
import { blockSubsidySat } from '../core/bitcoin/subsidy.ts';
import { InputError, type InputIssue } from '../core/errors.ts';
import { networkDayOn, parseCoinMetricsCsv } from '../data/coinmetrics-csv.ts';
import { DEFAULT_MEMPOOL_URL, fetchMempoolMarket } from './mempool-client.ts';
import { parseDateFlag, parseNumberFlag } from './options.ts';

/** The market a miner faces for one block: what hashprice, breakeven and friends need. */
export interface Market {
  /** Network difficulty. */
  difficulty: number;
  /** BTC price, USD. */
  priceUsd: number;
  /** Fees per block, BTC. */
  feesBtcPerBlock: number;
  /** Block height the subsidy refers to. */
  height: number;
  /** Subsidy per block, BTC (a day's mean subsidy in --network mode). */
  subsidyBtc: number;
  /** subsidyBtc + feesBtcPerBlock, BTC. */
  rewardPerBlockBtc: number;
  /** Where the figures came from, e.g. `flags`, `coinmetrics data.csv 2019-06-01`, `mempool https://…`. */
  source: string;
}

/** Help text describing the market flags; commands append it with `.addHelpText('after', ...)`. */
export const MARKET_HELP = `
Market inputs (one source):
  flags       --difficulty D --price USD --fees BTC_PER_BLOCK --height H (all four required)
  --network FILE --date YYYY-MM-DD
              a Coin Metrics daily CSV: that day's mean difficulty (DiffMean), price (PriceUSD) and
              reward per block = (subsidy_btc + fees_btc) / blocks. The height is the day's last block:
              exact from block counts when the file starts at 2009-01-03, else estimated from supply_btc
              (SplyCur); give --height when the file has neither.
  --live [--mempool-url URL]
              the mempool.space REST API (default ${DEFAULT_MEMPOOL_URL}): tip difficulty, price, mean fees
              of the last 144 blocks; height = tip + 1 (the block being mined). Unreachable -> exit 2.
  With --network or --live, --difficulty/--price/--fees override that figure, and --height sets the height
  and the protocol subsidy at it.`;

/** Adds the market flags (see {@link MARKET_HELP}) to `cmd`. */
export function addMarketOptions(cmd: Command): Command {
  return cmd
    .option('--difficulty <D>', 'network difficulty (e.g. 1.0e14)')
    .option('--price <USD>', 'BTC price in USD')
    .option('--fees <BTC_PER_BLOCK>', 'transaction fees per block in BTC')
    .option('--height <H>', 'block height (sets the subsidy)')
    .option('--network <FILE>', 'Coin Metrics daily CSV to read the market from (with --date)')
    .option('--date <YYYY-MM-DD>', 'UTC day to read from --network')
    .option('--live', 'read the market from the mempool.space REST API')
    .option('--mempool-url <URL>', `mempool instance for --live (default ${DEFAULT_MEMPOOL_URL})`);
}

interface MarketFlags {
  difficulty?: number;
  priceUsd?: number;
  feesBtcPerBlock?: number;
  height?: number;
}

/**
 * Resolves the market from parsed commander options (`cmd.opts()`): flags alone, a Coin Metrics CSV day, or
 * the mempool.space API, with explicit flags overriding a source's figure.
 * @throws InputError naming the flag and value for anything missing, malformed or contradictory, and for an
 *   unreadable file or unreachable API.
 */
export async function resolveMarket(opts: Record<string, unknown>): Promise<Market> {
  const issues: InputIssue[] = [];
  const flags = parseMarketFlags(opts, issues);
  const network = stringOpt(opts, 'network', '--network', issues);
  const date = stringOpt(opts, 'date', '--date', issues);
  const mempoolUrl = stringOpt(opts, 'mempoolUrl', '--mempool-url', issues);
  const live = opts.live === true;

  if (network !== undefined && live)
    issues.push({ path: '--live', message: 'cannot be combined with --network (choose one market source)' });
  if (network !== undefined && opts.date === undefined)
    issues.push({ path: '--date', message: 'required with --network (YYYY-MM-DD)' });
  if (date !== undefined && opts.network === undefined)
    issues.push({ path: '--date', message: 'only applies with --network FILE', value: date });
  if (mempoolUrl !== undefined && !live)
    issues.push({ path: '--mempool-url', message: 'only applies with --live', value: mempoolUrl });
  if (issues.length > 0) throw new InputError(issues);

  if (network !== undefined && date !== undefined) return marketFromNetwork(network, date, flags);
  if (live) return marketFromMempool(mempoolUrl ?? DEFAULT_MEMPOOL_URL, mempoolUrl !== undefined, flags);
  return marketFromFlags(flags);
}

/**
 * Hashprice of a market, BTC and USD per PH/s per day.
 * @throws InputError naming --difficulty or --price (with the flag's text when given) when their magnitudes
 *   overflow a double: a result printed as `null` or `Infinity` would be a silent wrong number.
 */
export function marketHashprice(
  market: Market,
  opts: Record<string, unknown>,
): { btcPerPhDay: number; usdPerPhDay: number } {
  const btcPerPhDay = hashpriceBtcPerPhDay(market.difficulty, market.rewardPerBlockBtc);
  const usdPerPhDay = btcPerPhDay * market.priceUsd;
  const beyond = (flag: string, key: string, value: number): never => {
    throw new InputError({
      path: flag,
      message: 'gives a hashprice beyond the range of a number; check its magnitude',
      value: opts[key] === undefined ? value : String(opts[key]),
    });
  };
  if (!Number.isFinite(btcPerPhDay)) beyond('--difficulty', 'difficulty', market.difficulty);
  if (!Number.isFinite(usdPerPhDay)) beyond('--price', 'price', market.priceUsd);
  return { btcPerPhDay, usdPerPhDay };
}

function marketFromFlags(flags: MarketFlags): Market {
  const alt = 'or use --network FILE --date YYYY-MM-DD, or --live';
  const missing: InputIssue[] = [];
  if (flags.difficulty === undefined) missing.push({ path: '--difficulty', message: `required (${alt})` });
  if (flags.priceUsd === undefined) missing.push({ path: '--price', message: `required in USD (${alt})` });
  if (flags.feesBtcPerBlock === undefined)
    missing.push({ path: '--fees', message: `required in BTC per block (${alt})` });
  if (flags.height === undefined) missing.push({ path: '--height', message: `required (${alt})` });
  if (missing.length > 0) throw new InputError(missing);
  const height = flags.height!;
  return build(
    flags.difficulty!,
    flags.priceUsd!,
    flags.feesBtcPerBlock!,
    height,
    subsidyBtcAt(height),
    'flags',
  );
}

async function marketFromNetwork(file: string, date: string, flags: MarketFlags): Promise<Market> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    throw new InputError({
      path: '--network',
      message: `cannot read the file${typeof code === 'string' ? ` (${code})` : ''}`,
      value: file,
    });
  }
  const days = parseCoinMetricsCsv(text, file);
  const day = networkDayOn(days, date);
  const index = days.indexOf(day);
  const absent = (column: string, flag: string): InputIssue => ({
    path: '--date',
    message: `${file} has no ${column} on that day (give ${flag})`,
    value: date,
  });
  const issues: InputIssue[] = [];
  const perBlock = day.blocks !== null && day.blocks > 0 ? day.blocks : null;
  if (flags.difficulty === undefined && day.difficulty === null)
    issues.push(absent('difficulty', '--difficulty'));
  if (flags.priceUsd === undefined && day.priceUsd === null) issues.push(absent('price', '--price'));
  // the CSV parser accepts any number >= 0; a zero difficulty or price would print Infinity or $0
  const zero = (column: string, flag: string): InputIssue => ({
    path: '--date',
    message: `${file} has ${column} 0 on that day (expected > 0; give ${flag})`,
    value: date,
  });
  if (flags.difficulty === undefined && day.difficulty === 0) issues.push(zero('difficulty', '--difficulty'));
  if (flags.priceUsd === undefined && day.priceUsd === 0) issues.push(zero('price', '--price'));
  if (flags.feesBtcPerBlock === undefined && (day.feesBtc === null || perBlock === null))
    issues.push(absent('fees or blocks', '--fees'));
  if (flags.height === undefined && (day.subsidyBtc === null || perBlock === null))
    issues.push(absent('subsidy or blocks', '--height'));
  const estimate = flags.height === undefined ? dayEndHeight(days, index) : null;
  if (flags.height === undefined && estimate === null)
    issues.push({
      path: '--height',
      message: `required: ${file} neither starts at 2009-01-03 nor has a supply column to place ${date} on the chain`,
    });
  if (issues.length > 0) throw new InputError(issues);

  const height = flags.height ?? estimate!.height;
  const subsidyBtc = flags.height !== undefined ? subsidyBtcAt(height) : day.subsidyBtc! / perBlock!;
  const overrides = overridden(flags);
  const how = estimate
    ? `, height from ${estimate.method === 'block-count' ? 'block counts' : 'supply'}`
    : '';
  return build(
    flags.difficulty ?? day.difficulty!,
    flags.priceUsd ?? day.priceUsd!,
    flags.feesBtcPerBlock ?? day.feesBtc! / perBlock!,
    height,
    subsidyBtc,
    `coinmetrics ${file} ${date}${how}${overrides}`,
  );
}

async function marketFromMempool(url: string, explicitUrl: boolean, flags: MarketFlags): Promise<Market> {
  const live = await fetchMempoolMarket(url, { flag: explicitUrl ? '--mempool-url' : '--live' });
  const height = flags.height ?? live.tip.height + 1;
  return build(
    flags.difficulty ?? live.tip.difficulty,
    flags.priceUsd ?? live.price.priceUsd,
    flags.feesBtcPerBlock ?? live.feesBtcPerBlock,
    height,
    subsidyBtcAt(height),
    `mempool ${live.baseUrl} tip ${live.tip.height}${overridden(flags)}`,
  );
}

function build(
  difficulty: number,
  priceUsd: number,
  feesBtcPerBlock: number,
  height: number,
  subsidyBtc: number,
  source: string,
): Market {
  return {
    difficulty,
    priceUsd,
    feesBtcPerBlock,
    height,
    subsidyBtc,
    rewardPerBlockBtc: subsidyBtc + feesBtcPerBlock,
    source,
  };
}

function subsidyBtcAt(height: number): number {
  return blockSubsidySat(height) / SAT_PER_BTC;
}

function overridden(flags: MarketFlags): string {
  const names = [
    flags.difficulty !== undefined && '--difficulty',
    flags.priceUsd !== undefined && '--price',
    flags.feesBtcPerBlock !== undefined && '--fees',
    flags.height !== undefined && '--height',
  ].filter((n): n is string => typeof n === 'string');
  return names.length > 0 ? `, overridden by ${names.join(' ')}` : '';
}

function parseMarketFlags(opts: Record<string, unknown>, issues: InputIssue[]): MarketFlags {
  const flags: MarketFlags = {};
  const read = (key: string, flag: string, rule: Parameters<typeof parseNumberFlag>[2]) => {
    const raw = opts[key];
    if (raw === undefined) return undefined;
    try {
      return parseNumberFlag(flag, typeof raw === 'number' ? raw : String(raw), rule);
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      issues.push(...error.issues);
      return undefined;
    }
  };
  const difficulty = read('difficulty', '--difficulty', { greaterThan: 0 });
  const priceUsd = read('price', '--price', { greaterThan: 0, unit: 'USD' });
  const feesBtcPerBlock = read('fees', '--fees', { min: 0, max: 21e6, unit: 'BTC' });
  const height = read('height', '--height', { integer: true, min: 0, max: Number.MAX_SAFE_INTEGER });
  if (difficulty !== undefined) flags.difficulty = difficulty;
  if (priceUsd !== undefined) flags.priceUsd = priceUsd;
  if (feesBtcPerBlock !== undefined) flags.feesBtcPerBlock = feesBtcPerBlock;
  if (height !== undefined) flags.height = height;
  return flags;
}

function stringOpt(
  opts: Record<string, unknown>,
  key: string,
  flag: string,
  issues: InputIssue[],
): string | undefined {
  const raw = opts[key];
  if (raw === undefined) return undefined;
  if (typeof raw !== 'string' || raw === '') {
    issues.push({ path: flag, message: 'expected a value', value: raw });
    return undefined;
  }
  if (flag === '--date') {
    try {
      return parseDateFlag(flag, raw);
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      issues.push(...error.issues);
      return undefined;
    }
  }
  return raw;
}
