import type { Scenario } from '../../schema/scenario.ts';
import type { InputIssue } from '../errors.ts';
import { existingAiGridMw, planConversions, planFleet, scaleConversions } from './company-plan.ts';

const mw = (x: number) => Number(x.toPrecision(6));

/**
 * Cross-field rules of a scenario that its schema cannot express: names that must refer to a site or a
 * strategy, unique names, catalog model names, and MW that must fit their site's interconnect.
 * Returns every issue found (empty when the scenario is consistent); paths start with `root`.
 */
export function scenarioIssues(scenario: Scenario, root = 'scenario'): InputIssue[] {
  const issues: InputIssue[] = [];
  const { company } = scenario;
  const siteNames = company.sites.map((s) => s.name);

  company.sites.forEach((site, i) => {
    if (siteNames.indexOf(site.name) !== i)
      issues.push({
        path: `${root}.company.sites.${i}.name`,
        message: 'expected a unique site name',
        value: site.name,
      });
  });
  company.aiLeases.forEach((lease, i) => {
    if (!siteNames.includes(lease.site))
      issues.push({
        path: `${root}.company.aiLeases.${i}.site`,
        message: `expected one of the sites ${siteNames.map((n) => `"${n}"`).join(', ')}`,
        value: lease.site,
      });
  });

  const tiers = planFleet(company, root, issues);
  const aiGrid = existingAiGridMw(company);
  company.sites.forEach((site, i) => {
    const fleetGrid = tiers
      .filter((t) => t.siteIndex === i)
      .reduce((s, t) => s + t.wallMw * site.miningPue, 0);
    if (fleetGrid + aiGrid[i]! > site.interconnectMw * (1 + 1e-9))
      issues.push({
        path: `${root}.company.sites.${i}.fleet`,
        message: `expected the fleet (${mw(fleetGrid)} MW with PUE ${site.miningPue}) plus signed AI leases (${mw(aiGrid[i]!)} MW) to fit the ${site.interconnectMw} MW interconnect`,
      });
  });

  const strategyNames = scenario.strategies.map((s) => s.name);
  scenario.strategies.forEach((strategy, s) => {
    const at = `${root}.strategies.${s}`;
    if (strategyNames.indexOf(strategy.name) !== s)
      issues.push({ path: `${at}.name`, message: 'expected a unique strategy name', value: strategy.name });
    strategy.conversions.forEach((c, j) => {
      if (!siteNames.includes(c.site))
        issues.push({
          path: `${at}.conversions.${j}.site`,
          message: `expected one of the sites ${siteNames.map((n) => `"${n}"`).join(', ')}`,
          value: c.site,
        });
    });
    const planned = planConversions(strategy, company);
    company.sites.forEach((site, i) => {
      const grid = planned.filter((c) => c.siteIndex === i).reduce((sum, c) => sum + c.gridMw, 0);
      if (grid > 0 && grid + aiGrid[i]! > site.interconnectMw * (1 + 1e-9)) {
        const j = strategy.conversions.findIndex((c) => c.site === site.name);
        issues.push({
          path: `${at}.conversions.${j}.itMw`,
          message: `expected the conversions at "${site.name}" (${mw(grid)} MW with PUE) plus signed AI leases (${mw(aiGrid[i]!)} MW) to fit the ${site.interconnectMw} MW interconnect`,
        });
      }
    });
    if (
      strategy.reinvest?.untilMonth !== undefined &&
      strategy.reinvest.untilMonth < strategy.reinvest.fromMonth
    )
      issues.push({
        path: `${at}.reinvest.untilMonth`,
        message: `expected a month >= fromMonth (${strategy.reinvest.fromMonth})`,
        value: strategy.reinvest.untilMonth,
      });
  });

  if (scenario.baseline !== undefined && !strategyNames.includes(scenario.baseline))
    issues.push({
      path: `${root}.baseline`,
      message: `expected one of the strategies ${strategyNames.map((n) => `"${n}"`).join(', ')}`,
      value: scenario.baseline,
    });

  const frontier = scenario.frontier;
  if (frontier) {
    const template = scenario.strategies.find((s) => s.name === frontier.strategy);
    if (!template)
      issues.push({
        path: `${root}.frontier.strategy`,
        message: `expected one of the strategies ${strategyNames.map((n) => `"${n}"`).join(', ')}`,
        value: frontier.strategy,
      });
    else {
      const planned = planConversions(template, company);
      if (planned.length === 0)
        issues.push({
          path: `${root}.frontier.strategy`,
          message: 'expected a strategy with at least one conversion to scale',
          value: frontier.strategy,
        });
      else {
        const { maxItMw } = scaleConversions(planned, company, 0);
        frontier.aiMw.forEach((target, k) => {
          if (target > maxItMw * (1 + 1e-9))
            issues.push({
              path: `${root}.frontier.aiMw.${k}`,
              message: `expected at most ${mw(maxItMw)} MW of critical IT (what the sites of "${template.name}" can host)`,
              value: target,
            });
        });
      }
    }
  }

  const price = scenario.market.price;
  if (
    price.model === 'bootstrap' &&
    price.from !== undefined &&
    price.to !== undefined &&
    price.from > price.to
  )
    issues.push({
      path: `${root}.market.price.to`,
      message: `expected a day on or after from (${price.from})`,
      value: price.to,
    });
  return issues;
}
