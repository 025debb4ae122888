import { z } from 'zod';
import { AsicTierSpec } from './asic-tier.ts';
import { parseWith } from './parse.ts';

/** Numbers whose errors read like `expected > 0 MW` (the path and the value are added by parseWith). */
const num = (unit: string) => z.number({ error: `expected a number (${unit})` });
const above0 = (unit: string) => num(unit).positive({ error: `expected > 0 ${unit}` });
const atLeast0 = (unit: string) => num(unit).nonnegative({ error: `expected >= 0 ${unit}` });
const within = (min: number, max: number, unit: string) =>
  num(unit)
    .min(min, { error: `expected ${min} .. ${max} ${unit}` })
    .max(max, { error: `expected ${min} .. ${max} ${unit}` });
const hour = (min: number, max: number) =>
  num('h')
    .int({ error: 'expected a whole hour' })
    .min(min, { error: `expected ${min} .. ${max}` })
    .max(max, { error: `expected ${min} .. ${max}` });

const isoDay = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date YYYY-MM-DD')
  .refine(
    (s) => new Date(`${s}T00:00:00Z`).toISOString().slice(0, 10) === s,
    'expected a real calendar date',
  );

/** AI/HPC tenant load: firm, served before any mining. */
export const SiteAi = z
  .object({
    firmMw: above0('MW')
      .optional()
      .meta({ description: 'firm critical-IT load, constant every hour', unit: 'MW', example: 60 }),
    profileCsv: z.string().min(1).optional().meta({
      description:
        'CSV `timestamp,it_mw` of hourly critical-IT load, path relative to the site file (instead of firmMw)',
      example: 'ai-profile.csv',
    }),
    leaseMw: above0('MW').optional().meta({
      description:
        'contracted critical-IT MW billed by the lease and the most the tenant may draw; defaults to firmMw, or the profile peak',
      unit: 'MW',
      example: 60,
    }),
    leaseUsdPerKwMonth: atLeast0('USD/kW-month').meta({
      description: 'lease price per contracted kW of critical IT per month',
      unit: 'USD/kW-month',
      example: 120,
    }),
    pue: within(1, 3, '(ratio)').default(1).meta({
      description: 'AI power usage effectiveness: meter MW = IT MW × pue (default 1)',
      example: 1.3,
    }),
    powerPassThrough: z.boolean().meta({
      description: 'true: the tenant pays the power its load draws, so AI power cost is not the operator’s',
      example: true,
    }),
  })
  .strict()
  .superRefine((ai, ctx) => {
    if ((ai.firmMw === undefined) === (ai.profileCsv === undefined))
      ctx.addIssue({
        code: 'custom',
        path: ['firmMw'],
        message: 'expected exactly one of firmMw or profileCsv',
      });
    if (ai.firmMw !== undefined && ai.leaseMw !== undefined && ai.firmMw > ai.leaseMw)
      ctx.addIssue({
        code: 'custom',
        path: ['firmMw'],
        message: `expected at most leaseMw (${ai.leaseMw} MW)`,
        input: ai.firmMw,
      });
  });
export type SiteAi = z.infer<typeof SiteAi>;

/** A monthly mining energy budget: a take-or-pay minimum, a cap, or both. A bare number is a cap. */
export const MonthlyEnergyBudget = z.union([
  above0('MWh').meta({ description: 'cap on mining energy per calendar month (Central time)', unit: 'MWh' }),
  z
    .object({
      minMwh: atLeast0('MWh').optional().meta({ description: 'take-or-pay minimum per month', unit: 'MWh' }),
      maxMwh: above0('MWh').optional().meta({ description: 'cap per month', unit: 'MWh' }),
    })
    .strict()
    .refine((b) => b.minMwh !== undefined || b.maxMwh !== undefined, 'expected minMwh, maxMwh or both')
    .refine((b) => b.minMwh === undefined || b.maxMwh === undefined || b.minMwh <= b.maxMwh, {
      message: 'expected minMwh <= maxMwh',
      path: ['minMwh'],
    }),
]);
export type MonthlyEnergyBudget = z.infer<typeof MonthlyEnergyBudget>;

