import type { Band, SimulationResult, StrategyResult } from '../api/types.ts';
import { formatEhs, formatUsdCompact } from '../format/number.ts';
import { DistributionTable } from './distribution-table.tsx';
import { FanChart } from './fan-chart.tsx';
import { FrontierChart } from './frontier-chart.tsx';
import { HashShareChart } from './hash-share-chart.tsx';
import { StrategyCards } from './strategy-cards.tsx';

const formatBtcAxis = (v: number) => v.toLocaleString('en-US', { maximumFractionDigits: 1 });

/** Everything a finished run says: headline cards, the distribution table and the charts. */
export function StrategyComparison({ result }: { result: SimulationResult }) {
  const { strategies, startDate, months } = result;
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
          startDate={startDate}
          months={months}
          series={fan((s) => s.series.npvUsd)}
          format={formatUsdCompact}
        />
        <FanChart
          title="Bitcoin held in treasury"
          yLabel="BTC held (BTC)"
          startDate={startDate}
          months={months}
          series={fan((s) => s.series.btcHeld)}
          format={formatBtcAxis}
        />
        <FanChart
          title="Cash on hand"
          yLabel="cash (USD)"
          startDate={startDate}
          months={months}
          series={fan((s) => s.series.cashUsd)}
          format={formatUsdCompact}
        />
        <HashShareChart
          startDate={startDate}
          months={months}
          series={strategies.map((s) => ({ name: s.name, share: s.series.hashShare }))}
          networkEhPerS={result.network.hashrateEhPerS}
        />
        {result.frontier.length > 0 ? <FrontierChart points={result.frontier} /> : null}
        <FanChart
          title="Bitcoin price paths (market input)"
          yLabel="BTC price (USD)"
          startDate={startDate}
          months={months}
          series={[{ name: 'BTC price', band: result.network.priceUsd }]}
          format={formatUsdCompact}
        />
      </div>
      <p class="hint">
        Next halving (median path) {halving.p50.slice(0, 10)}, between {halving.p5.slice(0, 10)} and{' '}
        {halving.p95.slice(0, 10)} (p5–p95) · network hashrate after {months} months (median){' '}
        {formatEhs(result.network.hashrateEhPerS.p50[months])} · discount rate{' '}
        {(result.discountRatePerYear * 100).toFixed(1)}%/year.
      </p>
    </div>
  );
}
