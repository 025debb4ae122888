import { z } from 'zod';

/** One AI/HPC system as deployed (an 8-GPU server or a rack), with its power and a typical rental price. */
export const GpuSystem = z
  .object({
    vendor: z.string().min(1),
    model: z.string().min(1).meta({ description: 'system name, unique in the catalog', example: 'DGX H100' }),
    gpu: z.string().min(1).meta({ description: 'GPU in the system', example: 'H100 SXM5 80GB' }),
    kind: z.enum(['server', 'rack']).meta({ description: 'unit that is installed and powered' }),
    gpusPerSystem: z.number().int().positive().meta({ description: 'GPUs in one system', example: 8 }),
    gpuPowerW: z
      .number()
      .positive()
      .meta({ description: 'board power (TDP/TGP) of one GPU', unit: 'W', example: 700 }),
    systemPowerKw: z.number().positive().meta({
      description: 'maximum input power of one system (GPUs, CPUs, network, fans) at the wall',
      unit: 'kW',
      example: 10.2,
    }),
    usdPerGpuHour: z.number().positive().meta({
      description: 'typical on-demand rental price of one GPU for one hour',
      unit: 'USD/GPU-hour',
      example: 3.99,
    }),
    source: z.string().min(1).meta({ description: 'where the power figures come from' }),
    priceSource: z.string().min(1).meta({ description: 'where the rental price comes from, and when read' }),
    note: z.string().min(1).optional().meta({ description: 'caveats; says which figures are estimates' }),
  })
  .meta({ id: 'GpuSystem' });
export type GpuSystem = z.infer<typeof GpuSystem>;
