import { InputError } from '../core/errors.ts';

export interface NumberRule {
  /** Inclusive lower bound. */
  min?: number;
  /** Exclusive lower bound. */
  greaterThan?: number;
  /** Inclusive upper bound. */
  max?: number;
  integer?: boolean;
  unit?: string;
}

/**
 * Parses a numeric flag value strictly (no trailing junk, no NaN), checking its range, and names the flag in
 * the error: `--price: expected a number > 0 USD, got "abc"`.
 */
export function parseNumberFlag(
  flag: string,
  raw: string | number | undefined,
  rule: NumberRule = {},
): number {
  const unit = rule.unit ? ` ${rule.unit}` : '';
  const anyNumber = rule.unit ? `a number in ${rule.unit}` : 'a number';
  if (raw === undefined || raw === '') throw new InputError({ path: flag, message: `expected ${anyNumber}` });
  const text = String(raw).trim().replace(/_/g, '');
  const value = /^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(text) ? Number(text) : Number.NaN;
  const fail = (expected: string, withUnit = true): never => {
    throw new InputError({ path: flag, message: `expected ${expected}${withUnit ? unit : ''}`, value: raw });
  };
  if (!Number.isFinite(value)) fail(anyNumber, false);
  if (rule.integer && !Number.isInteger(value)) fail('an integer', false);
  if (rule.greaterThan !== undefined && !(value > rule.greaterThan)) fail(`a number > ${rule.greaterThan}`);
  if (rule.min !== undefined && value < rule.min) fail(`a number >= ${rule.min}`);
  if (rule.max !== undefined && value > rule.max) fail(`a number <= ${rule.max}`);
  return value;
}

/** Parses `YYYY-MM-DD` into that UTC day, rejecting impossible dates such as 2023-02-30. */
export function parseDateFlag(flag: string, raw: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(raw);
  const ok = m && new Date(`${raw}T00:00:00Z`).toISOString().slice(0, 10) === raw;
  if (!ok) throw new InputError({ path: flag, message: 'expected a date YYYY-MM-DD', value: raw });
  return raw;
}
