import type { AsicModel } from '../../schema/asic-model.ts';
import { ASIC_MODELS } from './asic-catalog.ts';
import { findByName } from './find-by-name.ts';

/**
 * The ASIC model called `name` in the built-in catalog (case- and separator-insensitive).
 * @throws InputError at `path` with the closest names when the model is unknown.
 * @example findAsicModel('antminer s21').hashrateThPerS === 200
 */
export function findAsicModel(
  name: string,
  path = 'model',
  catalog: readonly AsicModel[] = ASIC_MODELS,
): AsicModel {
  return findByName(catalog, name, path, 'ASIC model');
}
