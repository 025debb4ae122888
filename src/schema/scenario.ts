import { z } from 'zod';
import { InputError } from '../core/errors.ts';
import { scenarioIssues } from '../core/simulate/scenario-issues.ts';
import { Company } from './company.ts';
import { MarketModel } from './market-model.ts';
import { parseWith } from './parse.ts';
import { between, IsoDay, integer, Label, nonNegative } from './scenario-quantities.ts';
import { Frontier, Strategy } from './strategy.ts';

/** How the horizon's end is valued (what the company is still worth after the last month). */
export const TerminalValue = z
  .object({
    miningMarginYears: nonNegative({
      description: 'mining is worth this many years of its last-12-month gross margin (default 1)',
      unit: 'years',
      example: 1,
    }).default(1),
  })
  .strict();
export type TerminalValue = z.infer<typeof TerminalValue>;

/** A strategy simulation: company, market models, strategies to compare, horizon and Monte Carlo settings. */
export const Scenario = z
  .object({
    name: Label.meta({ description: 'scenario name', example: 'Mid-size miner: how many MW to convert?' }),
    description: z.string().optional(),
    startDate: IsoDay.meta({ description: 'first day of month 0 (UTC)', example: '2025-01-01' }),
    months: integer(1, 600, { description: 'horizon', unit: 'months', example: 120 }),
    paths: integer(1, 10_000_000, {
      description: 'Monte Carlo paths',
      unit: 'paths',
      example: 10_000,
    }).default(10_000),
    seed: integer(0, Number.MAX_SAFE_INTEGER, {
      description: 'random seed',
      unit: 'integer',
      example: 42,
    }).default(1),
    discountRatePerYear: between(0, 1, {
      description: 'discount rate of the NPV',
      unit: '1/year',
      example: 0.12,
    }),
    baseline: Label.optional().meta({
      description: 'strategy the IRR of the others is measured against (default: the first)',
      example: 'pure-play',
    }),
    terminalValue: TerminalValue.default({ miningMarginYears: 1 }),
    market: MarketModel,
    company: Company,
    strategies: z.array(Strategy).min(1, { error: 'expected at least one strategy' }),
    frontier: Frontier.optional(),
  })
  .strict()
  .meta({ id: 'Scenario' });
export type Scenario = z.infer<typeof Scenario>;

/**
 * Parses and checks a scenario document: the schema, then the cross-field rules (names that refer to sites and
 * strategies, catalog model names, MW that fit their sites).
 * @throws InputError with one issue per problem, paths rooted at `scenario` (`scenario.company.sites.0.interconnectMw`).
 */
export function parseScenario(value: unknown): Scenario {
  const scenario = parseWith(Scenario, value, 'scenario');
  const issues = scenarioIssues(scenario, 'scenario');
  if (issues.length > 0) throw new InputError(issues);
  return scenario;
}