export const SiteMining = z
  .object({
    poolFee: within(0, 0.5, '(fraction)')
      .default(0)
      .meta({ description: 'pool fee as a fraction of revenue (default 0)', example: 0.02 }),
    pue: within(1, 2, '(ratio)')
      .default(1)
      .meta({ description: 'mining overhead: meter MW = ASIC MW × pue (default 1)', example: 1.05 }),
    tiers: z.array(AsicTierSpec).min(1).meta({ description: 'ASIC tiers; dispatched most efficient first' }),
    rampMwPerHour: above0('MW/h').optional().meta({
      description:
        'largest change of total mining draw (meter) from one hour to the next; couples hours (LP)',
      unit: 'MW/h',
      example: 40,
    }),
    monthlyEnergyBudgetMwh: MonthlyEnergyBudget.optional().meta({
      description:
        'mining energy per calendar month (Central time): a number is a cap; {minMwh, maxMwh} (LP)',
      unit: 'MWh',
    }),
    minRunHours: within(0.25, 744, 'h').optional().meta({
      description:
        'minimum run time of every tier: once started, a tier keeps running for at least this many hours (MILP)',
      unit: 'h',
      example: 4,
    }),
    minDownHours: within(0.25, 744, 'h').optional().meta({
      description:
        'minimum down time of every tier: once stopped, a tier stays off for at least this many hours (MILP)',
      unit: 'h',
      example: 2,
    }),
    minLoadFraction: num('(fraction)')
      .gt(0, { error: 'expected > 0 and <= 1 (fraction)' })
      .max(1, { error: 'expected > 0 and <= 1 (fraction)' })
      .optional()
      .meta({
        description:
          'with minRunHours or minDownHours: a running tier draws at least this fraction of its MW (default 1: a tier runs at full output or not at all)',
        example: 0.5,
      }),
  })
  .strict()
  .superRefine((m, ctx) => {
    if (m.minLoadFraction !== undefined && m.minRunHours === undefined && m.minDownHours === undefined)
      ctx.addIssue({
        code: 'custom',
        path: ['minLoadFraction'],
        message: 'only used with minRunHours or minDownHours; set one of them or remove it',
        input: m.minLoadFraction,
      });
  });
export type SiteMining = z.infer<typeof SiteMining>;

const node = z.string().min(1).optional().meta({
  description: 'price node (hub or load zone) used when the price file holds several',
  example: 'HB_WEST',
});

/** Index power: the real-time (or day-ahead) settlement point price plus an adder. */
export const IndexPower = z
  .object({
    kind: z.literal('index'),
    node,
    adderUsdPerMwh: atLeast0('USD/MWh').meta({
      description: 'fixed adder on the index price (retail margin, delivery charges)',
      unit: 'USD/MWh',
      example: 4,
    }),
  })
  .strict();

/** Fixed-price PPA for a constant block; energy above the block is bought at index + adder. */
export const FixedPpaPower = z
  .object({
    kind: z.literal('fixedPpa'),
    node,
    adderUsdPerMwh: atLeast0('USD/MWh').meta({
      description: 'adder on energy bought above the PPA block',
      unit: 'USD/MWh',
      example: 4,
    }),
    ppaUsdPerMwh: num('USD/MWh').meta({
      description: 'contract price of the block',
      unit: 'USD/MWh',
      example: 45,
    }),
    ppaMw: above0('MW').meta({ description: 'contracted block, every hour', unit: 'MW', example: 150 }),
    sellBack: z.boolean().default(true).meta({
      description: 'true (default): contracted MWh the site does not use are sold back at the node price',
    }),
  })
  .strict();

export const SitePower = z.discriminatedUnion('kind', [IndexPower, FixedPpaPower]);
export type SitePower = z.infer<typeof SitePower>;

