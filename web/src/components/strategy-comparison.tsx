import { useMemo } from 'preact/hooks';
import type { Band, SimulationResult, StrategyResult } from '../api/types.ts';
import { runTimesS } from '../charts/fan-band.ts';
import { formatBtc, formatEhs, formatUsd, formatUsdCompact } from '../format/number.ts';
import { halvingText } from '../runs/halving-text.ts';
import { DistributionTable } from './distribution-table.tsx';
import { FanChart } from './fan-chart.tsx';
import { FrontierChart } from './frontier-chart.tsx';
import { HashShareChart } from './hash-share-chart.tsx';
import { StrategyCards } from './strategy-cards.tsx';

const formatBtcAxis = (v: number) => v.toLocaleString('en-US', { maximumFractionDigits: 1 });

/** Everything a finished run says: headline cards, the distribution table and the charts. */
export function StrategyComparison({ result }: { result: SimulationResult }) {
  const { strategies, months } = result;
  const xS = useMemo(() => runTimesS(result), [result]);
  const halving = result.network.nextHalvingDate;
  const fan = (pick: (s: StrategyResult) => Band) => strategies.map((s) => ({ name: s.name, band: pick(s) }));
  return (
    <div class="comparison">
      <StrategyCards result={result} />
      <DistributionTable strategies={strategies} />
      <div class="chart-grid">
        <FanChart
          title="Net present value over time"
          yLabel="NPV (USD)"
          xS={xS}
          series={fan((s) => s.series.npvUsd)}
          format={formatUsdCompact}
          readoutFormat={formatUsd}
        />
        <FanChart
          title="Bitcoin held in treasury"
          yLabel="BTC held (BTC)"
          xS={xS}
          series={fan((s) => s.series.btcHeld)}
          format={formatBtcAxis}
          readoutFormat={formatBtc}
        />
        <FanChart
          title="Cash on hand"
          yLabel="cash (USD)"
          xS={xS}
          series={fan((s) => s.series.cashUsd)}
          format={formatUsdCompact}
          readoutFormat={formatUsd}
        />
        <HashShareChart
          xS={xS}
          series={strategies.map((s) => ({ name: s.name, share: s.series.hashShare }))}
          networkEhPerS={result.network.hashrateEhPerS}
        />
        {result.frontier.length > 0 ? (
          <FrontierChart points={result.frontier} />
        ) : (
          <section class="card chart-card">
            <h3>Allocation frontier</h3>
            <p class="hint">
              This scenario has no <code>frontier:</code> section. Add one (a strategy and a list of AI MW) to
              see mean and bad-case NPV and the shortfall probability for each allocation.
            </p>
          </section>
        )}
        <FanChart
          title="Bitcoin price paths (market input)"
          yLabel="BTC price (USD)"
          xS={xS}
          series={[{ name: 'BTC price', band: result.network.priceUsd }]}
          format={formatUsdCompact}
          readoutFormat={formatUsd}
        />
      </div>
      <p class="hint">
        {halvingText(halving)} · network hashrate after {months} months (median){' '}
        {formatEhs(result.network.hashrateEhPerS.p50[months])} · discount rate{' '}
        {(result.discountRatePerYear * 100).toFixed(1)}%/year.
      </p>
    </div>
  );
}
