import { z } from 'zod';
import { AsicTierSpec } from './asic-tier.ts';
import { between, integer, Label, nonNegative, positive } from './scenario-quantities.ts';

/** One powered site of the company: where its miners (and later its AI halls) sit. */
export const CompanySite = z
  .object({
    name: Label.meta({ description: 'site name, unique in the company', example: 'Rockdale' }),
    interconnectMw: positive({ description: 'grid capacity of the site', unit: 'MW', example: 150 }),
    powerUsdPerMwh: nonNegative({
      description: 'all-in power price of the site',
      unit: 'USD/MWh',
      example: 38,
    }),
    miningPue: between(1, 2, {
      description: 'facility power / ASIC power for mining',
      unit: 'ratio',
      example: 1.05,
    }),
    fleet: z
      .array(AsicTierSpec)
      .default([])
      .meta({ description: 'ASICs installed at the start: catalog model and units, or a custom rating' }),
  })
  .strict();
export type CompanySite = z.infer<typeof CompanySite>;

/** An AI/HPC lease already signed at the start (firm: no build, no capex). */
export const ExistingAiLease = z
  .object({
    name: Label.meta({ description: 'lease name', example: 'CoreWeave hall 1' }),
    site: Label.meta({ description: 'name of the site hosting it', example: 'Denton' }),
    itMw: positive({ description: 'critical IT capacity leased', unit: 'MW', example: 16 }),
    usdPerKwMonth: positive({
      description: 'rent per kW of critical IT per month',
      unit: 'USD/kW-month',
      example: 120,
    }),
    remainingMonths: integer(1, 1200, {
      description: 'months left in the term',
      unit: 'months',
      example: 84,
    }),
    escalatorPerYear: between(-0.5, 1, {
      description: 'yearly rent escalation',
      unit: '1/year',
      example: 0.03,
    }).default(0),
    pue: between(1, 3, { description: 'facility power / IT power', unit: 'ratio', example: 1.3 }),
    opexUsdPerMwMonth: nonNegative({
      description: 'landlord opex per MW of critical IT per month',
      unit: 'USD/MW-month',
      example: 20_000,
    }).default(0),
    powerPassThrough: z
      .boolean()
      .default(true)
      .meta({ description: 'true: the tenant pays the power bill (default); false: the landlord does' }),
  })
  .strict();
export type ExistingAiLease = z.infer<typeof ExistingAiLease>;

/** Corporate debt: interest monthly, principal as a bullet at maturity. */
export const CompanyDebt = z
  .object({
    principalUsd: nonNegative({ description: 'principal outstanding', unit: 'USD', example: 500e6 }),
    interestRatePerYear: between(0, 1, { description: 'interest rate', unit: '1/year', example: 0.0375 }),
    maturityMonth: integer(1, 1200, {
      description: 'month the principal is repaid',
      unit: 'months',
      example: 60,
    }),
  })
  .strict();
export type CompanyDebt = z.infer<typeof CompanyDebt>;

/** The company: its sites and fleet, leases, balance sheet and cost structure at the start. */
export const Company = z
  .object({
    name: Label.meta({ description: 'company name', example: 'Example Mining Corp' }),
    sharesOutstanding: positive({ description: 'shares outstanding', unit: 'shares', example: 350e6 }),
    cashUsd: nonNegative({ description: 'cash at the start', unit: 'USD', example: 300e6 }),
    btcHeld: nonNegative({ description: 'BTC treasury at the start', unit: 'BTC', example: 8_000 }),
    minCashUsd: nonNegative({
      description: 'cash floor the treasury policies sell BTC to keep (a shortfall is cash below 0)',
      unit: 'USD',
      example: 50e6,
    }).default(0),
    debt: CompanyDebt.optional(),
    poolFeeShare: between(0, 0.2, { description: 'pool fee', unit: 'fraction', example: 0.015 }).default(0),
    uptimeShare: between(0, 1, {
      description: 'share of the time an installed, profitable machine hashes',
      unit: 'fraction',
      example: 0.97,
    }).default(1),
    miningOpexUsdPerMwMonth: nonNegative({
      description: 'non-power mining opex per MW of mining capacity in use',
      unit: 'USD/MW-month',
      example: 15_000,
    }).default(0),
    overheadUsdPerMonth: nonNegative({
      description: 'corporate overhead (G&A)',
      unit: 'USD/month',
      example: 6e6,
    }).default(0),
    asicAttritionPerYear: between(0, 0.9, {
      description: 'share of the company’s machines lost per year',
      unit: '1/year',
      example: 0.05,
    }).default(0),
    sites: z.array(CompanySite).min(1, { error: 'expected at least one site' }),
    aiLeases: z.array(ExistingAiLease).default([]),
  })
  .strict()
  .meta({ id: 'Company' });
export type Company = z.infer<typeof Company>;
