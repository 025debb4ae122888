import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ASIC_MODELS } from '../../core/hardware/asic-catalog.ts';
import { GPU_SYSTEMS } from '../../core/hardware/gpu-catalog.ts';
import { AsicModel } from '../../schema/asic-model.ts';
import { GpuSystem } from '../../schema/gpu-system.ts';

export const catalogRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/catalog/asics',
    {
      schema: {
        tags: ['catalog'],
        summary: 'the built-in SHA-256 ASIC catalog',
        response: { 200: z.array(AsicModel) },
      },
    },
    async () => [...ASIC_MODELS],
  );
  app.get(
    '/api/catalog/gpus',
    {
      schema: {
        tags: ['catalog'],
        summary: 'the built-in AI/HPC systems catalog (power and typical rental prices)',
        response: { 200: z.array(GpuSystem) },
      },
    },
    async () => [...GPU_SYSTEMS],
  );
};
