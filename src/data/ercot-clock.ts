export {
  type CentralResult,
  centralDstDay,
  centralMidnightUtcMs,
  centralToUtcMs,
  utcToCentral,
} from '../core/dispatch/central-time.ts';

/** Parses `MM/DD/YYYY` (ERCOT) or `YYYY-MM-DD` into a real calendar date, or null. */
export function parseErcotDate(raw: string): { year: number; month: number; day: number } | null {
  const text = raw.trim();
  let m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(text);
  let year: number;
  let month: number;
  let day: number;
  if (m) {
    month = Number(m[1]);
    day = Number(m[2]);
    year = Number(m[3]);
  } else {
    m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
    if (!m) return null;
    year = Number(m[1]);
    month = Number(m[2]);
    day = Number(m[3]);
  }
  const d = new Date(Date.UTC(year, month - 1, day));
  if (d.getUTCFullYear() !== year || d.getUTCMonth() !== month - 1 || d.getUTCDate() !== day) return null;
  return { year, month, day };
}

/** Parses an ERCOT DST flag: `Y`/`N`, `true`/`false` (API) or blank (= N); null when unreadable. */
export function parseDstFlag(raw: string | undefined): boolean | null {
  const t = (raw ?? '').trim().toLowerCase();
  if (t === 'y' || t === 'true') return true;
  if (t === 'n' || t === 'false' || t === '') return false;
  return null;
}
