import type { ParsingContext, ParsingResult, Refiner } from 'chrono-node';

/**
 * "your message of January 15": chrono's month-name parser reads a one- or two-digit number after a month as a
 * year ("January 1915"), and "March 11 be treated" as the Buddhist-era year 11 BE. In letters and telegrams the
 * number is the day; a year is printed with four digits. The era word, if chrono took one, is left out.
 */
const MONTH_THEN_NUMBER = /^(\p{L}+\.?\s+(\d{1,2})(?:st|nd|rd|th)?)(\s+(?:be|bc|bce|ad|ce|b\.c\.|a\.d\.))?$/iu;

export const monthDayNotYearRefiner: Refiner = {
  refine: (_context: ParsingContext, results: ParsingResult[]) => {
    for (const r of results) {
      const m = MONTH_THEN_NUMBER.exec(r.text);
      if (!m || r.start.isCertain('day') || !r.start.isCertain('year')) continue;
      const day = Number(m[2]);
      if (day < 1 || day > 31) continue;
      r.start.delete('year');
      r.start.assign('day', day);
      r.text = m[1]!;
    }
    return results;
  },
};
