import { InputError } from '../core/errors.ts';

/**
 * Readers of mempool.space REST API responses (https://mempool.space/docs/api, backend of github:mempool/mempool).
 * Each takes the decoded JSON body and the endpoint path (for error messages) and returns plain values, or
 * throws an InputError naming the endpoint and the field.
 */

/** `GET /api/v1/blocks`: the latest blocks, newest first; we keep the tip's height and difficulty. */
export interface MempoolTip {
  height: number;
  difficulty: number;
  timestampS: number;
}

/** `GET /api/v1/mining/reward-stats/:blockCount`: sums over the last blocks (sat; totals may be strings). */
export interface MempoolRewardStats {
  startBlock: number;
  endBlock: number;
  totalRewardSat: number;
  totalFeeSat: number;
}

/** `GET /api/v1/prices`: latest BTC price; the backend answers `USD: -1` while it has no price yet. */
export interface MempoolPrice {
  timeS: number;
  priceUsd: number;
}

export function readMempoolTip(body: unknown, endpoint: string): MempoolTip {
  if (!Array.isArray(body) || body.length === 0)
    fail(endpoint, '', 'expected a non-empty array of blocks', body);
  let tip: Record<string, unknown> | undefined;
  for (const [i, block] of (body as unknown[]).entries()) {
    const b = record(block, endpoint, `[${i}]`);
    const height = numberField(b, 'height', endpoint, `[${i}]`, { integer: true });
    if (tip === undefined || height > (tip.height as number)) tip = b;
  }
  const b = tip!;
  return {
    height: b.height as number,
    difficulty: numberField(b, 'difficulty', endpoint, '', { positive: true }),
    timestampS: numberField(b, 'timestamp', endpoint, '', { integer: true }),
  };
}

export function readMempoolRewardStats(body: unknown, endpoint: string): MempoolRewardStats {
  const b = record(body, endpoint, '');
  const startBlock = numberField(b, 'startBlock', endpoint, '', { integer: true });
  const endBlock = numberField(b, 'endBlock', endpoint, '', { integer: true });
  if (endBlock < startBlock) fail(endpoint, 'endBlock', `expected >= startBlock ${startBlock}`, endBlock);
  return {
    startBlock,
    endBlock,
    totalRewardSat: numberField(b, 'totalReward', endpoint, '', { integer: true }),
    totalFeeSat: numberField(b, 'totalFee', endpoint, '', { integer: true }),
  };
}

export function readMempoolPrice(body: unknown, endpoint: string): MempoolPrice {
  const b = record(body, endpoint, '');
  const priceUsd = numberField(b, 'USD', endpoint, '', { signed: true });
  if (!(priceUsd > 0))
    fail(endpoint, 'USD', 'expected a price > 0 USD (the server has no price yet)', priceUsd);
  return { timeS: numberField(b, 'time', endpoint, '', { integer: true }), priceUsd };
}

function record(value: unknown, endpoint: string, at: string): Record<string, unknown> {
  if (value === null || typeof value !== 'object' || Array.isArray(value))
    fail(endpoint, at, 'expected an object', value);
  return value as Record<string, unknown>;
}

/** Reads a finite number (non-negative unless `signed`); integer sums may arrive as decimal strings (MySQL SUM). */
function numberField(
  obj: Record<string, unknown>,
  key: string,
  endpoint: string,
  at: string,
  rule: { integer?: boolean; positive?: boolean; signed?: boolean },
): number {
  const raw = obj[key];
  const value =
    typeof raw === 'number'
      ? raw
      : typeof raw === 'string' && /^\d+(\.\d+)?$/.test(raw)
        ? Number(raw)
        : Number.NaN;
  const where = at === '' ? key : `${at}.${key}`;
  if (!Number.isFinite(value)) fail(endpoint, where, 'expected a number', raw);
  if (!rule.signed && value < 0) fail(endpoint, where, 'expected a number >= 0', raw);
  if (rule.integer && !Number.isInteger(value)) fail(endpoint, where, 'expected an integer', raw);
  if (rule.positive && !(value > 0)) fail(endpoint, where, 'expected a number > 0', raw);
  return value;
}

function fail(endpoint: string, at: string, message: string, value: unknown): never {
  const path = at === '' ? endpoint : `${endpoint} ${at}`;
  throw new InputError(value === undefined ? { path, message } : { path, message, value });
}
