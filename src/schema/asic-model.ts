import { z } from 'zod';

/** One SHA-256 ASIC model as sold: nominal hashrate and wall power. */
export const AsicModel = z
  .object({
    manufacturer: z.string().min(1),
    model: z
      .string()
      .min(1)
      .meta({ description: 'model name, unique in the catalog', example: 'Antminer S21' }),
    family: z.string().min(1),
    releaseYear: z.number().int().min(2009).max(2100).meta({ description: 'approximate release year' }),
    hashrateThPerS: z.number().positive().meta({ description: 'nominal hashrate', unit: 'TH/s' }),
    powerW: z.number().positive().meta({ description: 'nominal power at the wall', unit: 'W' }),
    efficiencyJPerTh: z.number().positive().meta({ description: 'powerW / hashrateThPerS', unit: 'J/TH' }),
    source: z.string().min(1).meta({ description: 'where the figures come from' }),
  })
  .meta({ id: 'AsicModel' });
export type AsicModel = z.infer<typeof AsicModel>;
