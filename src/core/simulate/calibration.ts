/**
 * Calibrated market parameters shipped with Mullet (defaults of the scenario's market model). The price and
 * fee figures come from `scripts/calibrate-market.ts` run on Coin Metrics community data (daily PriceUSD,
 * FeeTotNtv, BlkCnt, 2016-01-01…2019-12-31; CC BY-NC 4.0, so only these aggregates are shipped, never rows);
 * the network growth from blockchain.com 7-day averages (2023-01-01…2024-11-23). Figures marked
 * "assumption" are not fitted to data; docs/simulator.md says why each was chosen.
 */
export const CALIBRATION = {
  price: {
    /** Daily log-returns 2016–2019: total volatility 0.761/yr (reported, not a default). */
    totalVolatilityPerYear: 0.761,
    /** Standard deviation of the daily log-returns within 4 robust σ (1.4826·MAD) of the median, annualized. */
    diffusionVolatilityPerYear: 0.564,
    /** Days beyond 4 robust σ: 73 in 1,461 days = 18.25 per year. */
    jumpsPerYear: 18.25,
    /** Mean and standard deviation of those days' log-returns. */
    jumpMeanLog: -0.0038,
    jumpStdLog: 0.1238,
  },
  fees: {
    /** AR(1) on the log of the monthly mean fee per block (48 months): 1 − φ. */
    reversionPerMonth: 0.1,
    /** Residual standard deviation of that AR(1). */
    volatilityPerMonth: 0.442,
  },
  network: {
    /** Mean growth of network hashrate 2023-01 … 2024-11 (253 → 777 EH/s): 23.0 EH/s per month. */
    newSupplyEhPerSPerMonth: 23,
    /** Assumption: typical all-in power cost of the world's miners (incl. cooling overhead). */
    powerCostUsdPerMwh: 45,
    /** Assumption: miners' power costs spread uniformly over ±40 % around that level. */
    powerCostSpread: 0.4,
    /** Assumption: manufacturers ship at capacity once a frontier machine's gross margin reaches 50 %. */
    fullSupplyMargin: 0.5,
    /** Catalog's most efficient air-cooled class (Antminer S21+ Hydro 15 J/TH, SEALMINER A2 16.5). */
    frontierJPerTh: 15,
    /** Assumption: J/TH of new machines falls 10 % a year (S19 Pro 29.5 in 2020 → S21 17.5 in 2024 ≈ −12 %/yr). */
    efficiencyGainPerYear: 0.1,
    /** Assumption: machines failing or scrapped per year. */
    attritionPerYear: 0.05,
    /**
     * Assumption: efficiency mix of the network's installed base at the start of 2025 (shares of hashrate),
     * by catalog class: S21/A2 (16.5 J/TH), S19 XP/M50S++ (22), S19j Pro/M50 (29.5), M30S/S19a-class (36).
     */
    fleet: [
      { jPerTh: 16.5, share: 0.3 },
      { jPerTh: 22, share: 0.3 },
      { jPerTh: 29.5, share: 0.3 },
      { jPerTh: 36, share: 0.1 },
    ],
    /** Share of installed hashrate that never switches off (free or stranded power); keeps blocks coming. */
    alwaysOnShare: 0.01,
    /**
     * Assumption: at most 30 % of last month's online hashrate switches off in a month. The largest monthly
     * falls on record are of that order (China's mining ban, May–July 2021: about −50 % over two months).
     */
    maxMonthlyDrop: 0.3,
    /** New machines join one cohort per this many months (a cohort shares one efficiency). */
    cohortMonths: 24,
  },
  asicPrice: {
    /** Assumption: USD/TH of a new frontier machine moves one-for-one with hashprice. */
    hashpriceElasticity: 1,
    /** Assumption: floor of the ASIC price. */
    minUsdPerTh: 2,
    /** Assumption: USD/TH of new machines falls 10 % a year at constant hashprice (same pace as efficiency). */
    declinePerYear: 0.1,
  },
} as const;
