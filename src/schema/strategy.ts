import { z } from 'zod';
import { between, integer, Label, nonNegative, positive } from './scenario-quantities.ts';
import { TreasuryPolicy } from './treasury-policy.ts';

/** The AI tenant's contract for a converted hall. */
export const ConversionLease = z
  .object({
    usdPerKwMonth: positive({
      description: 'rent per kW of critical IT per month',
      unit: 'USD/kW-month',
      example: 125,
    }),
    termMonths: integer(1, 1200, {
      description: 'lease term from energization',
      unit: 'months',
      example: 180,
    }),
    escalatorPerYear: between(-0.5, 1, {
      description: 'yearly rent escalation',
      unit: '1/year',
      example: 0.03,
    }).default(0),
    tenantDefaultPerYear: between(0, 1, {
      description: 'probability per year that the tenant defaults (rent and lease costs stop for good)',
      unit: '1/year',
      example: 0.02,
    }).default(0),
  })
  .strict();
export type ConversionLease = z.infer<typeof ConversionLease>;

/** Project debt raised against a conversion's capex: each month's draw amortizes in level payments. */
export const ConversionFinancing = z
  .object({
    debtShare: between(0, 1, { description: 'share of the capex borrowed', unit: 'fraction', example: 0.7 }),
    interestRatePerYear: between(0, 1, {
      description: 'interest rate of the project debt',
      unit: '1/year',
      example: 0.08,
    }),
    termMonths: integer(1, 600, {
      description: 'amortization term of each draw, from the month after it',
      unit: 'months',
      example: 120,
    }),
  })
  .strict();
export type ConversionFinancing = z.infer<typeof ConversionFinancing>;

/** Converting part of a site from mining to an AI/HPC hall. */
export const Conversion = z
  .object({
    site: Label.meta({ description: 'name of the site converted', example: 'Rockdale' }),
    itMw: z
      .union(
        [positive({ description: 'critical IT MW built', unit: 'MW', example: 100 }), z.literal('all')],
        {
          error: 'expected a number > 0 MW or "all"',
        },
      )
      .meta({
        description: 'critical IT MW built, or "all" the site can host: (interconnect − existing AI) / pue',
      }),
    startMonth: integer(0, 1200, { description: 'month construction starts', unit: 'months', example: 6 }),
    buildMonths: integer(0, 120, {
      description: 'construction time (capex spread evenly)',
      unit: 'months',
      example: 12,
    }),
    capexUsdPerMw: nonNegative({
      description: 'landlord build cost per MW of critical IT',
      unit: 'USD/MW',
      example: 9_000_000,
    }),
    pue: between(1, 3, { description: 'facility power / IT power of the hall', unit: 'ratio', example: 1.3 }),
    opexUsdPerMwMonth: nonNegative({
      description: 'landlord opex per MW of critical IT per month while leased',
      unit: 'USD/MW-month',
      example: 20_000,
    }).default(0),
    powerPassThrough: z
      .boolean()
      .default(true)
      .meta({ description: 'true: the tenant pays the power bill (default); false: the landlord does' }),
    miningStops: z
      .enum(['build-start', 'energized'], { error: 'expected "build-start" or "energized"' })
      .default('build-start')
      .meta({ description: 'when the converted MW leave mining (default build-start)' }),
    lease: ConversionLease,
    financing: ConversionFinancing.optional().meta({
      description: 'project debt for the capex (default: all equity)',
    }),
  })
  .strict();
export type Conversion = z.infer<typeof Conversion>;

/** Buying new ASICs out of cash flow. */
export const Reinvest = z
  .object({
    shareOfCashFlow: between(0, 1, {
      description:
        'share of each month’s positive EBITDA spent on new frontier ASICs (cash and free MW permitting)',
      unit: 'fraction',
      example: 0.5,
    }),
    fromMonth: integer(0, 1200, {
      description: 'first month of purchases',
      unit: 'months',
      example: 0,
    }).default(0),
    untilMonth: integer(0, 1200, {
      description: 'month purchases stop (default: never)',
      unit: 'months',
      example: 60,
    }).optional(),
  })
  .strict();
export type Reinvest = z.infer<typeof Reinvest>;

/** One course of action to compare: pure-play (no conversions), mullet (some), full pivot (all). */
export const Strategy = z
  .object({
    name: Label.meta({ description: 'strategy name, unique in the scenario', example: 'mullet' }),
    description: z.string().optional(),
    treasury: TreasuryPolicy,
    reinvest: Reinvest.optional(),
    conversions: z.array(Conversion).default([]).meta({ description: 'AI conversions (none for pure-play)' }),
  })
  .strict()
  .meta({ id: 'Strategy' });
export type Strategy = z.infer<typeof Strategy>;

/** Sweep of one strategy's converted IT MW: gives mean NPV against downside (the allocation frontier). */
export const Frontier = z
  .object({
    strategy: Label.meta({
      description: 'name of the strategy whose conversions are scaled',
      example: 'mullet',
    }),
    aiMw: z
      .array(nonNegative({ description: 'total critical IT MW converted', unit: 'MW', example: 100 }))
      .min(2, { error: 'expected at least 2 points' })
      .meta({
        description: 'total critical IT MW of each point; the strategy’s conversions scale proportionally',
      }),
  })
  .strict();
export type Frontier = z.infer<typeof Frontier>;
