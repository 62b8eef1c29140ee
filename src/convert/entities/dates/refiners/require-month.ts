import type { ParsingContext, ParsingResult, Refiner } from 'chrono-node';

/**
 * Keeps only expressions that state a month: a time alone ("4 pm"), a weekday alone ("on Wednesday") or a
 * bare year is not a date at day or month precision.
 */
export const requireMonthRefiner: Refiner = {
  refine: (_context: ParsingContext, results: ParsingResult[]) => results.filter((r) => r.start.isCertain('month')),
};
