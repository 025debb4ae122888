import { z } from 'zod';

const usd = (description: string) => z.number().meta({ description, unit: 'USD' });
const mwh = (description: string) => z.number().meta({ description, unit: 'MWh' });

/**
 * Money and energy of one schedule over the dispatch period. MW and MWh are at the meter (PUE included).
 * totalMarginUsd = miningMarginUsd + sellBackUsd − ppaUnusedCostUsd + demandResponseUsd + aiRevenueUsd
 * − (aiPowerCostUsd unless the AI power is passed through).
 */
export const DispatchTotals = z
  .object({
    hours: z.number().meta({ description: 'hours with a price in the period (gaps excluded)', unit: 'h' }),
    aiMwh: mwh('AI energy at the meter'),
    miningMwh: mwh('mining energy at the meter'),
    curtailedMwh: mwh('mining energy available under the cap but not drawn'),
    curtailedHours: z.number().meta({ description: 'hours with some mining curtailed', unit: 'h' }),
    btcMined: z.number().nullable().meta({
      description: 'after pool fee; null when only a USD hashprice and no BTC price was given',
      unit: 'BTC',
    }),
    miningRevenueUsd: usd('hashprice × hashrate × time, after pool fee'),
    miningPowerCostUsd: usd(
      'cost of the energy mining drew (PPA block first to AI, then mining; index + adder above)',
    ),
    miningMarginUsd: usd('miningRevenueUsd − miningPowerCostUsd'),
    sellBackUsd: usd('unused PPA MWh sold back at the node price'),
    ppaUnusedCostUsd: usd('contract cost of the PPA MWh the site did not use'),
    fourCpAvoidedUsd: usd('transmission charge avoided against always-on mining at the 4CP intervals'),
    ancillaryUsd: usd('capacity payments for ancillary MW offered'),
    ancillaryOfferedMwh: mwh('MW offered × hours'),
    demandResponseUsd: usd('fourCpAvoidedUsd + ancillaryUsd'),
    aiRevenueUsd: usd('lease revenue'),
    aiPowerCostUsd: usd('cost of the energy AI drew (borne by the tenant when powerPassThrough)'),
    totalMarginUsd: usd('site margin of the period, before opex and capex'),
  })
  .meta({ id: 'DispatchTotals' });
export type DispatchTotals = z.infer<typeof DispatchTotals>;

export const DispatchTier = z.object({
  name: z.string(),
  thPerS: z.number().meta({ unit: 'TH/s' }),
  jPerTh: z.number().meta({ unit: 'J/TH' }),
  meterMw: z.number().meta({ description: 'draw at full output, PUE included', unit: 'MW' }),
  breakevenUsdPerMwh: z.number().nullable().meta({
    description: 'power price at which the tier stops paying, at the period’s mean hashprice',
    unit: 'USD/MWh',
  }),
  miningMwh: mwh('energy the tier drew'),
});
export type DispatchTier = z.infer<typeof DispatchTier>;

/** Answer of `mullet dispatch`, `POST /api/dispatch` and `POST /api/sites/{id}/dispatch`. */
export const DispatchResult = z
  .object({
    solver: z.enum(['merit-order', 'lp', 'milp']),
    node: z.string(),
    from: z.string().meta({ description: 'first interval start, UTC', example: '2023-01-01T06:00:00Z' }),
    to: z.string().meta({ description: 'end of the last interval, UTC', example: '2024-01-01T06:00:00Z' }),
    intervalMinutes: z.number().int().positive(),
    totals: DispatchTotals,
    baseline: DispatchTotals.meta({
      description: 'always-on mining: every tier at full output whenever it fits',
    }),
    upliftUsd: usd('totals.totalMarginUsd − baseline.totalMarginUsd'),
    tiers: z.array(DispatchTier),
    hourly: z.object({
      timeUtc: z.array(z.string()),
      priceUsdPerMwh: z.array(z.number()),
      aiMw: z.array(z.number()),
      miningMw: z.array(z.number()),
      curtailedMw: z.array(z.number()),
      marginUsd: z.array(z.number()).meta({ description: 'mining margin of the interval' }),
      tierMw: z
        .array(z.array(z.number()))
        .meta({ description: 'per tier (same order as tiers), per interval' }),
      ancillaryOfferMw: z.array(z.number()),
    }),
    lp: z
      .object({
        status: z.string().meta({
          description: "'optimal', or 'feasible' when the MILP stopped at its time limit (see mipGap)",
        }),
        columns: z.number(),
        rows: z.number(),
        objectiveUsd: z.number(),
        integers: z.number().optional().meta({ description: 'MILP only: binary on/off columns' }),
        mipGap: z.number().nullable().optional().meta({
          description:
            'MILP only: relative gap between the schedule and the best bound HiGHS proved (0 = optimal)',
        }),
      })
      .nullable()
      .meta({ description: 'LP (or MILP) model size and objective, when HiGHS ran' }),
    warnings: z.array(z.string()),
  })
  .meta({ id: 'DispatchResult' });
export type DispatchResult = z.infer<typeof DispatchResult>;
