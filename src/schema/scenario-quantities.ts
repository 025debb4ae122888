import { z } from 'zod';

/**
 * Number fields of the scenario schemas with messages that name the expectation and its unit
 * (`expected a number > 0 MW`); the value and the full path are added by `parseWith`.
 */
type Doc = {
  description: string;
  unit: string;
  example?: number;
};

// zod 4 numbers already reject NaN and ±Infinity as not-a-number.
const num = (unit: string) => z.number({ error: `expected a number in ${unit}` });

/** A number > 0. */
export function positive(doc: Doc) {
  return num(doc.unit)
    .positive({ error: `expected a number > 0 ${doc.unit}` })
    .meta(doc);
}

/** A number ≥ 0. */
export function nonNegative(doc: Doc) {
  return num(doc.unit)
    .nonnegative({ error: `expected a number >= 0 ${doc.unit}` })
    .meta(doc);
}

/** A number in [min, max]. */
export function between(min: number, max: number, doc: Doc) {
  return num(doc.unit)
    .min(min, { error: `expected a number in [${min}, ${max}] ${doc.unit}` })
    .max(max, { error: `expected a number in [${min}, ${max}] ${doc.unit}` })
    .meta(doc);
}

/** An integer in [min, max]. */
export function integer(min: number, max: number, doc: Doc) {
  const message = `expected an integer in [${min}, ${max}] ${doc.unit}`;
  return num(doc.unit)
    .int({ error: message })
    .min(min, { error: message })
    .max(max, { error: message })
    .meta(doc);
}

/** A UTC calendar day `YYYY-MM-DD`. */
export const IsoDay = z
  .string({ error: 'expected a date YYYY-MM-DD' })
  .regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'expected a date YYYY-MM-DD' })
  .refine((s) => new Date(`${s}T00:00:00Z`).toISOString().slice(0, 10) === s, {
    error: 'expected a real calendar date YYYY-MM-DD',
  })
  .meta({ description: 'UTC calendar day', example: '2025-01-01' });

/** A non-empty label. */
export const Label = z
  .string({ error: 'expected a non-empty string' })
  .min(1, { error: 'expected a non-empty string' });
