import type { DispatchResult } from '../schema/dispatch-result.ts';

/**
 * The hourly schedule of a dispatch as CSV: `timestamp_utc,price_usd_per_mwh,ai_mw,<tier>_mw...,mining_mw,
 * curtailed_mw,ancillary_offer_mw,margin_usd`. Tier columns are named `tier<k>_<model>_mw`, most efficient
 * first; MW at the meter.
 */
export function dispatchScheduleCsv(result: DispatchResult): string {
  const h = result.hourly;
  const tierCols = result.tiers.map(
    (t, i) =>
      `tier${i + 1}_${t.name
        .toLowerCase()
        .replace(/[^a-z0-9]+/g, '_')
        .replace(/^_|_$/g, '')}_mw`,
  );
  const lines = [
    [
      'timestamp_utc',
      'price_usd_per_mwh',
      'ai_mw',
      ...tierCols,
      'mining_mw',
      'curtailed_mw',
      'ancillary_offer_mw',
      'margin_usd',
    ].join(','),
  ];
  for (let k = 0; k < h.timeUtc.length; k++) {
    const row = [
      h.timeUtc[k]!,
      String(h.priceUsdPerMwh[k]!),
      String(h.aiMw[k]!),
      ...h.tierMw.map((tier) => String(tier[k]!)),
      String(h.miningMw[k]!),
      String(h.curtailedMw[k]!),
      String(h.ancillaryOfferMw[k]!),
      String(h.marginUsd[k]!),
    ];
    lines.push(row.join(','));
  }
  return `${lines.join('\n')}\n`;
}
