import type { SimulationResult } from '../api/types.ts';
import { strategyColor } from '../charts/palette.ts';
import { formatBtc, formatPercent, formatUsd } from '../format/number.ts';
import { bestIndexes } from '../runs/best-value.ts';

/** One headline card per strategy: the answer to "which one?" before the detail. */
export function StrategyCards({ result }: { result: SimulationResult }) {
  const best = bestIndexes(
    result.strategies.map((s) => s.npvUsd.p50),
    true,
  );
  return (
    <div class="strategy-cards">
      {result.strategies.map((s, k) => (
        <article class="card kpi" key={s.name} style={{ borderTopColor: strategyColor(k) }}>
          <h3>
            {s.name}
            {best.has(k) ? <span class="badge good">highest median NPV</span> : null}
          </h3>
          <dl>
            <dt>median NPV</dt>
            <dd class="big">{formatUsd(s.npvUsd.p50)}</dd>
            <dt>bad case (p5) NPV</dt>
            <dd>{formatUsd(s.npvUsd.p5)}</dd>
            <dt>median BTC held at end</dt>
            <dd>{formatBtc(s.btcHeld.p50)}</dd>
            <dt>median IRR{result.baseline === undefined ? '' : ` vs ${result.baseline}`}</dt>
            <dd>
              {s.name === result.baseline
                ? 'the baseline'
                : s.irrPerYear.p50 === null
                  ? 'not defined'
                  : `${formatPercent(s.irrPerYear.p50)}/year`}{' '}
              {s.name === result.baseline ? null : (
                <span class="hint" title="share of paths on which the IRR is defined">
                  ({formatPercent(s.irrPerYear.definedShare)} of paths)
                </span>
              )}
            </dd>
            <dt>cash shortfall probability</dt>
            <dd class={s.shortfallProbability > 0.1 ? 'warn-text' : undefined}>
              {formatPercent(s.shortfallProbability)}
            </dd>
          </dl>
        </article>
      ))}
    </div>
  );
}
