import { z } from 'zod';
import { AsicTierSpec } from './asic-tier.ts';

/**
 * Operating terms of a mining fleet: what a site pays and loses on the way from hashrate to margin.
 * Defaults are the neutral values (no pool fee, full uptime, PUE 1, no opex) and are stated in each field.
 */
export const MiningTerms = z.object({
  poolFeeFraction: z.number().min(0).lt(1).default(0).meta({
    description: 'share of mined BTC kept by the pool (FPPS fee), default 0',
    unit: 'fraction',
    example: 0.02,
  }),
  uptimeFraction: z.number().gt(0).max(1).default(1).meta({
    description: 'share of the period the fleet hashes (scales revenue and energy alike), default 1',
    unit: 'fraction',
    example: 0.95,
  }),
  pue: z.number().min(1).max(3).default(1).meta({
    description: 'site power / ASIC power (cooling, transformers, lighting), default 1',
    unit: 'ratio',
    example: 1.05,
  }),
  powerPriceUsdPerMwh: z
    .number()
    .min(-10_000)
    .max(100_000)
    .meta({ description: 'all-in price of site energy (may be negative)', unit: 'USD/MWh', example: 45 }),
  opexUsdPerMwMonth: z.number().min(0).default(0).meta({
    description: 'fixed opex per MW of ASIC nameplate power per month (staff, upkeep, site), default 0',
    unit: 'USD/MW-month',
    example: 12_000,
  }),
  opexUsdPerThMonth: z.number().min(0).default(0).meta({
    description: 'fixed opex per TH/s of hashrate per month (e.g. hosting or repair contracts), default 0',
    unit: 'USD/TH-month',
    example: 0,
  }),
});
export type MiningTerms = z.infer<typeof MiningTerms>;

/** A fleet mining for a period at one hashprice: the input of a mining P&L. */
export const MiningPnlInput = MiningTerms.extend({
  fleet: z
    .array(AsicTierSpec)
    .min(1)
    .meta({ description: 'ASIC tiers (catalog model × units, or TH/s @ J/TH)' }),
  hashpriceBtcPerPhDay: z.number().positive().meta({
    description: 'expected BTC per PH/s per day before pool fee (see hashpriceBtcPerPhDay)',
    unit: 'BTC/PH/day',
    example: 6.3585e-4,
  }),
  priceUsd: z.number().positive().meta({ description: 'BTC price', unit: 'USD', example: 92_460 }),
  days: z
    .number()
    .positive()
    .max(36_525)
    .meta({ description: 'length of the period', unit: 'days', example: 30.4375 }),
}).meta({ id: 'MiningPnlInput' });
export type MiningPnlInput = z.infer<typeof MiningPnlInput>;
