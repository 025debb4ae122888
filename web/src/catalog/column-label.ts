/** Unit suffixes of field names (house style: names carry units), longest first. */
const UNIT_SUFFIXES: Array<[string, string]> = [
  ['UsdPerKwMonth', 'USD/kW-month'],
  ['UsdPerGpuHour', 'USD/GPU-hour'],
  ['UsdPerPhDay', 'USD/PH/day'],
  ['UsdPerMwh', 'USD/MWh'],
  ['UsdPerTh', 'USD/TH'],
  ['UsdPerMw', 'USD/MW'],
  ['ThPerS', 'TH/s'],
  ['PhPerS', 'PH/s'],
  ['EhPerS', 'EH/s'],
  ['JPerTh', 'J/TH'],
  ['Tflops', 'TFLOPS'],
  ['Pflops', 'PFLOPS'],
  ['Usd', 'USD'],
  ['Mwh', 'MWh'],
  ['Kw', 'kW'],
  ['Mw', 'MW'],
  ['Gb', 'GB'],
  ['W', 'W'],
];

/** Splits a camelCase field name into its words and its unit: `hashrateThPerS` → `{ words: 'hashrate', unit: 'TH/s' }`. */
export function splitFieldName(key: string): { words: string; unit: string | undefined } {
  const capitalized = key.charAt(0).toUpperCase() + key.slice(1);
  for (const [suffix, unit] of UNIT_SUFFIXES) {
    // a name that is only a money unit is a price: `usdPerGpuHour` → price (USD/GPU-hour)
    if (capitalized === suffix && suffix.startsWith('Usd')) return { words: 'price', unit };
    if (key.length > suffix.length && key.endsWith(suffix)) {
      const stem = key.slice(0, -suffix.length);
      const next = key[key.length - suffix.length - 1]!;
      // the suffix must start a new camelCase word: `powerW` yes, `flow` no
      if (/[a-z0-9]/.test(next)) return { words: humanize(stem), unit };
    }
  }
  return { words: humanize(key), unit: undefined };
}

/** Column header for a field: `hashrate (TH/s)`, `release year`. */
export function columnLabel(key: string): string {
  const { words, unit } = splitFieldName(key);
  return unit === undefined ? words : `${words} (${unit})`;
}

function humanize(stem: string): string {
  return stem
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .toLowerCase();
}
