import type { Command } from 'commander';
import { type WorkedExample, workedExample } from '../../core/economics/worked-example.ts';
import { printJson, renderTable } from '../output.ts';

/** `mullet example`: the worked example of a miner's economics on embedded defaults. */
export function registerExample(program: Command): void {
  program
    .command('example')
    .description("worked example: a 100 MW site's mining economics vs leasing it to an AI tenant (no inputs)")
    .option('--json', 'print one JSON document with every figure and assumption')
    .addHelpText(
      'after',
      `
Runs on embedded defaults, no flags needed: the bitcoin network of 2024-11-23 (difficulty 1.0203e14,
BTC $92,460, 3.125 + 0.1 BTC per block), power at $45/MWh, 27,000 Antminer S21s on 100 MW, or the same
100 MW leased to an AI tenant at $1.45M per MW-year of critical IT. It prints the hashprice, the breakeven
power price per model, one month of the fleet's P&L, the production cost per BTC, and the NPV and IRR of
both uses of the site. Every assumption is listed at the end of the report (and in --json).

Examples:
  $ mullet example
  Mullet worked example: one 100 MW site, mined or leased to an AI tenant
  ...
  Hashprice: $58.79 per PH/s per day (0.00063584 BTC)
  ...
  $ mullet example --json | jq '.mining.valuation'`,
    )
    .action((opts: { json?: boolean }) => {
      const example = workedExample();
      if (opts.json) return printJson(example);
      process.stdout.write(`${renderExample(example)}\n`);
    });
}

