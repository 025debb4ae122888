import type { Command } from 'commander';
import { addMarketOptions, MARKET_HELP, marketHashprice, resolveMarket } from '../market.ts';
import { printJson, renderPairs } from '../output.ts';

/** `mullet hashprice`: expected revenue of 1 PH/s for one day, in BTC and USD. */
export function registerHashprice(program: Command): void {
  const cmd = program
    .command('hashprice')
    .description('hashprice: expected BTC and USD earned by 1 PH/s in one day (before pool fee)')
    .option('--json', 'print one JSON document');
  addMarketOptions(cmd)
    .addHelpText(
      'after',
      `${MARKET_HELP}

Formula: btcPerPhDay = 1e15 · 86400 · (subsidyBtc + feesBtcPerBlock) / (difficulty · 2^32); usdPerPhDay = btcPerPhDay · priceUsd

Example (worked by hand in MODEL.md):
  $ mullet hashprice --difficulty 1e14 --price 60000 --fees 0.1 --height 840000
  btcPerPhDay        0.00064875931 BTC/PH/day
  usdPerPhDay        38.925558 USD/PH/day
  ...
  $ mullet hashprice --network btc_daily_coinmetrics.csv --date 2019-06-01 --json`,
    )
    .action(async (opts: Record<string, unknown>) => {
      const market = await resolveMarket(opts);
      const { btcPerPhDay, usdPerPhDay } = marketHashprice(market, opts);
      const result = { btcPerPhDay, usdPerPhDay, ...market };
      if (opts.json) return printJson(result);
      process.stdout.write(
        `${renderPairs([
          ['btcPerPhDay', `${formatNumber(result.btcPerPhDay)} BTC/PH/day`],
          ['usdPerPhDay', `${formatNumber(result.usdPerPhDay)} USD/PH/day`],
          ['difficulty', formatNumber(market.difficulty, 15)],
          ['priceUsd', `${formatNumber(market.priceUsd)} USD/BTC`],
          ['feesBtcPerBlock', `${formatNumber(market.feesBtcPerBlock)} BTC`],
          ['subsidyBtc', `${formatNumber(market.subsidyBtc)} BTC`],
          ['rewardPerBlockBtc', `${formatNumber(market.rewardPerBlockBtc)} BTC`],
          ['height', String(market.height)],
          ['source', market.source],
        ])}\n`,
      );
    });
}

/** `digits` significant digits; integers below 1e15 in full. */
function formatNumber(value: number, digits = 8): string {
  if (Number.isInteger(value) && Math.abs(value) < 1e15) return String(value);
  return String(Number(value.toPrecision(digits)));
}
