import type { Dist, StrategyResult } from '../api/types.ts';
import { strategyColor } from '../charts/palette.ts';
import { formatBtc, formatPercent, formatUsd } from '../format/number.ts';
import { bestIndexes } from '../runs/best-value.ts';

interface Metric {
  label: string;
  pick: (s: StrategyResult) => Dist;
  format: (v: number) => string;
  /** Whether more is better (to mark the best median). */
  higherIsBetter: boolean;
}

const METRICS: Metric[] = [
  { label: 'NPV (USD)', pick: (s) => s.npvUsd, format: formatUsd, higherIsBetter: true },
  { label: 'BTC held at end (BTC)', pick: (s) => s.btcHeld, format: formatBtc, higherIsBetter: true },
  { label: 'cash at end (USD)', pick: (s) => s.cashUsd, format: formatUsd, higherIsBetter: true },
  {
    label: 'hash share at end (% of network)',
    pick: (s) => s.hashShareEnd,
    format: formatPercent,
    higherIsBetter: true,
  },
];

/** Strategy comparison: p5/p50/p95/mean of each outcome over all paths, and the probability of a cash shortfall. */
export function DistributionTable({ strategies }: { strategies: StrategyResult[] }) {
  const bestShortfall = bestIndexes(
    strategies.map((s) => s.shortfallProbability),
    false,
  );
  return (
    <div class="card table-card">
      <h3>Outcomes across simulated paths</h3>
      <table class="data-table distribution-table">
        <thead>
          <tr>
            <th>outcome</th>
            <th>strategy</th>
            <th class="num">p5 (bad case)</th>
            <th class="num">p50 (median)</th>
            <th class="num">p95 (good case)</th>
            <th class="num">mean</th>
          </tr>
        </thead>
        <tbody>
          {METRICS.map((metric) => {
            const medians = strategies.map((s) => metric.pick(s).p50);
            const best = bestIndexes(medians, metric.higherIsBetter);
            return strategies.map((s, k) => {
              const d = metric.pick(s);
              return (
                <tr key={`${metric.label}-${s.name}`} class={k === 0 ? 'group-start' : undefined}>
                  {k === 0 ? (
                    <th scope="rowgroup" rowSpan={strategies.length}>
                      {metric.label}
                    </th>
                  ) : null}
                  <td>
                    <span class="dot" style={{ background: strategyColor(k) }} />
                    {s.name}
                  </td>
                  <td class="num">{metric.format(d.p5)}</td>
                  <td class={best.has(k) ? 'num best' : 'num'}>{metric.format(d.p50)}</td>
                  <td class="num">{metric.format(d.p95)}</td>
                  <td class="num">{metric.format(d.mean)}</td>
                </tr>
              );
            });
          })}
          {strategies.map((s, k) => (
            <tr key={`shortfall-${s.name}`} class={k === 0 ? 'group-start' : undefined}>
              {k === 0 ? (
                <th scope="rowgroup" rowSpan={strategies.length}>
                  cash shortfall probability
                </th>
              ) : null}
              <td>
                <span class="dot" style={{ background: strategyColor(k) }} />
                {s.name}
              </td>
              <td class={bestShortfall.has(k) ? 'num best' : 'num'} colSpan={4}>
                {formatPercent(s.shortfallProbability)} of paths run out of cash
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <p class="hint">Highlighted: the best median (or lowest shortfall) among strategies.</p>
    </div>
  );
}
