import type { GpuSystem } from '../../schema/gpu-system.ts';
import { findByName } from './find-by-name.ts';
import { GPU_SYSTEMS } from './gpu-catalog.ts';

/**
 * The AI/HPC system called `name` in the built-in catalog (case- and separator-insensitive).
 * @throws InputError at `path` with the closest names when the system is unknown.
 * @example findGpuSystem('dgx h100').systemPowerKw === 10.2
 */
export function findGpuSystem(
  name: string,
  path = 'gpuSystem',
  catalog: readonly GpuSystem[] = GPU_SYSTEMS,
): GpuSystem {
  return findByName(catalog, name, path, 'GPU system');
}

/**
 * IT power per GPU including its share of the host (CPUs, network, fans), kW: `systemPowerKw / gpusPerSystem`.
 * @example itKwPerGpu(findGpuSystem('DGX H100')) === 1.275
 */
export function itKwPerGpu(system: GpuSystem): number {
  return system.systemPowerKw / system.gpusPerSystem;
}

/**
 * GPUs that fit in 1 MW of critical IT power at the systems' maximum input: `1000 / itKwPerGpu`
 * (fractional; a planning figure, not a rack layout).
 * @example gpusPerItMw(findGpuSystem('DGX H100')) ≈ 784.3
 */
export function gpusPerItMw(system: GpuSystem): number {
  return 1000 / itKwPerGpu(system);
}
