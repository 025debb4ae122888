import type { AsicModel } from '../../schema/asic-model.ts';
import type { AsicTierSpec } from '../../schema/asic-tier.ts';
import { findAsicModel } from './asic.ts';

/** A tier reduced to the numbers engines use. */
export interface AsicTier {
  name: string;
  /** Total hashrate of the tier, TH/s. */
  thPerS: number;
  /** Efficiency at the wall (before site PUE), J/TH. */
  jPerTh: number;
  /** Total ASIC power at the wall (before site PUE), MW = TH/s · J/TH / 1e6. */
  powerMw: number;
}

/**
 * Resolves a tier spec against the catalog. `path` names the spec in errors (`site.mining.tiers.0.model`).
 * @throws InputError for an unknown model, with the closest names.
 */
export function resolveAsicTier(spec: AsicTierSpec, path: string, catalog?: readonly AsicModel[]): AsicTier {
  if ('model' in spec) {
    const model = findAsicModel(spec.model, `${path}.model`, catalog);
    const thPerS = model.hashrateThPerS * spec.units;
    return {
      name: spec.name ?? model.model,
      thPerS,
      jPerTh: model.efficiencyJPerTh,
      powerMw: (model.powerW * spec.units) / 1e6,
    };
  }
  return {
    name: spec.name ?? `${spec.thPerS} TH/s @ ${spec.jPerTh} J/TH`,
    thPerS: spec.thPerS,
    jPerTh: spec.jPerTh,
    powerMw: (spec.thPerS * spec.jPerTh) / 1e6,
  };
}
