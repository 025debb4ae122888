import { useEffect, useMemo, useState } from 'preact/hooks';
import { api, BUILTIN_PRICES } from '../api/client.ts';
import type { DispatchResult, StoredSummary } from '../api/types.ts';
import { robustDomain } from '../charts/color-scale.ts';
import { binHourByDay } from '../charts/heatmap-grid.ts';
import { ErrorBanner } from '../components/error-banner.tsx';
import { HeatmapCanvas } from '../components/heatmap-canvas.tsx';
import { RevenueBreakdown } from '../components/revenue-breakdown.tsx';
import { formatMw, formatUsdCents } from '../format/number.ts';
import { navigate } from '../navigate.ts';

const CLOCKS = [
  { offsetHours: -6, label: 'UTC−6 (ERCOT standard time)' },
  { offsetHours: 0, label: 'UTC' },
];

/** #/dispatch[/SITE]: back-test one site's hourly dispatch on a year of prices. */
export function DispatchPage({ siteId }: { siteId: string | undefined }) {
  const [sites, setSites] = useState<StoredSummary[] | undefined>(undefined);
  const [result, setResult] = useState<DispatchResult | undefined>(undefined);
  const [error, setError] = useState<unknown>(undefined);
  const [busy, setBusy] = useState(false);
  const [offsetHours, setOffsetHours] = useState(-6);
  const [hashprice, setHashprice] = useState('');

  useEffect(() => {
    let live = true;
    api
      .listSites()
      .then((list) => {
        if (!live) return;
        setSites(list);
        if (siteId === undefined && list[0] !== undefined)
          navigate({ page: 'dispatch', siteId: list[0].id }, true);
      })
      .catch((e) => live && setError(e));
    return () => {
      live = false;
    };
  }, [siteId]);

  useEffect(() => setResult(undefined), [siteId]);

  async function run() {
    if (siteId === undefined) return;
    setBusy(true);
    setError(undefined);
    try {
      const options: { prices: string; hashpriceUsdPerPhDay?: number } = { prices: BUILTIN_PRICES };
      if (hashprice.trim() !== '') options.hashpriceUsdPerPhDay = Number(hashprice);
      setResult(await api.dispatchSite(siteId, options));
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  }

  const clock = CLOCKS.find((c) => c.offsetHours === offsetHours) ?? CLOCKS[0]!;
  const maps = useMemo(() => {
    if (result === undefined) return undefined;
    const mining = binHourByDay(result.hourly.timeUtc, result.hourly.miningMw, offsetHours);
    const price = binHourByDay(result.hourly.timeUtc, result.hourly.priceUsdPerMwh, offsetHours);
    return {
      mining,
      miningDomain: robustDomain(mining.cells, 0, 1),
      price,
      // ERCOT summers have hundreds of scarcity hours: clip at p3/p97 so ordinary days keep their contrast
      priceDomain: robustDomain(price.cells, 0.03, 0.97),
    };
  }, [result, offsetHours]);

  return (
    <div class="page dispatch-page">
      <div class="page-head">
        <div>
          <h1>Hourly dispatch back-test</h1>
          <p class="hint">
            AI/HPC load is served first; mining runs only in hours where it earns more than the power costs.
            Prices: ERCOT HB_WEST day-ahead settlement point prices, 2023 (built in).
          </p>
        </div>
      </div>
      <section class="card">
        <form
          class="inline-form"
          onSubmit={(e) => {
            e.preventDefault();
            void run();
          }}
        >
          <label>
            site
            <select
              name="site"
              value={siteId ?? ''}
              onChange={(e) => navigate({ page: 'dispatch', siteId: e.currentTarget.value })}
            >
              {(sites ?? []).map((s) => (
                <option key={s.id} value={s.id}>
                  {s.name}
                </option>
              ))}
            </select>
          </label>
          <label>
            hashprice (USD/PH/day)
            <input
              type="number"
              name="hashprice"
              min={0}
              step="any"
              placeholder="server default"
              value={hashprice}
              onInput={(e) => setHashprice(e.currentTarget.value)}
            />
          </label>
          <label>
            clock of the heatmaps
            <select
              name="clock"
              value={String(offsetHours)}
              onChange={(e) => setOffsetHours(Number(e.currentTarget.value))}
            >
              {CLOCKS.map((c) => (
                <option key={c.offsetHours} value={String(c.offsetHours)}>
                  {c.label}
                </option>
              ))}
            </select>
          </label>
          <button type="submit" class="button primary" disabled={busy || siteId === undefined}>
            {busy ? 'Running back-test…' : 'Run back-test'}
          </button>
        </form>
        {sites !== undefined && sites.length === 0 ? (
          <p class="hint">No sites saved yet: create one through the API (POST /api/sites).</p>
        ) : null}
        <ErrorBanner error={error} />
      </section>
      {result === undefined || maps === undefined ? null : (
        <>
          <p class="hint">
            {result.node} · {result.from.slice(0, 10)} to {result.to.slice(0, 10)} · solver {result.solver}
          </p>
          {result.warnings.length === 0 ? null : (
            <ul class="warnings">
              {result.warnings.map((w) => (
                <li key={w}>{w}</li>
              ))}
            </ul>
          )}
          <RevenueBreakdown result={result} />
          <HeatmapCanvas
            title="Mining load by hour and day"
            grid={maps.mining}
            domain={maps.miningDomain}
            format={formatMw}
            valueLabel="mining load (MW)"
            hourLabel={`hour of day (${clock.offsetHours === 0 ? 'UTC' : 'UTC−6'})`}
          />
          <HeatmapCanvas
            title="Day-ahead power price by hour and day"
            grid={maps.price}
            domain={maps.priceDomain}
            format={(v) => `${formatUsdCents(v)}/MWh`}
            valueLabel="price (USD/MWh)"
            hourLabel={`hour of day (${clock.offsetHours === 0 ? 'UTC' : 'UTC−6'})`}
          />
        </>
      )}
    </div>
  );
}
