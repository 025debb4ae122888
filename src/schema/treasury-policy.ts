import { z } from 'zod';

/**
 * What the company does with the BTC it mines, month by month:
 * - `hodl`: never sells (costs come out of cash; a shortfall is possible);
 * - `sell-to-cover`: sells BTC worth the month's cash costs not covered by AI rent, and more if cash would
 *   end below the floor (`company.minCashUsd`);
 * - `never-sell-below-cost`: as sell-to-cover, but sells nothing in a month whose BTC price is below that
 *   month's production cost per BTC (mining power + mining opex over BTC mined);
 * - `sell-production`: sells every BTC mined in the month it is mined.
 */
export const TreasuryPolicy = z
  .enum(['hodl', 'sell-to-cover', 'never-sell-below-cost', 'sell-production'], {
    error: 'expected one of "hodl", "sell-to-cover", "never-sell-below-cost", "sell-production"',
  })
  .meta({ description: 'treasury policy for mined BTC', example: 'sell-to-cover' });
export type TreasuryPolicy = z.infer<typeof TreasuryPolicy>;
