import type { ParsingContext, ParsingResult, Refiner } from 'chrono-node';

/**
 * "your message of January 15": chrono's month-name parser reads a one- or two-digit number after a month as a
 * year ("January 1915"). In letters and telegrams it is the day; a year is printed with four digits or an
 * apostrophe ("May '41").
 */
const MONTH_THEN_NUMBER = /^\p{L}+\.?\s+(\d{1,2})(?:st|nd|rd|th)?$/u;

export const monthDayNotYearRefiner: Refiner = {
  refine: (_context: ParsingContext, results: ParsingResult[]) => {
    for (const r of results) {
      const m = MONTH_THEN_NUMBER.exec(r.text);
      if (!m || r.start.isCertain('day') || !r.start.isCertain('year')) continue;
      const day = Number(m[1]);
      if (day < 1 || day > 31) continue;
      r.start.delete('year');
      r.start.assign('day', day);
    }
    return results;
  },
};
