import type { Command } from 'commander';
import { breakevenUsdPerMwh } from '../../core/economics/breakeven.ts';
import { InputError, type InputIssue } from '../../core/errors.ts';
import { findAsicModel } from '../../core/hardware/asic.ts';
import { addMarketOptions, MARKET_HELP, marketHashprice, resolveMarket } from '../market.ts';
import { type NumberRule, parseNumberFlag } from '../options.ts';
import { printJson, renderPairs } from '../output.ts';

interface Machine {
  model: string | null;
  jPerTh: number;
}

/** `mullet breakeven`: the power price at which a machine earns exactly its costs. */
export function registerBreakeven(program: Command): void {
  const cmd = program
    .command('breakeven')
    .description('breakeven power price (USD/MWh) of an ASIC model or an efficiency at a market')
    .option('--model <NAME>', 'ASIC model from `mullet catalog asics` (e.g. "Antminer S21")')
    .option('--jth <J_PER_TH>', 'efficiency at the wall in J/TH, instead of --model')
    .option('--pool-fee <FRACTION>', 'pool fee as a fraction, 0.02 = 2% (default 0)')
    .option('--uptime <FRACTION>', 'share of time hashing, (0, 1] (default 1; matters only with --opex)')
    .option('--pue <RATIO>', 'site power / ASIC power, >= 1 (default 1)')
    .option('--opex <USD_PER_MW_MONTH>', 'fixed opex per MW of ASICs per month (default 0)')
    .option('--json', 'print one JSON document');
  addMarketOptions(cmd)
    .addHelpText(
      'after',
      `${MARKET_HELP}

Formula (see MODEL.md):
  usdPerMwh = usdPerPhDay · (1 − poolFee) · 1000 / (24 · J/TH · PUE) − opex / (730.5 h · uptime · PUE)
  The pool fee scales revenue, PUE scales energy. Uptime scales revenue and energy alike, so it cancels
  unless fixed opex has to be spread over fewer MWh. With no optional flags: no pool fee, full uptime, PUE 1.

Examples (hand-checked: 38.9256 · 1000 / (24 · 17.5) = 92.68):
  $ mullet breakeven --model "Antminer S21" --difficulty 1e14 --price 60000 --fees 0.1 --height 840000
  usdPerMwh  92.680
  machine    Antminer S21 (17.5 J/TH)
  ...
  $ mullet breakeven --jth 20 --pool-fee 0.02 --pue 1.05 --live --json`,
    )
    .action(async (opts: Record<string, unknown>) => {
      const issues: InputIssue[] = [];
      const machine = readMachine(opts, issues);
      const read = (key: string, flag: string, rule: NumberRule): number | undefined => {
        if (opts[key] === undefined) return undefined;
        try {
          return parseNumberFlag(flag, String(opts[key]), rule);
        } catch (error) {
          if (!(error instanceof InputError)) throw error;
          issues.push(...error.issues);
          return undefined;
        }
      };
      const poolFeeFraction = read('poolFee', '--pool-fee', { min: 0, max: 0.99 });
      const uptimeFraction = read('uptime', '--uptime', { greaterThan: 0, max: 1 });
      const pue = read('pue', '--pue', { min: 1, max: 3 });
      const opexUsdPerMwMonth = read('opex', '--opex', { min: 0, unit: 'USD/MW-month' });
      if (issues.length > 0) {
        // report the market flags' problems in the same run, without going to the network for --live
        if (opts.live !== true) await resolveMarket(opts).catch((error: unknown) => collect(error, issues));
        throw new InputError(issues);
      }
      const market = await resolveMarket(opts);

      const { btcPerPhDay, usdPerPhDay } = marketHashprice(market, opts);
      const terms = {
        poolFeeFraction: poolFeeFraction ?? 0,
        uptimeFraction: uptimeFraction ?? 1,
        pue: pue ?? 1,
        opexUsdPerMwMonth: opexUsdPerMwMonth ?? 0,
      };
      const usdPerMwh = breakevenUsdPerMwh(usdPerPhDay, machine!.jPerTh, terms);
      if (!Number.isFinite(usdPerMwh))
        throw new InputError({
          path: opts.jth === undefined ? '--pue' : '--jth',
          message: 'gives a breakeven beyond the range of a number; check its magnitude',
          value: String(opts.jth ?? opts.pue),
        });
      const result = {
        usdPerMwh,
        model: machine!.model,
        jPerTh: machine!.jPerTh,
        ...terms,
        hashpriceUsdPerPhDay: usdPerPhDay,
        hashpriceBtcPerPhDay: btcPerPhDay,
        market,
      };
      if (opts.json) return printJson(result);
      process.stdout.write(
        `${renderPairs([
          ['usdPerMwh', usdPerMwh.toFixed(3)],
          [
            'machine',
            machine!.model
              ? `${machine!.model} (${fmt(machine!.jPerTh)} J/TH)`
              : `${fmt(machine!.jPerTh)} J/TH`,
          ],
          ['hashprice', `${fmt(usdPerPhDay)} USD/PH/day (${fmt(btcPerPhDay)} BTC/PH/day)`],
          ['poolFee', fmt(terms.poolFeeFraction)],
          ['uptime', fmt(terms.uptimeFraction)],
          ['pue', fmt(terms.pue)],
          ['opex', `${fmt(terms.opexUsdPerMwMonth)} USD/MW-month`],
          [
            'market',
            `difficulty ${fmt(market.difficulty)}, ${fmt(market.priceUsd)} USD/BTC, reward ${fmt(market.rewardPerBlockBtc)} BTC/block at height ${market.height}`,
          ],
          ['source', market.source],
        ])}\n`,
      );
    });
}

function collect(error: unknown, issues: InputIssue[]): void {
  if (!(error instanceof InputError)) throw error;
  issues.push(...error.issues);
}

function readMachine(opts: Record<string, unknown>, issues: InputIssue[]): Machine | undefined {
  const model = opts.model;
  const jth = opts.jth;
  if (model !== undefined && jth !== undefined) {
    issues.push({ path: '--jth', message: 'cannot be combined with --model (give one)', value: String(jth) });
    return undefined;
  }
  if (model === undefined && jth === undefined) {
    issues.push({ path: '--model', message: 'required: an ASIC model name, or --jth J_PER_TH' });
    return undefined;
  }
  try {
    if (model !== undefined) {
      const found = findAsicModel(String(model), '--model');
      return { model: found.model, jPerTh: found.efficiencyJPerTh };
    }
    return {
      model: null,
      jPerTh: parseNumberFlag('--jth', String(jth), { greaterThan: 0, max: 10_000, unit: 'J/TH' }),
    };
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    issues.push(...error.issues);
    return undefined;
  }
}

function fmt(value: number): string {
  return String(Number(value.toPrecision(8)));
}