function renderExample(x: WorkedExample): string {
  const a = x.assumptions;
  const m = x.mining.month;
  const lease = a.ai;
  const fleet = a.mining.fleet
    .map((t) =>
      'model' in t ? `${count(t.units)} × ${t.model}` : `${count(t.thPerS)} TH/s @ ${t.jPerTh} J/TH`,
    )
    .join(' + ');
  const rent =
    lease.pricing.kind === 'usd-per-kw-month'
      ? `$${(x.ai.usdPerMwYear / 1e6).toFixed(2)}M per MW-year ($${lease.pricing.usdPerKwMonth.toFixed(2)}/kW-month)`
      : `$${lease.pricing.usdPerGpuHour}/GPU-hour on ${lease.pricing.gpuSystem} at ${pct(lease.pricing.utilizationFraction)} utilization`;
  const breakevenTable = renderTable(
    [
      { key: 'model', title: 'model' },
      { key: 'jPerTh', title: 'J/TH' },
      { key: 'usdPerMwh', title: 'breakeven USD/MWh' },
      { key: 'verdict', title: `at $${a.mining.powerPriceUsdPerMwh}/MWh` },
    ],
    x.breakeven.map((r) => ({
      model: r.model,
      jPerTh: Number(r.jPerTh.toFixed(1)),
      usdPerMwh: Number(r.usdPerMwh.toFixed(2)),
      verdict:
        r.headroomUsdPerMwh >= 0
          ? `earns, $${r.headroomUsdPerMwh.toFixed(2)}/MWh to spare`
          : `loses $${(-r.headroomUsdPerMwh).toFixed(2)}/MWh`,
    })),
  );
  const valuationTable = renderTable(
    [
      { key: 'use', title: 'use of the site' },
      { key: 'npv', title: `NPV at ${pct(a.discountRatePerYear)}/yr` },
      { key: 'irr', title: 'IRR/yr' },
      { key: 'payback', title: 'pays back' },
    ],
    [
      { use: 'mining', ...valuationRow(x.mining.valuation) },
      { use: 'AI lease', ...valuationRow(x.ai.valuation) },
    ],
  );
  const sensitivity = x.mining.sensitivity
    .map(
      (s) =>
        `${pct(-s.hashpriceChange)} lower: NPV ${usdM(s.npvUsd)}, IRR ${s.irrPerYear === null ? 'n/a' : pct(s.irrPerYear)}`,
    )
    .join('; ');
  const c = x.mining.productionCost;
  return [
    'Mullet worked example: one 100 MW site, mined or leased to an AI tenant',
    '',
    `Market on ${x.market.date}: difficulty ${(x.market.difficulty / 1e12).toFixed(2)} T, BTC $${count(x.market.priceUsd)}, ` +
      `reward ${x.market.subsidyBtc} + ${x.market.feesBtcPerBlock} fees = ${x.market.rewardPerBlockBtc} BTC/block (height ~${count(x.market.height)})`,
    `  (${x.market.source})`,
    `Hashprice: $${x.hashprice.usdPerPhDay.toFixed(2)} per PH/s per day (${x.hashprice.btcPerPhDay.toPrecision(5)} BTC)`,
    '',
    `1. Which machines pay their power at $${a.mining.powerPriceUsdPerMwh}/MWh? (pool fee ${pct(a.mining.poolFeeFraction)}, PUE ${a.mining.pue})`,
    indent(breakevenTable),
    '',
    `2. Mining the site: ${fleet} = ${x.mining.hashrateEhPerS.toFixed(2)} EH/s, ${x.mining.asicPowerMw.toFixed(1)} MW of ASICs, ` +
      `${x.mining.sitePowerMw.toFixed(1)} MW at the meter`,
    `   One month (${m.days} days at ${pct(a.mining.uptimeFraction)} uptime):`,
    indent(
      pairs([
        ['BTC mined after the pool fee', `${m.btcMined.toFixed(2)} BTC`],
        ['revenue', usdM(m.revenueUsd)],
        [`pool fee (${pct(a.mining.poolFeeFraction)})`, usdM(-m.poolFeeUsd)],
        [`power (${count(m.energyMwh)} MWh at $${a.mining.powerPriceUsdPerMwh})`, usdM(-m.powerCostUsd)],
        [`opex ($${count(a.mining.opexUsdPerMwMonth)}/MW-month)`, usdM(-m.opexUsd)],
        ['margin (EBITDA)', usdM(m.marginUsd)],
      ]),
      5,
    ),
    `   Cost to produce 1 BTC: $${count(c.powerOnlyUsdPerBtc)} power only, $${count(c.cashUsdPerBtc)} with opex, ` +
      `$${count(c.allInUsdPerBtc)} all-in`,
    `   (all-in adds the ${usdM(x.mining.capexUsd)} of machines and site written off over ${a.mining.usefulLifeMonths} months).`,
    `   The fleet stops covering power and opex below $${x.mining.shutdownHashpriceUsdPerPhDay.toFixed(2)}/PH/day; ` +
      `the next halving (block ${count(x.mining.nextHalving.height)}) comes in about ${x.mining.nextHalving.month} months.`,
    '',
    `3. Leasing the site: ${x.ai.itMw.toFixed(1)} MW of critical IT (PUE ${lease.pue}) at ${rent},`,
    `   ${lease.buildMonths}-month build at ${usdM(lease.capexUsdPerMw)}/MW (${usdM(x.ai.capexUsd)}), ${lease.termMonths}-month term, ` +
      `${lease.powerPassThrough ? 'tenant pays the power' : `power at $${lease.powerPriceUsdPerMwh}/MWh paid by us`}.`,
    `   A month of the lease: rent ${usdM(x.ai.month.revenueUsd)}, opex ${usdM(-x.ai.month.opexUsd)}` +
      `${x.ai.month.powerCostUsd > 0 ? `, power ${usdM(-x.ai.month.powerCostUsd)}` : ''}, EBITDA ${usdM(x.ai.month.ebitdaUsd)}.`,
    '',
    `4. Both uses over the same ${x.horizonMonths} months (build + term), before tax, no residual value:`,
    indent(valuationTable),
    `   Mining if the hashprice were ${sensitivity}.`,
    '',
    'Assumptions: mining holds difficulty, BTC price and fees at the snapshot and follows the halving schedule;',
    '  the fleet is not refreshed and is retired after its last profitable month. In the same data, from',
    '  2019-11-22 to 2024-11-23, difficulty rose 8.0x (~52%/yr) and the price 11.1x; the lease is contracted',
    '  and does not depend on BTC. Assumptions, not sourced: machines at ' +
      `$${a.mining.asicUsdPerTh}/TH, mining site build-out ${usdM(a.mining.infrastructureUsdPerMw)}/MW,`,
    `  mining opex $${count(a.mining.opexUsdPerMwMonth)}/MW-month, AI opex $${count(lease.opexUsdPerMwMonth)}/MW-month. ` +
      "AI capex: TeraWulf's $8-10M per MW (public).",
    '  Full list and every figure: mullet example --json',
  ].join('\n');
}

function valuationRow(v: WorkedExample['ai']['valuation']): Record<string, string> {
  return {
    npv: usdM(v.npvUsd),
    irr: v.irrPerYear === null ? `n/a (${v.irrStatus})` : pct(v.irrPerYear),
    payback: v.paybackMonth === null ? 'never' : `month ${v.paybackMonth}`,
  };
}

function pairs(rows: [string, string][]): string {
  const width = Math.max(...rows.map(([k]) => k.length));
  const valueWidth = Math.max(...rows.map(([, v]) => v.length));
  return rows.map(([k, v]) => `${k.padEnd(width)}  ${v.padStart(valueWidth)}`).join('\n');
}

function indent(text: string, spaces = 3): string {
  return text
    .split('\n')
    .map((line) => ' '.repeat(spaces) + line)
    .join('\n');
}

function usdM(usd: number): string {
  const sign = usd < 0 ? '-' : '';
  return `${sign}$${(Math.abs(usd) / 1e6).toFixed(2)}M`;
}

function pct(fraction: number): string {
  return `${Number((fraction * 100).toFixed(1))}%`;
}

function count(value: number): string {
  return Math.round(value).toLocaleString('en-US');
}
