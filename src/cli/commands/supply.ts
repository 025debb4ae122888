import type { Command } from 'commander';
import { SAT_PER_BTC } from '../../core/bitcoin/constants.ts';
import { halvingEra, nextHalvingHeight } from '../../core/bitcoin/halving.ts';
import { issuedSat, TOTAL_ISSUANCE_SAT } from '../../core/bitcoin/issuance.ts';
import { blockSubsidySat } from '../../core/bitcoin/subsidy.ts';
import { parseNumberFlag } from '../options.ts';
import { printJson, renderPairs } from '../output.ts';

/** `mullet supply --height H`: subsidy of block H and coins issued by blocks 0..H, in satoshi. */
export function registerSupply(program: Command): void {
  program
    .command('supply')
    .description('block subsidy at a height and cumulative issuance up to it (exact, in satoshi)')
    .requiredOption('--height <H>', 'block height (integer >= 0)')
    .option('--json', 'print one JSON document')
    .addHelpText(
      'after',
      `
subsidySat = 5,000,000,000 >> floor(H / 210,000) (0 from 64 halvings; already 0 from the 33rd, 6,930,000)
issuedSat  = sum of subsidySat over blocks 0..H (genesis included); the total is 2,099,999,997,690,000 sat

Example:
  $ mullet supply --height 840000
  height             840000
  subsidySat         312500000
  issuedSat          1968750312500000
  ...`,
    )
    .action((opts: { height: string; json?: boolean }) => {
      const height = parseNumberFlag('--height', opts.height, {
        integer: true,
        min: 0,
        max: Number.MAX_SAFE_INTEGER,
      });
      const subsidySat = blockSubsidySat(height);
      const issued = issuedSat(height);
      const result = {
        height,
        subsidySat,
        issuedSat: issued,
        subsidyBtc: subsidySat / SAT_PER_BTC,
        issuedBtc: issued / SAT_PER_BTC,
        halvingEra: halvingEra(height),
        nextHalvingHeight: nextHalvingHeight(height),
        remainingSat: TOTAL_ISSUANCE_SAT - issued,
      };
      if (opts.json) return printJson(result);
      process.stdout.write(
        `${renderPairs([
          ['height', String(height)],
          ['subsidySat', `${subsidySat} sat (${result.subsidyBtc} BTC)`],
          ['issuedSat', `${issued} sat (${result.issuedBtc} BTC)`],
          ['halvingEra', String(result.halvingEra)],
          ['nextHalvingHeight', String(result.nextHalvingHeight)],
          ['remainingSat', `${result.remainingSat} sat`],
        ])}\n`,
      );
    });
}
