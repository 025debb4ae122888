import { readFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { SolverChoice } from '../core/dispatch/dispatch-site.ts';
import type { DispatchInput } from '../core/dispatch/problem.ts';
import { InputError } from '../core/errors.ts';
import { parseAiProfileCsv } from '../data/ai-profile-csv.ts';
import { parseFourCpCsv } from '../data/ercot-4cp-csv.ts';
import { parseAncillaryPriceCsv } from '../data/ercot-as-csv.ts';
import { parsePriceText } from '../data/prices.ts';
import type { DispatchResult } from '../schema/dispatch-result.ts';
import type { PriceSeries } from '../schema/price-series.ts';
import { parseSite } from '../schema/site.ts';
import { runDispatch } from '../solvers/run-dispatch.ts';

/** Price series shipped with Mullet, by the name a request gives them. */
export const BUILTIN_PRICES: Readonly<Record<string, string>> = {
  'builtin:ercot-hb-west-2023': resolve(
    dirname(fileURLToPath(import.meta.url)),
    '../../examples/prices/ercot-hb-west-2023-dam.csv',
  ),
};

/** Hashprice used when a request gives none (the CLI's worked example); the result's warnings say so. */
export const DEFAULT_HASHPRICE_USD_PER_PH_DAY = 75;

/** One dispatch back-test, as plain data (it crosses into a worker thread). */
export interface DispatchTask {
  /** A site document; validated here with paths under `sitePath`. */
  site: unknown;
  sitePath: string;
  /** `builtin:<name>` or CSV text. */
  prices: string;
  node?: string;
  hashpriceUsdPerPhDay?: number;
  btcPriceUsd?: number;
  from?: string;
  to?: string;
  solver?: SolverChoice;
  aiProfileCsv?: string;
  fourCpCsv?: string;
  ancillaryPricesCsv?: string;
  /** Prefix of request-field paths in errors (`body`). */
  fieldRoot: string;
}

const builtinCache = new Map<string, Promise<string>>();

async function priceText(task: DispatchTask, field: string): Promise<{ text: string; fileName: string }> {
  if (!task.prices.startsWith('builtin:')) return { text: task.prices, fileName: field };
  const file = BUILTIN_PRICES[task.prices];
  if (file === undefined)
    throw new InputError({
      path: field,
      message: `unknown built-in price series; expected one of ${Object.keys(BUILTIN_PRICES).join(', ')}`,
      value: task.prices,
    });
  let text = builtinCache.get(file);
  if (text === undefined) {
    text = readFile(file, 'utf8');
    builtinCache.set(file, text);
  }
  return { text: await text, fileName: task.prices };
}

/**
 * Validates and runs one dispatch: the site, the price text (or a built-in series), the optional CSV inputs,
 * then `runDispatch` (merit order, or HiGHS when the site couples hours).
 * @throws InputError naming the request field (`body.prices` line 12, `body.site.interconnectMw`, ...).
 */
export async function executeDispatchTask(task: DispatchTask): Promise<DispatchResult> {
  const f = (name: string) => `${task.fieldRoot}.${name}`;
  const site = parseSite(task.site, task.sitePath);
  const node = task.node ?? site.power.node;
  const { text, fileName } = await priceText(task, f('prices'));
  const prices: PriceSeries = parsePriceText(text, {
    node,
    fileName,
    nodePath: task.node === undefined && node !== undefined ? `${task.sitePath}.power.node` : f('node'),
  });
  const warnings: string[] = [];
  let usdPerPhDay = task.hashpriceUsdPerPhDay;
  if (usdPerPhDay === undefined) {
    usdPerPhDay = DEFAULT_HASHPRICE_USD_PER_PH_DAY;
    warnings.push(
      `hashpriceUsdPerPhDay not given: used ${DEFAULT_HASHPRICE_USD_PER_PH_DAY} USD/PH/day for every day`,
    );
  }
  const input: DispatchInput = {
    site,
    prices,
    hashprice:
      task.btcPriceUsd === undefined ? { usdPerPhDay } : { usdPerPhDay, btcPriceUsd: task.btcPriceUsd },
    from: task.from,
    to: task.to,
    paths: {
      hashprice: f('hashpriceUsdPerPhDay'),
      from: f('from'),
      to: f('to'),
      solver: f('solver'),
      aiProfile: f('aiProfileCsv'),
      ancillaryPrices: f('ancillaryPricesCsv'),
    },
  };
  if (site.ai?.profileCsv !== undefined) {
    if (task.aiProfileCsv === undefined)
      throw new InputError({
        path: f('aiProfileCsv'),
        message: `required: the site's ai.profileCsv names a file; send its CSV text (timestamp,it_mw) here`,
      });
    input.aiProfileMw = parseAiProfileCsv(task.aiProfileCsv, f('aiProfileCsv'));
  }
  if (task.fourCpCsv !== undefined) input.fourCpIntervals = parseFourCpCsv(task.fourCpCsv, f('fourCpCsv'));
  if (task.ancillaryPricesCsv !== undefined) {
    const service = site.demandResponse?.ancillary?.service;
    if (service === undefined)
      throw new InputError({
        path: f('ancillaryPricesCsv'),
        message: 'the site has no demandResponse.ancillary to price',
      });
    input.ancillaryPrices = parseAncillaryPriceCsv(task.ancillaryPricesCsv, f('ancillaryPricesCsv'), service);
  }
  const result = await runDispatch(input, { solver: task.solver ?? 'auto' });
  return warnings.length === 0 ? result : { ...result, warnings: [...warnings, ...result.warnings] };
}
