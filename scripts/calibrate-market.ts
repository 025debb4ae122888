// Calibrates the simulator's market parameters from the data kit and prints them as one JSON document.
// Usage: node --import tsx scripts/calibrate-market.ts [COINMETRICS_CSV] [BLOCKCHAIN_COM_4DAY_CSV]
// The printed figures are what src/core/simulate/calibration.ts ships (rounded); rerun this to check them.
// The Coin Metrics file is CC BY-NC 4.0: only these aggregate parameters are shipped, never its rows.
import { readFileSync } from 'node:fs';
import { parseCoinMetricsCsv } from '../src/data/coinmetrics-csv.ts';

const coinMetricsPath = process.argv[2] ?? '/work/shared/data/btc_daily_coinmetrics.csv';
const blockchainComPath = process.argv[3] ?? '/work/shared/data/btc_network_4day_blockchaincom.csv';
const PRICE_FROM = '2016-01-01';
const PRICE_TO = '2019-12-31';
/** A daily log-return further than this many robust standard deviations (1.4826·MAD) from the median is a jump. */
const JUMP_THRESHOLD_SIGMAS = 4;
const DAYS_PER_YEAR = 365.25;

const days = parseCoinMetricsCsv(readFileSync(coinMetricsPath, 'utf8'), coinMetricsPath);

function mean(xs: readonly number[]): number {
  return xs.reduce((s, x) => s + x, 0) / xs.length;
}
function variance(xs: readonly number[]): number {
  const m = mean(xs);
  return xs.reduce((s, x) => s + (x - m) ** 2, 0) / (xs.length - 1);
}
function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

// --- BTC price: daily log-returns, split into diffusion and jumps by a robust threshold.
const returns: number[] = [];
for (let i = 1; i < days.length; i++) {
  const a = days[i - 1]!;
  const b = days[i]!;
  if (b.date < PRICE_FROM || b.date > PRICE_TO || !a.priceUsd || !b.priceUsd) continue;
  returns.push(Math.log(b.priceUsd / a.priceUsd));
}
const med = median(returns);
const robustSd = 1.4826 * median(returns.map((r) => Math.abs(r - med)));
const isJump = (r: number) => Math.abs(r - med) > JUMP_THRESHOLD_SIGMAS * robustSd;
const jumps = returns.filter(isJump);
const diffusion = returns.filter((r) => !isJump(r));
const years = returns.length / DAYS_PER_YEAR;

// --- Fees: monthly mean fee per block (BTC), AR(1) on its log.
const feeMonths = new Map<string, { feesBtc: number; blocks: number }>();
for (const d of days) {
  if (d.date < PRICE_FROM || d.date > PRICE_TO || !d.blocks || d.feesBtc === null) continue;
  const key = d.date.slice(0, 7);
  const e = feeMonths.get(key) ?? { feesBtc: 0, blocks: 0 };
  e.feesBtc += d.feesBtc;
  e.blocks += d.blocks;
  feeMonths.set(key, e);
}
const logFee = [...feeMonths.values()].map((e) => Math.log(e.feesBtc / e.blocks));
const x0 = logFee.slice(0, -1);
const x1 = logFee.slice(1);
const mx0 = mean(x0);
const mx1 = mean(x1);
let sxy = 0;
let sxx = 0;
for (let i = 0; i < x0.length; i++) {
  sxy += (x0[i]! - mx0) * (x1[i]! - mx1);
  sxx += (x0[i]! - mx0) ** 2;
}
const phi = sxy / sxx;
const residuals = x1.map((y, i) => y - mx1 - phi * (x0[i]! - mx0));

// --- Network hashrate growth (blockchain.com 7-day averages every 4 days), 2023-01-01 … end of file.
const rows = readFileSync(blockchainComPath, 'utf8')
  .trim()
  .split(/\r?\n/)
  .slice(1)
  .map((line) => {
    const [date, price, difficulty, hashrate] = line.split(',');
    return {
      date: date!,
      priceUsd: Number(price),
      difficulty: Number(difficulty),
      hashrateThPerS: Number(hashrate),
    };
  });
const window = rows.filter((r) => r.date >= '2023-01-01');
const first = window[0]!;
const last = window[window.length - 1]!;
const spanMonths = (Date.parse(last.date) - Date.parse(first.date)) / 86_400_000 / (DAYS_PER_YEAR / 12);

const result = {
  source: {
    price: `${coinMetricsPath} PriceUSD ${PRICE_FROM}..${PRICE_TO} (Coin Metrics community data, CC BY-NC 4.0)`,
    network: `${blockchainComPath} (blockchain.com 7-day averages) ${first.date}..${last.date}`,
  },
  price: {
    days: returns.length,
    historicalDriftPerYear: mean(returns) * DAYS_PER_YEAR,
    volatilityPerYear: Math.sqrt(variance(returns) * DAYS_PER_YEAR),
    jumpThresholdSigmas: JUMP_THRESHOLD_SIGMAS,
    diffusionVolatilityPerYear: Math.sqrt(variance(diffusion) * DAYS_PER_YEAR),
    jumpsPerYear: jumps.length / years,
    jumpMeanLog: mean(jumps),
    jumpStdLog: Math.sqrt(variance(jumps)),
  },
  fees: {
    months: logFee.length,
    meanBtcPerBlock: Math.exp(mean(logFee)),
    reversionPerMonth: 1 - phi,
    volatilityPerMonth: Math.sqrt(variance(residuals)),
  },
  network: {
    hashrateStartEhPerS: first.hashrateThPerS / 1e6,
    hashrateEndEhPerS: last.hashrateThPerS / 1e6,
    growthEhPerSPerMonth: (last.hashrateThPerS - first.hashrateThPerS) / 1e6 / spanMonths,
    logGrowthPerYear: (Math.log(last.hashrateThPerS / first.hashrateThPerS) / spanMonths) * 12,
    lastPriceUsd: last.priceUsd,
    lastDifficulty: last.difficulty,
  },
};
process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
