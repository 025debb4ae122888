import { z } from 'zod';

/** How the tenant pays: per kW of critical IT capacity per month, or per GPU-hour actually sold. */
export const AiLeasePricing = z.discriminatedUnion('kind', [
  z
    .object({
      kind: z.literal('usd-per-kw-month'),
      usdPerKwMonth: z.number().positive().meta({
        description: 'rent per kW of critical IT capacity per month (1.45M USD/MW-year = 120.83)',
        unit: 'USD/kW-month',
        example: 120.83,
      }),
    })
    .strict(),
  z
    .object({
      kind: z.literal('usd-per-gpu-hour'),
      usdPerGpuHour: z
        .number()
        .positive()
        .meta({ description: 'price of one GPU-hour', unit: 'USD/GPU-hour', example: 2.5 }),
      gpuSystem: z
        .string()
        .min(1)
        .meta({ description: 'GPU system from the catalog (sets GPUs per MW)', example: 'DGX B200' }),
      utilizationFraction: z.number().gt(0).max(1).meta({
        description: 'share of GPU-hours sold',
        unit: 'fraction',
        example: 0.8,
      }),
    })
    .strict(),
]);
export type AiLeasePricing = z.infer<typeof AiLeasePricing>;

/** One AI/HPC hosting deal on a site: capacity, price, costs and timing. Months count from the decision. */
export const AiLease = z
  .object({
    itMw: z
      .number()
      .positive()
      .meta({ description: 'critical IT capacity leased', unit: 'MW', example: 76.9 }),
    pricing: AiLeasePricing,
    pue: z
      .number()
      .min(1)
      .max(3)
      .meta({ description: 'facility power / IT power', unit: 'ratio', example: 1.3 }),
    itLoadFactor: z.number().gt(0).max(1).default(1).meta({
      description: 'mean IT draw / critical IT capacity (for the power bill), default 1',
      unit: 'fraction',
      example: 0.8,
    }),
    powerPassThrough: z.boolean().default(true).meta({
      description: 'true: the tenant pays the power bill (it is neither revenue nor cost); default true',
    }),
    powerPriceUsdPerMwh: z.number().min(-10_000).max(100_000).default(0).meta({
      description: 'price of facility energy, used when powerPassThrough is false; default 0',
      unit: 'USD/MWh',
      example: 45,
    }),
    opexUsdPerMwMonth: z.number().min(0).meta({
      description: "landlord's operating cost per MW of critical IT per month while operating",
      unit: 'USD/MW-month',
      example: 25_000,
    }),
    capexUsdPerMw: z.number().min(0).meta({
      description: "landlord's build cost per MW of critical IT (0 if the tenant funds it)",
      unit: 'USD/MW',
      example: 9_000_000,
    }),
    depreciationYears: z.number().positive().max(100).meta({
      description: 'straight-line life of the capex, from the lease start',
      unit: 'years',
      example: 20,
    }),
    termMonths: z
      .number()
      .int()
      .positive()
      .max(1200)
      .meta({ description: 'lease term', unit: 'months', example: 120 }),
    escalatorPerYear: z.number().min(-0.5).max(1).default(0).meta({
      description: 'yearly rent escalation from the lease start, default 0',
      unit: 'fraction/year',
      example: 0.02,
    }),
    buildMonths: z.number().int().min(0).max(120).default(0).meta({
      description:
        'months of construction before the lease starts (capex spread evenly over them), default 0',
      unit: 'months',
      example: 12,
    }),
  })
  .meta({ id: 'AiLease' });
export type AiLease = z.infer<typeof AiLease>;
