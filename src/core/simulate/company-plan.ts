import type { Company } from '../../schema/company.ts';
import type { Conversion, Strategy } from '../../schema/strategy.ts';
import { InputError, type InputIssue } from '../errors.ts';
import { resolveAsicTier } from '../hardware/asic-tier.ts';

/** One group of identical machines on one site, resolved against the catalog. */
export interface PlannedTier {
  siteIndex: number;
  name: string;
  thPerS: number;
  jPerTh: number;
  /** ASIC power at the wall (before the site's PUE), MW. */
  wallMw: number;
}

/** A conversion with its IT MW resolved (`"all"` becomes a number) and its site found. */
export interface PlannedConversion extends Omit<Conversion, 'itMw'> {
  siteIndex: number;
  itMw: number;
  /** Grid MW the hall draws at full IT load: itMw · pue. */
  gridMw: number;
}

/** Resolves every site's fleet; collects one issue per unknown model instead of stopping at the first. */
export function planFleet(company: Company, root: string, issues: InputIssue[]): PlannedTier[] {
  const tiers: PlannedTier[] = [];
  company.sites.forEach((site, siteIndex) => {
    site.fleet.forEach((spec, j) => {
      try {
        const t = resolveAsicTier(spec, `${root}.company.sites.${siteIndex}.fleet.${j}`);
        tiers.push({
          siteIndex,
          name: `${site.name}: ${t.name}`,
          thPerS: t.thPerS,
          jPerTh: t.jPerTh,
          wallMw: t.powerMw,
        });
      } catch (error) {
        if (error instanceof InputError) issues.push(...error.issues);
        else throw error;
      }
    });
  });
  return tiers;
}

/** Grid MW already taken by signed AI leases, per site (IT MW · PUE). */
export function existingAiGridMw(company: Company): number[] {
  const out = company.sites.map(() => 0);
  for (const lease of company.aiLeases) {
    const i = company.sites.findIndex((s) => s.name === lease.site);
    if (i >= 0) out[i]! += lease.itMw * lease.pue;
  }
  return out;
}

/** Resolves a strategy's conversions; sites that do not exist are skipped (reported by scenarioIssues). */
export function planConversions(strategy: Strategy, company: Company): PlannedConversion[] {
  const existing = existingAiGridMw(company);
  const out: PlannedConversion[] = [];
  for (const c of strategy.conversions) {
    const siteIndex = company.sites.findIndex((s) => s.name === c.site);
    if (siteIndex < 0) continue;
    const site = company.sites[siteIndex]!;
    const itMw = c.itMw === 'all' ? Math.max(0, site.interconnectMw - existing[siteIndex]!) / c.pue : c.itMw;
    out.push({ ...c, siteIndex, itMw, gridMw: itMw * c.pue });
  }
  return out;
}

/**
 * Scales conversions so that their IT MW total `targetItMw` (a frontier point), keeping their proportions.
 * Returns the largest total the sites allow when the target does not fit, as `maxItMw`.
 */
export function scaleConversions(
  conversions: readonly PlannedConversion[],
  company: Company,
  targetItMw: number,
): { conversions: PlannedConversion[]; maxItMw: number } {
  const total = conversions.reduce((s, c) => s + c.itMw, 0);
  const existing = existingAiGridMw(company);
  // Largest factor k such that every site's scaled grid draw still fits.
  let maxFactor = Number.POSITIVE_INFINITY;
  company.sites.forEach((site, i) => {
    const grid = conversions.filter((c) => c.siteIndex === i).reduce((s, c) => s + c.gridMw, 0);
    if (grid > 0) maxFactor = Math.min(maxFactor, (site.interconnectMw - existing[i]!) / grid);
  });
  const factor = total > 0 ? targetItMw / total : 0;
  return {
    conversions: conversions
      .map((c) => ({ ...c, itMw: c.itMw * factor, gridMw: c.gridMw * factor }))
      .filter((c) => c.itMw > 0),
    maxItMw: total * maxFactor,
  };
}
