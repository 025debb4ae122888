import type { DispatchResult } from '../api/types.ts';
import { breakdownRows, breakdownScaleUsd } from '../dispatch/breakdown-rows.ts';
import { formatBtc, formatMwh, formatUsd } from '../format/number.ts';

/** Optimized dispatch vs always-on mining over the back-test: each cash flow as a number and a bar. */
export function RevenueBreakdown({ result }: { result: DispatchResult }) {
  const rows = breakdownRows(result.totals, result.baseline);
  const scale = breakdownScaleUsd(rows);
  const bar = (usd: number, kind: string) => (
    <span class="bar-track">
      <span
        class={`bar ${kind} ${usd < 0 ? 'negative' : ''}`}
        style={{ width: `${(Math.abs(usd) / scale) * 100}%` }}
      />
    </span>
  );
  return (
    <section class="card table-card" aria-label="revenue breakdown">
      <div class="card-head">
        <h2>Revenue breakdown vs always-on mining</h2>
        <span class={result.upliftUsd >= 0 ? 'badge good' : 'badge bad'}>
          uplift {result.upliftUsd >= 0 ? '+' : ''}
          {formatUsd(result.upliftUsd)}
        </span>
      </div>
      <table class="data-table breakdown-table">
        <thead>
          <tr>
            <th>cash flow (USD)</th>
            <th class="num">optimized dispatch</th>
            <th class="num">always-on mining</th>
            <th class="num">difference</th>
            <th class="bars-head">
              <span class="key optimized" /> optimized <span class="key always-on" /> always-on
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.label} class={r.total ? 'total-row' : undefined}>
              <th scope="row">{r.label}</th>
              <td class="num">{formatUsd(r.optimizedUsd)}</td>
              <td class="num">{formatUsd(r.alwaysOnUsd)}</td>
              <td class={`num ${r.deltaUsd > 0 ? 'good-text' : r.deltaUsd < 0 ? 'warn-text' : ''}`}>
                {r.deltaUsd > 0 ? '+' : ''}
                {formatUsd(r.deltaUsd)}
              </td>
              <td class="bars">
                {bar(r.optimizedUsd, 'optimized')}
                {bar(r.alwaysOnUsd, 'always-on')}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <dl class="facts">
        <dt>mining energy</dt>
        <dd>
          {formatMwh(result.totals.miningMwh)}{' '}
          <span class="hint">vs {formatMwh(result.baseline.miningMwh)}</span>
        </dd>
        <dt>curtailed</dt>
        <dd>{formatMwh(result.totals.curtailedMwh)}</dd>
        <dt>AI/HPC energy</dt>
        <dd>{formatMwh(result.totals.aiMwh)}</dd>
        {result.totals.btcMined === null ? null : (
          <>
            <dt>bitcoin mined</dt>
            <dd>
              {formatBtc(result.totals.btcMined)}{' '}
              <span class="hint">vs {formatBtc(result.baseline.btcMined)}</span>
            </dd>
          </>
        )}
      </dl>
    </section>
  );
}
