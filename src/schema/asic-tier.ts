import { z } from 'zod';

/**
 * A group of identical ASICs: either a catalog model and a unit count, or a custom rating given directly.
 * Used by sites (dispatch tiers) and companies (fleets) alike.
 */
export const AsicTierSpec = z.union([
  z
    .object({
      model: z
        .string()
        .min(1)
        .meta({ description: 'ASIC model name from the catalog', example: 'Antminer S21' }),
      units: z.number().int().positive().meta({ description: 'number of machines', example: 5000 }),
      name: z.string().min(1).optional().meta({ description: 'label for reports; defaults to the model' }),
    })
    .strict(),
  z
    .object({
      thPerS: z.number().positive().meta({ description: 'total hashrate of the tier', unit: 'TH/s' }),
      jPerTh: z.number().positive().meta({ description: 'efficiency at the wall', unit: 'J/TH' }),
      name: z.string().min(1).optional(),
    })
    .strict(),
]);
export type AsicTierSpec = z.infer<typeof AsicTierSpec>;
