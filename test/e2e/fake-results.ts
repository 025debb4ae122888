/**
 * Synthetic but plausible engine answers, shaped like docs/api-contract.md, for browser tests of the
 * dashboard's drawing when an engine is not the thing under test. Deterministic: no randomness.
 */

interface Band {
  p5: number[];
  p50: number[];
  p95: number[];
  mean: number[];
}

function band(months: number, at: (month: number, z: number) => number): Band {
  const pick = (z: number) => Array.from({ length: months + 1 }, (_, m) => at(m, z));
  return { p5: pick(-1.645), p50: pick(0), p95: pick(1.645), mean: pick(0.1) };
}

const dist = (b: Band) => ({
  p5: b.p5.at(-1)!,
  p50: b.p50.at(-1)!,
  p95: b.p95.at(-1)!,
  mean: b.mean.at(-1)!,
});

/** A SimulationResult of three strategies over `months` months. */
export function fakeSimulationResult(months = 60, paths = 200, seed = 1) {
  const network = band(months, (m, z) => 600 * Math.exp(0.02 * m + z * 0.03 * Math.sqrt(m)));
  const strategies = [
    { name: 'pure-play', drift: 1.0, vol: 1.4, ai: 0, shortfall: 0.18 },
    { name: 'mullet', drift: 1.25, vol: 0.8, ai: 0.5, shortfall: 0.06 },
    { name: 'full pivot', drift: 1.1, vol: 0.35, ai: 1, shortfall: 0.03 },
  ].map((s) => {
    const npvUsd = band(months, (m, z) => s.drift * 1.2e6 * m + z * s.vol * 2.5e5 * m);
    const cashUsd = band(months, (m, z) => 2e7 + s.drift * 6e5 * m + z * s.vol * 1.5e5 * m);
    const btcHeld = band(months, (m, z) =>
      Math.max(0, (1 - s.ai) * (400 + 9 * m) + z * s.vol * 2 * m + s.ai * 400),
    );
    const hashShare = band(months, (m, z) =>
      Math.max(0, (1 - 0.8 * s.ai) * 0.012 * Math.exp(-0.008 * m) * (1 + 0.05 * z)),
    );
    const hashrateEhPerS = band(months, (m, z) => (1 - 0.8 * s.ai) * 7.2 * (1 + 0.004 * m) * (1 + 0.02 * z));
    return {
      name: s.name,
      npvUsd: dist(npvUsd),
      irrPerYear: {
        p5: 0.02 * s.drift,
        p50: 0.14 * s.drift,
        p95: 0.3 * s.drift,
        mean: 0.15 * s.drift,
        definedShare: 0.97,
      },
      btcMined: dist(btcHeld),
      btcHeld: dist(btcHeld),
      cashUsd: dist(cashUsd),
      ebitdaUsd: dist(npvUsd),
      hashShareEnd: dist(hashShare),
      shortfallProbability: s.shortfall,
      series: { cashUsd, btcHeld, npvUsd, hashShare, hashrateEhPerS },
    };
  });
  const frontier = [0, 25, 50, 75, 100, 125, 150].map((aiMw) => ({
    aiMw,
    npvUsd: {
      p5: -2e7 + 2.4e5 * aiMw - 600 * aiMw * aiMw,
      p50: 4e7 + 3e5 * aiMw - 1500 * aiMw * aiMw,
      p95: 1.1e8 - 1e5 * aiMw,
      mean: 4.5e7 + 3.2e5 * aiMw - 1600 * aiMw * aiMw,
    },
    shortfallProbability: Math.max(0.01, 0.2 - 0.0012 * aiMw),
  }));
  return {
    scenarioName: 'fake',
    paths,
    seed,
    months,
    startDate: '2026-01-01',
    discountRatePerYear: 0.12,
    strategies,
    network: {
      priceUsd: band(months, (m, z) => 95000 * Math.exp(0.01 * m + z * 0.16 * Math.sqrt(m / 12))),
      hashrateEhPerS: network,
      hashpriceUsdPerPhDay: band(months, (m, z) => 50 * Math.exp(-0.01 * m + z * 0.1 * Math.sqrt(m / 12))),
      nextHalvingDate: { p5: '2028-03-20', p50: '2028-04-12', p95: '2028-05-02' },
    },
    frontier,
  };
}

/** A DispatchResult of one year of hours with a daily price shape and mining curtailed in the expensive hours. */
export function fakeDispatchResult() {
  const hours = 8760;
  const t0 = Date.parse('2023-01-01T06:00:00Z');
  const timeUtc: string[] = [];
  const price: number[] = [];
  const mining: number[] = [];
  const ai: number[] = [];
  for (let h = 0; h < hours; h++) {
    const t = t0 + h * 3_600_000;
    timeUtc.push(new Date(t).toISOString());
    const hourCt = (new Date(t).getUTCHours() + 18) % 24;
    const day = Math.floor(h / 24);
    const summer = Math.exp(-(((day - 215) / 30) ** 2));
    const p =
      25 +
      20 * Math.sin(((hourCt - 8) / 24) * 2 * Math.PI) +
      180 * summer * (hourCt >= 15 && hourCt <= 20 ? 1 : 0);
    price.push(day === 40 && hourCt === 18 ? 4800 : p);
    mining.push(p > 70 ? 0 : p > 55 ? 40 : 85);
    ai.push(30);
  }
  const totals = (miningMwh: number, extra: number) => ({
    hours,
    aiMwh: 30 * hours * 1.3,
    miningMwh,
    curtailedMwh: 85 * hours - miningMwh,
    curtailedHours: 900,
    btcMined: miningMwh * 0.0011,
    miningRevenueUsd: miningMwh * 62,
    miningPowerCostUsd: miningMwh * (38 - extra),
    miningMarginUsd: miningMwh * (24 + extra),
    sellBackUsd: 0,
    ppaUnusedCostUsd: 0,
    fourCpAvoidedUsd: extra * 1000,
    ancillaryUsd: 0,
    ancillaryOfferedMwh: 0,
    demandResponseUsd: extra * 1000,
    aiRevenueUsd: 30_000 * 130 * 12,
    aiPowerCostUsd: 0,
    totalMarginUsd: miningMwh * (24 + extra) + extra * 1000 + 30_000 * 130 * 12,
  });
  const miningMwh = mining.reduce((s, v) => s + v, 0);
  const optimized = totals(miningMwh, 9);
  const baseline = totals(85 * hours, 0);
  return {
    solver: 'merit-order',
    node: 'HB_WEST',
    from: timeUtc[0],
    to: new Date(t0 + hours * 3_600_000).toISOString(),
    intervalMinutes: 60,
    totals: optimized,
    baseline,
    upliftUsd: optimized.totalMarginUsd - baseline.totalMarginUsd,
    tiers: [],
    hourly: {
      timeUtc,
      priceUsdPerMwh: price,
      aiMw: ai,
      miningMw: mining,
      curtailedMw: mining.map((m) => 85 - m),
      marginUsd: mining.map((m, i) => m * (62 - price[i]!)),
      tierMw: [],
      ancillaryOfferMw: [],
    },
    lp: null,
    warnings: [],
  };
}
