import type { Band, SimulationResult, StrategyResult } from '../api/types.ts';
import { formatBtc, formatUsd, formatUsdCompact } from '../format/number.ts';
import { DistributionTable } from './distribution-table.tsx';
import { FanChart } from './fan-chart.tsx';
import { FrontierChart } from './frontier-chart.tsx';
import { HashShareChart } from './hash-share-chart.tsx';
import { StrategyCards } from './strategy-cards.tsx';

const formatBtcAxis = (v: number) => v.toLocaleString('en-US', { maximumFractionDigits: 1 });

/** Everything a finished run says: headline cards, the distribution table and the charts. */
export function StrategyComparison({ result }: { result: SimulationResult }) {
  const { strategies, startDate, months } = result;
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
        Next halving (median path): {result.network.nextHalvingDate.p50.slice(0, 10)} (p5{' '}
        {result.network.nextHalvingDate.p5.slice(0, 10)}, p95{' '}
        {result.network.nextHalvingDate.p95.slice(0, 10)}). Discount rate{' '}
        {(result.discountRatePerYear * 100).toFixed(1)}%/year. Medians: NPV{' '}
        {strategies.map((s) => `${s.name} ${formatUsd(s.npvUsd.p50)}`).join(', ')}; BTC held{' '}
        {strategies.map((s) => `${s.name} ${formatBtc(s.btcHeld.p50)}`).join(', ')}.
      </p>
    </div>
  );
}