export const FourCpInterval = z
  .object({
    date: isoDay.meta({ description: 'operating day, Central prevailing time', example: '2023-08-10' }),
    endingCpt: z
      .string()
      .regex(/^([01]\d|2[0-4]):(00|15|30|45)$/, 'expected a 15-minute interval ending HH:MM')
      .meta({
        description: '15-minute interval ending, local clock ("17:00" = 16:45-17:00)',
        example: '17:00',
      }),
  })
  .strict();
export type FourCpInterval = z.infer<typeof FourCpInterval>;

/** ERCOT 4CP avoidance: curtail mining in the June-September coincident peaks, value the transmission charge. */
export const FourCp = z
  .object({
    transmissionUsdPerKwYear: above0('USD/kW-year').meta({
      description:
        'transmission charge per kW of average 4CP demand per year (ERCOT postage stamp 2024: 66.756998)',
      unit: 'USD/kW-year',
      example: 66.756998,
    }),
    mode: z.enum(['known', 'window']).default('known').meta({
      description:
        "'known': perfect foresight of the actual 4CP intervals (upper bound); 'window': curtail-or-pay on the peak of a daily window each month (LP)",
    }),
    intervals: z.array(FourCpInterval).optional().meta({
      description:
        'the actual 4CP intervals (ERCOT NP9-83-M); required for known mode, checked in window mode',
    }),
    window: z
      .object({
        fromHourCpt: hour(0, 23).meta({ description: 'first hour (local clock)', example: 15 }),
        toHourCpt: hour(1, 24).meta({ description: 'end hour, exclusive (local clock)', example: 19 }),
        weekdaysOnly: z.boolean().default(true).meta({ description: 'Monday-Friday only (default true)' }),
      })
      .strict()
      .refine((w) => w.toHourCpt > w.fromHourCpt, {
        message: 'expected toHourCpt > fromHourCpt',
        path: ['toHourCpt'],
      })
      .optional(),
  })
  .strict()
  .superRefine((f, ctx) => {
    if (f.mode === 'window' && f.window === undefined)
      ctx.addIssue({ code: 'custom', path: ['window'], message: "required when mode is 'window'" });
  });
export type FourCp = z.infer<typeof FourCp>;

/** Ancillary capacity offered by curtailable mining load (ERCOT Load Resource). */
export const Ancillary = z
  .object({
    service: z
      .enum(['RRS', 'ECRS', 'NSPIN', 'REGUP'])
      .meta({ description: 'ERCOT service offered', example: 'RRS' }),
    maxOfferMw: above0('MW').meta({ description: 'most MW offered in an hour', unit: 'MW', example: 30 }),
    capacityUsdPerMwHour: atLeast0('USD/MW-h').optional().meta({
      description: 'constant capacity price; without it, hourly MCPCs come from --as-prices',
      unit: 'USD/MW-h',
      example: 8,
    }),
    deployments: z
      .array(z.iso.datetime({ offset: true }))
      .optional()
      .meta({
        description: 'interval starts (UTC) when the offered MW had to curtail',
        example: ['2023-08-10T21:00:00Z'],
      }),
  })
  .strict();
export type Ancillary = z.infer<typeof Ancillary>;

export const DemandResponse = z
  .object({ fourCp: FourCp.optional(), ancillary: Ancillary.optional() })
  .strict();
export type DemandResponse = z.infer<typeof DemandResponse>;

/** One site behind one interconnect: firm AI up front, flexible mining in the back. */
export const Site = z
  .object({
    name: z.string().min(1).optional().meta({ description: 'label', example: 'west-texas-mullet' }),
    interconnectMw: above0('MW').meta({
      description: 'interconnect capacity at the meter',
      unit: 'MW',
      example: 200,
    }),
    ai: SiteAi.optional(),
    mining: SiteMining,
    power: SitePower,
    demandResponse: DemandResponse.optional(),
  })
  .strict()
  .meta({ id: 'Site', description: 'a site file (YAML or JSON) for `mullet dispatch`' });
export type Site = z.infer<typeof Site>;
/** A site document before defaults are applied. */
export type SiteInput = z.input<typeof Site>;

/** Parses a site document; errors name the full path under `site`. */
export function parseSite(value: unknown, root = 'site'): Site {
  return parseWith(Site, value, root);
}
