import { InputError } from '../core/errors.ts';
import {
  type MempoolPrice,
  type MempoolRewardStats,
  type MempoolTip,
  readMempoolPrice,
  readMempoolRewardStats,
  readMempoolTip,
} from '../data/mempool-json.ts';

export const DEFAULT_MEMPOOL_URL = 'https://mempool.space';
/** Blocks averaged for "recent fees per block": one day at the 600 s target. */
export const FEE_WINDOW_BLOCKS = 144;

/** Market figures read from a mempool.space (or self-hosted mempool) REST API. */
export interface MempoolMarket {
  baseUrl: string;
  tip: MempoolTip;
  rewardStats: MempoolRewardStats;
  price: MempoolPrice;
  /** Mean fees per block over `rewardStats` (BTC). */
  feesBtcPerBlock: number;
}

export interface MempoolClientOptions {
  /** Flag named in errors about the URL or the network (default `--mempool-url`). */
  flag?: string;
  timeoutMs?: number;
}

/**
 * Asks a mempool instance for the tip (height, difficulty: `GET /api/v1/blocks`), the fees of the last
 * {@link FEE_WINDOW_BLOCKS} blocks (`GET /api/v1/mining/reward-stats/144`) and the price (`GET /api/v1/prices`).
 * `baseUrl` is the site root (`https://mempool.space`); a trailing `/api` is accepted.
 * Every failure (bad URL, unreachable host, timeout, HTTP error, unexpected body) is an InputError of one line:
 * the remedy is on the user's side (URL, network), so the CLI exits 2.
 */
export async function fetchMempoolMarket(
  baseUrl: string,
  options: MempoolClientOptions = {},
): Promise<MempoolMarket> {
  const flag = options.flag ?? '--mempool-url';
  const root = normalizeBaseUrl(baseUrl, flag);
  const timeoutMs = options.timeoutMs ?? 10_000;
  const get = (path: string) => getJson(`${root}${path}`, path, flag, timeoutMs);
  const [blocks, stats, prices] = await Promise.all([
    get('/api/v1/blocks'),
    get(`/api/v1/mining/reward-stats/${FEE_WINDOW_BLOCKS}`),
    get('/api/v1/prices'),
  ]);
  const tip = readMempoolTip(blocks, 'mempool /api/v1/blocks');
  const rewardStats = readMempoolRewardStats(
    stats,
    `mempool /api/v1/mining/reward-stats/${FEE_WINDOW_BLOCKS}`,
  );
  const price = readMempoolPrice(prices, 'mempool /api/v1/prices');
  const blockCount = rewardStats.endBlock - rewardStats.startBlock + 1;
  return {
    baseUrl: root,
    tip,
    rewardStats,
    price,
    feesBtcPerBlock: rewardStats.totalFeeSat / blockCount / 1e8,
  };
}

function normalizeBaseUrl(raw: string, flag: string): string {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new InputError({ path: flag, message: 'expected an http(s) URL', value: raw });
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    throw new InputError({ path: flag, message: 'expected an http(s) URL', value: raw });
  return url.href.replace(/\/+$/, '').replace(/\/api$/, '');
}

async function getJson(url: string, path: string, flag: string, timeoutMs: number): Promise<unknown> {
  let response: Response;
  try {
    response = await fetch(url, {
      signal: AbortSignal.timeout(timeoutMs),
      headers: { accept: 'application/json' },
    });
  } catch (error) {
    throw new InputError({
      path: flag,
      message: `could not reach ${url} (${networkReason(error, timeoutMs)})`,
    });
  }
  if (!response.ok) {
    await response.body?.cancel();
    throw new InputError({
      path: flag,
      message: `${url} answered HTTP ${response.status} ${response.statusText}`.trim(),
    });
  }
  const text = await response.text();
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new InputError({
      path: `mempool ${path}`,
      message: 'expected a JSON body',
      value: text.length > 60 ? `${text.slice(0, 57)}...` : text,
    });
  }
}

function networkReason(error: unknown, timeoutMs: number): string {
  if (error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError'))
    return `no answer within ${timeoutMs / 1000} s`;
  const cause =
    error instanceof Error ? (error.cause as { code?: unknown; message?: unknown } | undefined) : undefined;
  if (cause && typeof cause.code === 'string') return cause.code;
  if (cause && typeof cause.message === 'string') return cause.message;
  return error instanceof Error ? error.message : String(error);
}
