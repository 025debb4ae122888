/** Number formats used across the dashboard: one place, so a table and an axis never disagree. */

const usdWhole = new Intl.NumberFormat('en-US', {
  style: 'currency',
  currency: 'USD',
  maximumFractionDigits: 0,
});
const usdCents = new Intl.NumberFormat('en-US', {
  style: 'currency',
  currency: 'USD',
  minimumFractionDigits: 2,
  maximumFractionDigits: 2,
});
const btc4 = new Intl.NumberFormat('en-US', { minimumFractionDigits: 4, maximumFractionDigits: 4 });
const fixed1 = new Intl.NumberFormat('en-US', { minimumFractionDigits: 1, maximumFractionDigits: 1 });
const plain = new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 });

const DASH = '—';

/** A value that may be missing: the engines answer `null` where a figure is undefined (BTC without a price). */
type Maybe = number | null | undefined;

const isNum = (value: Maybe): value is number => typeof value === 'number' && Number.isFinite(value);

/** `$1,234,568` (whole dollars, thousands separators); `—` for a missing value. */
export function formatUsd(value: Maybe): string {
  return isNum(value) ? usdWhole.format(value) : DASH;
}

/** `$34.20`: for unit prices such as $/MWh or $/PH/day. */
export function formatUsdCents(value: Maybe): string {
  return isNum(value) ? usdCents.format(value) : DASH;
}

/** `$1.2M`, `$350k`, `-$2.1B`: short labels for chart axes. */
export function formatUsdCompact(value: Maybe): string {
  if (!isNum(value)) return DASH;
  const sign = value < 0 ? '-' : '';
  const abs = Math.abs(value);
  const units: Array<[number, string]> = [
    [1e12, 'T'],
    [1e9, 'B'],
    [1e6, 'M'],
    [1e3, 'k'],
  ];
  for (const [size, suffix] of units) {
    if (abs >= size) return `${sign}$${trimZeros((abs / size).toFixed(abs / size >= 100 ? 0 : 1))}${suffix}`;
  }
  return `${sign}$${trimZeros(abs.toFixed(abs >= 100 ? 0 : 2))}`;
}

/** `1,234.5678 BTC`: bitcoin with four decimals. */
export function formatBtc(value: Maybe): string {
  return isNum(value) ? `${btc4.format(value)} BTC` : DASH;
}

/** `612.3 EH/s` from a hashrate in EH/s. */
export function formatEhs(valueEhPerS: Maybe): string {
  return isNum(valueEhPerS) ? `${fixed1.format(valueEhPerS)} EH/s` : DASH;
}

/** A share 0..1 as a percentage, with enough decimals for small shares: `12.3%`, `0.456%`. */
export function formatPercent(share: Maybe): string {
  if (!isNum(share)) return DASH;
  const pct = share * 100;
  const abs = Math.abs(pct);
  const digits = abs === 0 || abs >= 10 ? 1 : abs >= 1 ? 2 : 3;
  return `${pct.toFixed(digits)}%`;
}

/** `12.5 MW`. */
export function formatMw(valueMw: Maybe): string {
  return isNum(valueMw) ? `${plain.format(valueMw)} MW` : DASH;
}

/** `1,234,567 MWh`. */
export function formatMwh(valueMwh: Maybe): string {
  return isNum(valueMwh) ? `${usdWhole.format(valueMwh).replace('$', '')} MWh` : DASH;
}

/** A count with thousands separators: `10,000`. */
export function formatCount(value: Maybe): string {
  return isNum(value) ? plain.format(value) : DASH;
}

function trimZeros(text: string): string {
  return text.includes('.') ? text.replace(/\.?0+$/, '') : text;
}
